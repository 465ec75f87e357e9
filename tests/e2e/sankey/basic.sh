# Each user's events in time order (equal times keep input order; a late
# event takes its place), one link per step and distinct (from, to) with
# the number of users.  By hand, from events.ndjson:
#   user 1:    A 10:00, B 10:05, C 10:05 (same time: input order), D 10:10
#   user "u2": A 09:00 (came after B 10:00), B, D
#   user 3:    A 08:00+03:00 = 05:00Z, B 06:00, B 06:00
#   user 4:    A (one event: no link)
#   user "1":  Z, A (a string "1" is not the number 1)
pulse-sankey "$ROOT/tests/e2e/sankey/events.ndjson"
echo "-- stdin, no kind member, zstd"
sed 's/"kind":"event",//' "$ROOT/tests/e2e/sankey/events.ndjson" | zstd -q -c | pulse-sankey
echo "-- no events"
pulse-sankey < /dev/null
echo "status $?"
