# pulse-shard --hosts: the shards run on other machines through GNU
# parallel's --sshlogin (two sshd on 127.0.0.1 with keys made here), each
# host reading the files itself or the blocks sent to it (stdin, tally's
# blocks), and the merge gives the same bytes as one process, for every
# mergeable stage; a host that does not answer is exit 69 naming it
. "$ROOT/tests/shard/sshd-env.sh"
trap sshd_stop EXIT
sshd_start 2
S=$SAMPLES
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-small-payments.csv" \
	"$S/sales-small-events.csv" -o events.ndjson
pulse-extract bitrix "$S/bitrix-small-leads.json" "$S/bitrix-small-deals.json" \
	"$S/bitrix-small-history.json" 2>/dev/null | pulse-utm -o leads.ndjson
zstd -q events.ndjson -o events.ndjson.zst
same() {
	local stage=$1 input=$2
	shift 2
	eval "$stage" "$input" >one.ndjson
	pulse-shard --hosts hosts "$@" 2 "$stage" "$input" >two.ndjson
	if cmp -s one.ndjson two.ndjson; then
		echo "same: ${stage//$S/\$S} ($(wc -l <one.ndjson) records) $*"
	else
		echo "DIFFERENT: $stage $*"
		diff one.ndjson two.ndjson | head -n 5
	fi
}
same 'pulse-sankey --steps 5' events.ndjson
same "pulse-metrics --defs $S/sales-metrics.json" events.ndjson.zst
same "pulse-metrics --defs $S/sales-metrics.json --durations 'Назначение ВУ' --by-outcome" events.ndjson
same 'pulse-funnel --as-of 2026-01-21T18:00:00Z' leads.ndjson
same 'pulse-tally --by event' events.ndjson --block 20k
same 'pulse-tally --by event --sort-by first' events.ndjson.zst --block 20k
same 'pulse-sankey --steps 5' events.ndjson.zst --send
same 'pulse-funnel --as-of 2026-01-21T18:00:00Z' leads.ndjson --send
echo "-- stdin: the blocks are sent to the hosts"
pulse-sankey --steps 5 events.ndjson >one.ndjson
pulse-shard --hosts hosts 2 'pulse-sankey --steps 5' <events.ndjson | cmp - one.ndjson && echo same
pulse-tally --by event events.ndjson >one.ndjson
pulse-shard --hosts hosts --block 20k 4 'pulse-tally --by event' <events.ndjson | cmp - one.ndjson && echo same
echo "-- every shard ran on a host, none here"
for i in 1 2; do [ "$(grep -c "Accepted publickey" sshd$i.log)" -gt 2 ] && echo "h$i: shards ran there"; done
echo "-- a stage that fails on a host: its message and status come back"
set +e
pulse-shard --hosts hosts 2 'pulse-metrics --defs /nonexistent/defs.json' events.ndjson >/dev/null 2>err
echo "exit $?"
grep '^pulse-metrics' err | sort -u
set -e
echo "-- a host that does not answer"
cp hosts bad-hosts
echo "ssh -F $PWD/ssh_config -o Port=1 h1" >>bad-hosts
set +e
pulse-shard --hosts bad-hosts 3 'pulse-sankey --steps 5' events.ndjson >/dev/null 2>err
echo "exit $?"
grep '^pulse-shard' err
echo "-- usage"
pulse-shard --hosts missing 2 'pulse-sankey' events.ndjson 2>&1 >/dev/null | head -n 1
echo "exit ${PIPESTATUS[0]}"
: >empty
pulse-shard --hosts empty 2 'pulse-sankey' events.ndjson 2>&1 >/dev/null | head -n 1
