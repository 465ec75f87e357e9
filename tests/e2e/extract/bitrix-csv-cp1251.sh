# The CSV export as an old on-premise Bitrix24 writes it: Windows-1251,
# ';', Russian headers, no BOM, dates "21.01.2026 14:03:00", money
# "19 999,99", stage and source names (ids with --statuses), CRLF ends.
D=$ROOT/tests/e2e/extract/data
cp "$D/bitrix-leads-cp1251.csv" . # messages name the file: keep them free of the checkout's path
pulse-extract bitrix bitrix-leads-cp1251.csv
echo '# --statuses gives ids and semantics, --tz an offset'
pulse-extract bitrix --statuses "$D/bitrix-statuses.json" --tz +03:00 \
	"$D/bitrix-leads-cp1251.csv" 2>/dev/null |
	jq -c '[.id, .status, .semantic, .source, .created, .closed]'
echo '# forced as UTF-8 it is not'; echo '# forced as UTF-8 it is not' >&2
pulse-extract bitrix --encoding utf-8 bitrix-leads-cp1251.csv >/dev/null || echo "exit $?"
