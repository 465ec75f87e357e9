# pulse-extract bitrix --help and usage errors (exit 64, one line).
pulse-extract --help | grep bitrix
pulse-extract bitrix --help | head -n 1
pulse-extract bitrix --help | grep -c -- '--statuses\|--users\|--loss-field\|--keep\|--encoding\|--tz\|--on-error'
pulse-extract bitrix --version
for args in "--entity x" "--encoding koi8" "--delimiter ab" "--tz soon" "--tz +03:00:00:00" \
	"--nosuch" "--keep=" "--on-error=maybe"; do
	echo "# pulse-extract bitrix $args"; echo "# pulse-extract bitrix $args" >&2
	# shellcheck disable=SC2086
	pulse-extract bitrix $args </dev/null || echo "exit $?"
done
echo '# missing files and aux files'
echo '# a missing input file'; echo '# a missing input file' >&2
pulse-extract bitrix nosuch.json || echo "exit $?"
echo '# a missing --users file'; echo '# a missing --users file' >&2
pulse-extract bitrix --users nosuch.json </dev/null || echo "exit $?"
echo '{"result":[{"NAME":"x"}]}' >u.json
echo '# a --users file of no user'; echo '# a --users file of no user' >&2
pulse-extract bitrix --users u.json </dev/null || echo "exit $?"
echo '# empty input, blank input'; echo '# empty input, blank input' >&2
: >empty.json
printf '\n \n' >blank.json
pulse-extract bitrix empty.json blank.json </dev/null && echo ok
echo '# files that are neither JSON nor CSV'
printf '<html><table><tr><td>ID</td></tr></table></html>\n' >excel.xls
printf '\377\376I\000D\000\n\000' >unicode.txt
echo '# --on-error=skip'; echo '# --on-error=skip' >&2
pulse-extract bitrix --on-error=skip excel.xls unicode.txt || echo "exit $?"
echo '# --on-error=fail'; echo '# --on-error=fail' >&2
pulse-extract bitrix excel.xls unicode.txt || echo "exit $?"
