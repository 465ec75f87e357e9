# Amounts are exact decimal strings, never floats: digits after the point
# kept as typed ("0.1" and "0.2" stay, "0.30" keeps its zero), Russian and
# English grouping, no-break spaces, Bitrix money fields "5900|USD", a
# currency after the number; other text is a bad record.
{
	echo 'ID;Название сделки;Стадия сделки;Сумма;Валюта;Дата создания'
	n=0
	while IFS= read -r a; do
		n=$((n + 1))
		printf '%s;t;NEW;%s;;01.02.2026\n' "$n" "$a"
	done <<'AMOUNTS'
0.1
0.2
0,30
19 999,99
19999.99
1.234.567,89
1,234,567.89
12 490
-5,00
-0,00
007.50
"5900|USD"
100 руб.
1 500 ₽
99 EUR
AMOUNTS
	printf '%s;t;NEW;%s;;01.02.2026\n' 16 '1 000,00' 17 '' 18 '1e3' 19 '12,3,4.5' \
		20 '5,' 21 ',5' 22 'abc' 23 '12 USD RUB' 24 '1.2.3' \
		25 '1,2345.6' 26 '1 234 567' 27 '12.345' 28 '12,345,6'
} >deals.csv
pulse-extract bitrix --on-error=skip deals.csv 2>err | jq -r '[.id, .amount, .currency] | @tsv'
cat err
