# pulse-extract events: the events, dictionary and payments dumps as
# Russian Excel and 1C save them (Windows-1251) are converted, not turned
# into U+FFFD; Latin-1, UTF-16 and a row that breaks the file's encoding
# are refused with the file, line and byte
# events_dict: 1 "Назначение ВУ", 2 "Оплата" in Windows-1251
printf 'id,name\r\n1,\xcd\xe0\xe7\xed\xe0\xf7\xe5\xed\xe8\xe5 \xc2\xd3\r\n2,\xce\xef\xeb\xe0\xf2\xe0\r\n' >dict.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n2,\xcf\xe5\xf2\xff,2,2025-12-31 10:21:03+00\n' >events.csv
printf 'id,user_id,amount,created_at\n1,7,100.50,2025-12-31 11:00:00+00\n' >payments.csv
pulse-extract events --dict dict.csv --payments payments.csv events.csv
echo '# forced as UTF-8 they are not'
pulse-extract events --encoding utf-8 --dict dict.csv events.csv || echo "exit $?"
echo '# Latin-1 (German) is not Windows-1251'
printf 'id,name\n1,M\xfcller anrufen\n' >latin1.csv
pulse-extract events --dict latin1.csv events.csv || echo "exit $?"
echo '# UTF-8 rows, then a Windows-1251 one: that row is bad'
printf 'id,user_id,event_id,created_at\n1,\xd0\x9f\xd0\xb5\xd1\x82\xd1\x8f,1,2025-12-31 10:20:03+00\n2,\xcf\xe5\xf2\xff,2,2025-12-31 10:21:03+00\n3,8,2,2025-12-31 10:22:03+00\n' >mixed.csv
pulse-extract events --dict dict.csv --on-error=skip mixed.csv
echo '# UTF-16, as Excel saves "Unicode text"'
printf '\xff\xfei\x00d\x00,\x00n\x00\n\x00' >utf16.csv
pulse-extract events --dict dict.csv utf16.csv || echo "exit $?"
echo '# payments in Windows-1251 with a byte it does not have'
printf 'id,user_id,amount,created_at\n1,\xcf\xe5\x98,1,2025-12-31 11:00:00+00\n' >badpay.csv
pulse-extract events --dict dict.csv --payments badpay.csv --on-error=skip events.csv
