# pulse-utm: NULs in UTM values, in a URL's query (%00) and in the keys of
# the map and alias files are kept, and the keys A<NUL>1 and A<NUL>2 differ
echo '{"kind":"lead","id":"1","utm_source":"ya\u0000ndex"}' | pulse-utm
echo '{"kind":"lead","id":"2","url":"https://x.example/?utm_source=a%00b&utm_campaign=c"}' | pulse-utm
printf 'alias,canonical\nya\000ndex,Yandex\nyb\000ndex,Other\n' >aliases.csv
echo '{"kind":"lead","id":"1","utm_source":"ya\u0000ndex"}' | pulse-utm --alias aliases.csv
printf 'utm_content,utm_source\nad\0001,A\nad\0002,B\n' >ads.csv
echo '{"kind":"lead","id":"1","utm_content":"ad\u00002"}' | pulse-utm --map ads.csv
