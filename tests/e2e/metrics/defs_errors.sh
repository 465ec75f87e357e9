# A definitions file that cannot be used stops the run before any input is
# read: exit 65 with the file and what is wrong; a missing file exits 66.
echo '{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"V"}' > in.ndjson
t() { # the definitions, named on both streams
	printf '%s' "$1" > defs.json
	m=$(printf '# %s' "$1")
	echo "$m"; echo "$m" >&2
	pulse-metrics --defs defs.json in.ndjson || echo "exit $?"
}
t '{"metrics":[{"name":"v","event":"V"}]'
t '[]'
t '{"metric":[]}'
t '{"metrics":[]}'
t '{"metrics":[7]}'
t '{"metrics":[{"event":"V"}]}'
t '{"metrics":[{"name":"","event":"V"}]}'
t '{"metrics":[{"name":"v"}]}'
t '{"metrics":[{"name":"v","event":"V","after":[]}]}'
t '{"metrics":[{"name":"v","event":"V","after":"L1"}]}'
t '{"metrics":[{"name":"v","event":"V","after":["L1",2]}]}'
t '{"metrics":[{"name":"v","event":"V","aftr":["L1"]}]}'
t '{"metrics":[{"name":"v","event":"V","title":5}]}'
t '{"metrics":[{"name":"v","event":"V"},{"name":"v","event":"W"}]}'
echo "-- good: whitespace, an escaped name, unknown top-level members"
echo "-- good: whitespace, an escaped name, unknown top-level members" >&2
t ' {"comment":"x", "metrics":[ {"name":"v\u00e9","event":"\u0056"} ]}
'
echo "-- missing file"; echo "-- missing file" >&2
pulse-metrics --defs nope.json in.ndjson || echo "exit $?"
