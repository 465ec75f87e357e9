# --partial writes the day counts only; the counts of inputs split by user
# add up to the counts of the whole (here: users 1-4 and the rest; the
# second part's days start later, so its missing days count 0).
d="$ROOT/tests/e2e/metrics"
pulse-metrics --defs "$d/defs.json" --partial "$d/events.ndjson" | head -n 3
jq -c 'select(.user_id <= 4)' "$d/events.ndjson" > part1.ndjson
jq -c 'select(.user_id > 4)' "$d/events.ndjson" > part2.ndjson
pulse-metrics --defs "$d/defs.json" --partial part1.ndjson part2.ndjson > whole
pulse-metrics --defs "$d/defs.json" --partial part1.ndjson > p1
pulse-metrics --defs "$d/defs.json" --partial part2.ndjson > p2
echo "-- part 2 starts on"
head -n 1 p2 | jq -r .day
echo "-- the sums of the parts equal the whole"
jq -s -c 'group_by([.name, .day]) | map([.[0].name, .[0].day, (map(.value) | add)])' p1 p2 > sums
jq -s -c 'sort_by([.name, .day]) | map([.name, .day, .value])' whole > direct
cmp sums direct && echo same
jq -c '.[] | select(.[2] > 0)' direct
