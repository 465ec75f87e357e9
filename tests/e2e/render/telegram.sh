# --format telegram: Bot API sendMessage payloads, one JSON object per
# line, parse_mode HTML; a header with the report's day (the last day of
# the metric records, or --day), then each metric (its title, else its
# name; escaped) with that day's value and its change against the day
# before and the same weekday a week ago: ▲/▼/= and the percent with one
# decimal, "n/a" when the base is 0 or null
m() { printf '{"kind":"metric","name":"%s",%s"day":"%s","value":%s,"prev_day":%s,"week_ago":%s,"mean_7d":null}\n' "$@"; }
{
m intro '"title":"Вводные <уроки> & co",' 2025-02-28 38 null null
m intro '"title":"Вводные <уроки> & co",' 2025-03-01 42 38 44
m pay_a '' 2025-03-01 5 0 null
m pay_b '' 2025-02-28 7 2 3
m pay_b '' 2025-03-01 7 7 4
m gone '' 2025-02-28 4 null null
} > m.ndjson
pulse-render --format telegram --chat-id 123456789 m.ndjson > p.ndjson
cat p.ndjson
jq -r .text p.ndjson
echo "-- --day, --lang ru, a channel"
pulse-render -f telegram --chat-id @sales_head --day 2025-02-28 --lang ru m.ndjson | jq -c '.chat_id, .parse_mode'
pulse-render -f telegram --chat-id @sales_head --day 2025-02-28 --lang ru m.ndjson | jq -r .text
echo "-- chat ids: numbers stay numbers, the rest are strings"
for id in -1001234567890 0 0123 12a @c; do
	pulse-render -f telegram --chat-id "$id" < /dev/null | jq -c .chat_id
done
echo "-- no metric records; --title is escaped"
pulse-render -f telegram --chat-id 1 --title 'Sales <daily> & more' < /dev/null | jq -r .text
echo "-- without --chat-id"
set +e
pulse-render -f telegram < /dev/null 2> err
echo "exit $?"
set -e
head -n 1 err
