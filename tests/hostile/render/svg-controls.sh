# svg labels of event names with C1 controls (NEL, CSI) kept them as raw
# bytes (NUL, other C0 and DEL were already spaces); now every control
# character is a space, and the chart still parses
printf '%s\n' '{"kind":"link","step":1,"from":"a\u0085b","to":"c\u009b[31md","value":2}' \
	'{"kind":"link","step":1,"from":"a\u0085b","to":"n\u0000u\u007fl","value":1}' > l.ndjson
pulse-render --format svg l.ndjson > s.svg
xmllint --noout s.svg && echo "xmllint: ok"
grep 'class="label"' s.svg | sed 's/.*>\([^<]*\)<\/text>$/\1/'
echo "control bytes: $(LC_ALL=C tr -d '\n' < s.svg | LC_ALL=C grep -c "$(printf '[\001-\037\177]\|\302[\200-\237]')" || true)"
