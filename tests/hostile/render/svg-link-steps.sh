# a link of step 5000 was left out of the Sankey diagram without a word
# (a chart has at most 999 steps): now it is a named bad record, 65
{
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}'
echo '{"kind":"link","step":5000,"from":"b","to":"c","value":2}'
} > l.ndjson
pulse-render --format svg l.ndjson
