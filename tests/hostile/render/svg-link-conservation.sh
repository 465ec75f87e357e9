# links in which more users go on from an event than came to it (not
# pulse-sankey's: hand-made, or two runs mixed) were drawn as a Sankey
# without a word; the exit boxes (in minus out) would be negative: now the
# run names the event and exits 65, writing nothing
{
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}'
echo '{"kind":"link","step":2,"from":"b","to":"c","value":5}'
} > l.ndjson
pulse-render --format svg l.ndjson
