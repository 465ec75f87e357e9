# pulse-extract bitrix: one range for every program, the instant in the
# years 0001 to 9999.  A CSV time read with --tz whose instant falls out
# of it ("31.12.9999 23:59" at -05:00 is in the year 10000 UTC) and a
# date of the year 0000 were written, for the next program to refuse.
printf 'ID;STAGE_ID;DATE_CREATE\n1;NEW;31.12.9999 23:59\n2;NEW;01.01.0001 00:00\n3;NEW;01.01.0000\n4;NEW;30.12.9999 23:59\n' >deals.csv
pulse-extract bitrix --entity deal --tz -05:00 --on-error=skip deals.csv | jq -c '[.id, .created]'
pulse-extract bitrix --entity deal --tz +03:00 --on-error=skip deals.csv | jq -c '[.id, .created]'
