# pulse-extract bitrix --help and usage errors (exit 64, one line).
pulse-extract --help | grep bitrix
pulse-extract bitrix --help | head -n 1
pulse-extract bitrix --help | grep -c -- '--statuses\|--users\|--loss-field\|--keep\|--encoding\|--tz\|--on-error'
pulse-extract bitrix --version
for args in "--entity x" "--encoding koi8" "--delimiter ab" "--tz soon" "--tz +03:00:00:00" \
	"--nosuch" "--keep=" "--on-error=maybe"; do
	echo "# pulse-extract bitrix $args"
	# shellcheck disable=SC2086
	pulse-extract bitrix $args </dev/null 2>&1 || echo "exit $?"
done
echo '# missing files and aux files'
pulse-extract bitrix nosuch.json 2>&1 || echo "exit $?"
pulse-extract bitrix --users nosuch.json </dev/null 2>&1 || echo "exit $?"
echo '{"result":[{"NAME":"x"}]}' >u.json
pulse-extract bitrix --users u.json </dev/null 2>&1 || echo "exit $?"
echo '# empty input, blank input'
: >empty.json
printf '\n \n' >blank.json
pulse-extract bitrix empty.json blank.json </dev/null && echo ok
echo '# files that are neither JSON nor CSV'
printf '<html><table><tr><td>ID</td></tr></table></html>\n' >excel.xls
printf '\377\376I\000D\000\n\000' >unicode.txt
pulse-extract bitrix --on-error=skip excel.xls unicode.txt 2>&1 || echo "exit $?"
pulse-extract bitrix excel.xls unicode.txt 2>&1 || echo "exit $?"
