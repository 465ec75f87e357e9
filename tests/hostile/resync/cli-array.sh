# every program reading one JSON array (pulse-tally here): an element cut
# short takes the ones after it in no more, and text where a ',' belongs
# costs one record, not the rest of the file
jq -n '[range(6) | {a: ., t: "xxxxxxxxxx"}]' >arr.json
awk '/"a": 2/ {print; print "    \"t\": \"xx"; getline; next} {print}' arr.json >cut.json
pulse-tally --by a --on-error=skip cut.json | jq -c .key
echo '# garbage between elements'
printf '[\n  {"a": 0},\n  {"a": 1}\n  GARBAGE\n  {"a": 2},\n  {"a": 3}\n]\n' >garbage.json
pulse-tally --by a --on-error=skip garbage.json | jq -c .key
