# the dashboard embedded funnel records of any shape ("group" a string,
# "reached" the string "many", "share" "1/2"); now each is a named bad
# record: skipped and counted here, and the page keeps the good one only
{
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":"x","entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":7,"category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":"many","total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":"1/2","from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":1.5,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{"colour":"red"},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"pies","group":{}}'
echo '{"kind":"funnel","table":"sources","group":{},"source":"a","utm_campaign":"b","leads":1,"qualified":0,"won":0,"revenue":{"RUB":"1e5"},"revenue_per_lead":{}}'
echo '{"kind":"funnel","table":"top_sources","group":{},"month":"2024-01","source":"a","leads":3}'
echo '{"kind":"funnel","table":"top_sources","group":{},"month":"2024-01","source":"a","leads":3,"partial":true}'
} > f.ndjson
pulse-render --format html --on-error=skip f.ndjson > page.html
sed -n '/^<script type="application\/json" id="pulse-data">$/,/^<\/script>$/p' page.html | sed '1d;$d' | jq -c '.records[]'
