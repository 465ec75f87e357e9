# pulse-extract bitrix, CSV exports: a raw NUL in a header or a value is
# kept: header "UF_X\0Y" became the member uf_x, and a stage "WON\0" was
# read as WON (semantic S)
printf 'ID;TITLE;STAGE_ID;DATE_CREATE;UF_X\0Y\n1;a\0b;WON\0;21.01.2026 14:03;v\n' >deals.csv
pulse-extract bitrix --entity deal --keep-unknown deals.csv |
	jq -c '[.title, .status, .semantic, (to_entries | map(select(.key | startswith("uf_x"))) | from_entries)]'
echo '# the header is shown escaped when it is left out'
pulse-extract bitrix --entity deal deals.csv 2>&1 >/dev/null
