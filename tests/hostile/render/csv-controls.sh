# csv of values (and a key) holding NUL, ESC, DEL and C1 controls: they
# reached the CSV as raw bytes (a NUL ends a cell in many readers); now
# each is U+FFFD, while tab, CR and LF stay, quoted
printf '%s\n' '{"kind":"lead","id":"1","title":"a\u0000b","note":"esc \u001b[31mred\u001b[0m","k\u0000ey":1}' \
	'{"kind":"lead","id":"2","title":"del \u007f, nel \u0085, csi \u009b","note":"tab\there\r\nline 2"}' > in.ndjson
pulse-render --format csv in.ndjson | tr '\r' '^'
