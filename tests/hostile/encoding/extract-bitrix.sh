# pulse-extract bitrix: a CSV export whose first rows are ASCII and whose
# later rows are Windows-1251 is read as Windows-1251 from there (the old
# reader looked at the first 64 KiB only and made U+FFFD of the rest)
{
	printf 'ID;Title;Stage;Created\n'
	i=1
	while [ $i -le 3000 ]; do
		printf '%d;Lead %d;NEW;2026-01-02 10:00:00\n' $i $i
		i=$((i + 1))
	done
	printf '3001;\xc7\xe0\xff\xe2\xea\xe0 \xf1 \xf1\xe0\xe9\xf2\xe0;NEW;2026-01-02 10:00:00\n'
} >leads.csv
pulse-extract bitrix --entity lead leads.csv | tail -n 1 | jq -c '[.id, .title]'
echo '# a header map (--map) in Windows-1251'
printf '\xc8\xf1\xf2\xee\xf7\xed\xe8\xea,SOURCE_ID\n' >map.csv
printf '\xc8\xf1\xf2\xee\xf7\xed\xe8\xea;ID;Stage;Created\nWEB;1;NEW;2026-01-02 10:00:00\n' >l2.csv
pulse-extract bitrix --entity lead --map map.csv l2.csv | jq -c '[.id, .source]'
echo '# an empty header map'
: >empty.csv
pulse-extract bitrix --entity lead --map empty.csv l2.csv || echo "exit $?"
