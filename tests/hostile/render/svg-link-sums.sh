# link values that add up past 2^63 overflowed a node's count of users
# (undefined behaviour: a negative node on the old build); now the link
# that makes the total overflow is a named bad record, 65
{
echo '{"kind":"link","step":1,"from":"a","to":"b","value":9223372036854775807}'
echo '{"kind":"link","step":1,"from":"a","to":"c","value":9223372036854775807}'
} > l.ndjson
pulse-render --format svg l.ndjson
