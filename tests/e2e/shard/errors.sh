command -v parallel >/dev/null || { echo "GNU parallel is not installed" >&2; exit 77; }
# pulse-shard's usage errors (64), a missing input (the stage's 66), a
# bad record reported once with its file and line (65), and a stage that
# does not shard.
printf '%s\n' '{"user_id":1,"ts":"2025-03-01T10:00:00Z","event":"A"}' \
	'{"user_id":1,"ts":"2025-03-01T11:00:00Z","event":"B"}' \
	'{"user_id":2,"ts":"2025-03-01T10:00:00Z","event":"A"' \
	'{"ts":"2025-03-01T10:00:00Z","event":"A"}' \
	'{"user_id":5,"ts":"2025-03-01T10:00:00Z","event":"A",}' > in.ndjson
for a in "0 pulse-sankey" "x pulse-sankey" "2 pulse-classify" "2 'pulse-sankey -o x'" \
	"2 'pulse-sankey --shard 1/2'" "2"; do
	st=0
	echo "# $a" >&2
	eval "pulse-shard $a in.ndjson" > /dev/null 2>err || st=$?
	echo "$a: exit $st"
	head -1 err >&2
done
st=0
echo '# -o after N and STAGE' >&2
pulse-shard 2 pulse-sankey -o out.ndjson in.ndjson 2>err >/dev/null || st=$?
echo "-o after N and STAGE: exit $st"
head -1 err >&2
st=0
echo '# missing' >&2
pulse-shard 2 pulse-sankey missing.ndjson >/dev/null || st=$?
echo "missing: exit $st"
# the stage's messages, without GNU parallel's (which vary with the
# moment a shard fails), and in any order of the shards
st=0
echo '# bad record' >&2
pulse-shard 3 pulse-sankey in.ndjson > out 2>err || st=$?
echo "bad record: exit $st"
grep '^pulse' err >&2
echo '# --on-error=skip' >&2
pulse-shard 3 'pulse-sankey --on-error=skip' in.ndjson 2>err
sort err >&2
