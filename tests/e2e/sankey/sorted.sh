# --sorted reads input grouped by user_id (groups in any order, events of a
# group in any order) and gives what the unsorted mode gives.
cat > grouped.ndjson <<'J'
{"kind":"event","user_id":"1","ts":"2025-03-01T02:00:00Z","event":"A"}
{"kind":"event","user_id":"1","ts":"2025-03-01T01:00:00Z","event":"Z"}
{"kind":"event","user_id":3,"ts":"2025-03-01T08:00:00+03:00","event":"A"}
{"kind":"event","user_id":3,"ts":"2025-03-01T06:00:00Z","event":"B"}
{"kind":"event","user_id":3,"ts":"2025-03-01T06:00:00Z","event":"B"}
{"kind":"event","user_id":1,"ts":"2025-03-01T10:10:00Z","event":"D"}
{"kind":"event","user_id":1,"ts":"2025-03-01T10:05:00Z","event":"B"}
{"kind":"event","user_id":1,"ts":"2025-03-01T10:05:00Z","event":"C"}
{"kind":"event","user_id":1,"ts":"2025-03-01T10:00:00Z","event":"A"}
{"kind":"event","user_id":"u2","ts":"2025-03-01T10:00:00Z","event":"B"}
{"kind":"event","user_id":"u2","ts":"2025-03-01T09:00:00Z","event":"A"}
{"kind":"event","user_id":"u2","ts":"2025-03-01T11:00:00Z","event":"D"}
{"kind":"event","user_id":4,"ts":"2025-03-01T12:00:00Z","event":"A"}
J
pulse-sankey --sorted grouped.ndjson > sorted.out
pulse-sankey grouped.ndjson > unsorted.out
cmp sorted.out unsorted.out
pulse-sankey "$ROOT/tests/e2e/sankey/events.ndjson" > orig.out
cmp sorted.out orig.out
cat sorted.out
for s in 2 3; do
	for r in "" "--require=D" "--require=B,Z"; do
		pulse-sankey --sorted --steps $s $r grouped.ndjson > a
		pulse-sankey --steps $s $r grouped.ndjson > b
		cmp a b || echo "differ: --steps $s $r"
	done
done
