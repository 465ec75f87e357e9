# pulse-utm: the ad map and the alias file as Russian Excel saves them
# (Windows-1251); Latin-1 and UTF-16 are refused naming the line and byte
printf 'utm_content,utm_source,utm_campaign\r\nad-1,\xdf\xed\xe4\xe5\xea\xf1,\xc1\xe0\xec\xef\xe5\xf0\xfb\r\n' >ads.csv
printf 'alias,canonical\nyandex,\xdf\xed\xe4\xe5\xea\xf1\n' >aliases.csv
echo '{"kind":"lead","id":"1","utm_content":"ad-1"}' >in.ndjson
pulse-utm --map ads.csv --alias aliases.csv in.ndjson
echo '# Latin-1'
printf 'utm_content,utm_campaign\nad-1,Gr\xf6\xdfe\n' >latin1.csv
pulse-utm --map latin1.csv in.ndjson || echo "exit $?"
echo '# UTF-16'
printf '\xff\xfea\x00l\x00' >utf16.csv
pulse-utm --alias utf16.csv in.ndjson || echo "exit $?"
echo '# UTF-8 forced on a Windows-1251 file'
pulse-utm --encoding utf-8 --map ads.csv in.ndjson || echo "exit $?"
