# pulse-bot --config: a file as Notepad saves it (a byte order mark, CRLF)
# is read; an empty one, comments only, garbage (a JSON file given by
# mistake), a NUL byte, an unknown setting, a metric before any button, a
# button without a metric, the same button twice, a command as a button, a
# bad lang or number are exit 65 naming the file and line; a missing file
# is 66
printf '\xef\xbb\xbflang = en\r\ncolumns = 2\r\nbutton = First line\r\nmetric = intro_lessons_by_first_line\r\n' > notepad.conf
pulse-bot --check-config --config notepad.conf
pulse-bot --check-config --config "$SAMPLES/bot-sales.conf" | head -n 1
t() {
	printf "$2" > "$1.conf"
	echo "# $1" >&2
	pulse-bot --check-config --config "$1.conf" || echo "$1: exit $?"
}
t empty ''
t comments '# nothing yet\r\n\r\n'
t json '{"buttons":[]}\n'
t nul 'button = A\nmetric = m\x00\n'
t unknown 'button = A\nmetric = m\ncolour = red\n'
t early 'metric = m\nbutton = A\n'
t nometric 'button = A\nbutton = B\nmetric = m\n'
t twice 'button = A\nmetric = m\nbutton = A\nmetric = n\n'
t command 'button = /report\nmetric = m\n'
t lang 'lang = de\nbutton = A\nmetric = m\n'
t columns 'columns = 0\nbutton = A\nmetric = m\n'
t latin1 'button = \xe9t\xe9\nmetric = m\n'
t novalue 'button =\nmetric = m\n'
echo "# missing" >&2
pulse-bot --check-config --config missing.conf || echo "missing: exit $?"
