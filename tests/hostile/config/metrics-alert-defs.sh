# pulse-metrics --defs: the "alert" of a metric and the "silent" rules are
# checked strictly before any input is read; each bad one is exit 65 naming
# the file, the place and what is wrong (thresholds out of range, wrong
# types, unknown members, a rule that alerts on nothing, a NUL in a name,
# a silent rule named like a metric, lists given twice); --alerts without
# its day, or with --durations, --shard or --map, is exit 64
echo '{"user_id":1,"event":"V","ts":"2025-03-01T10:00:00Z"}' >in.ndjson
t() {
	printf '%s' "$1" >defs.json
	printf '# %s\n' "$1" >&2
	pulse-metrics --defs defs.json --alerts --day 2025-03-01 in.ndjson || echo "exit $?"
}
m='{"name":"v","event":"V"'
t '{"metrics":['"$m"',"alert":[]}]}'
t '{"metrics":['"$m"',"alert":{"weeks":0}}]}'
t '{"metrics":['"$m"',"alert":{"weeks":53}}]}'
t '{"metrics":['"$m"',"alert":{"weeks":4.5}}]}'
t '{"metrics":['"$m"',"alert":{"weeks":"4"}}]}'
t '{"metrics":['"$m"',"alert":{"weeks":1e400}}]}'
t '{"metrics":['"$m"',"alert":{"below":0}}]}'
t '{"metrics":['"$m"',"alert":{"below":1}}]}'
t '{"metrics":['"$m"',"alert":{"below":-0.5}}]}'
t '{"metrics":['"$m"',"alert":{"below":null}}]}'
t '{"metrics":['"$m"',"alert":{"below_abs":0}}]}'
t '{"metrics":['"$m"',"alert":{"below_abs":1e300}}]}'
t '{"metrics":['"$m"',"alert":{"zero":"yes"}}]}'
t '{"metrics":['"$m"',"alert":{"zero":false}}]}'
t '{"metrics":['"$m"',"alert":{"belw":0.5}}]}'
t '{"metrics":['"$m"',"alert":{"below":0.5},"alert":{"below":0.6}}]}'
t '{"metrics":['"$m"'}],"silent":{}}'
t '{"metrics":['"$m"'}],"silent":[7]}'
t '{"metrics":['"$m"'}],"silent":[{"hours":3}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"","hours":3}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s"}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":0}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":8785}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3,"events":[]}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3,"events":"V"}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3,"events":["V",1]}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3,"events":["V\u0000W"]}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s\u0000","hours":3}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3,"every":["V"]}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"v","hours":3}]}'
t '{"metrics":['"$m"'}],"silent":[{"name":"s","hours":3},{"name":"s","hours":4}]}'
t '{"metrics":['"$m"'}],"silent":[],"silent":[]}'
echo "-- good: an empty silent list, thresholds at their edges" >&2
t '{"metrics":['"$m"',"alert":{"weeks":52,"below":0.999,"below_abs":0.5,"zero":false}}],"silent":[]}'
echo "-- usage" >&2
printf '{"metrics":[%s}]}' "$m" >defs.json
pulse-metrics --defs defs.json --alerts in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --day 2025-03-01 --as-of 2025-03-01T10:00Z in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --day 2025-03-01 in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --day 2025-03-01T10:00Z in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --as-of yesterday in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --day 2025-03-01 --durations V in.ndjson 2>&1 | head -n 1
pulse-metrics --durations V --alerts --day 2025-03-01 in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --day 2025-03-01 --shard 1/2 in.ndjson 2>&1 | head -n 1
pulse-metrics --defs defs.json --alerts --day 2025-03-01 --map in.ndjson 2>&1 | head -n 1
