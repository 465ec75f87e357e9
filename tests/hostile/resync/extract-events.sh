# pulse-extract events: NDJSON dumps of the events table, one record per
# line, and a pretty-printed JSON array cut short in one element
printf 'id,name\n1,visit\n' >dict.csv
jq -n '[range(1; 6) | {id: ., user_id: 7, event_id: 1, created_at: "2025-12-31 10:20:0\(.)+00"}]' >ev.json
awk '/"id": 3/ {print; print "    \"user_id\": 7,"; print "    \"event_id\": 1,"; print "    \"created_at\": \"2025-12-31 10"; getline; getline; getline; next} {print}' ev.json >cut.json
pulse-extract events --dict dict.csv --on-error=skip cut.json | jq -c '[.user_id, .ts]'
