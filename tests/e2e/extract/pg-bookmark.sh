# pulse-extract pg --state-to, --full and --row-ids: a bookmark its caller
# moves into place later, starting over after a bookmark was damaged, and
# the source row named in each record (what pulse-daily's archive knows
# its events by).  The damaged bookmarks themselves: tests/hostile/state.
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
ev() { # user_id, event_id, time
	pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES ($1, $2, $3)"
}
pulse-extract pg --state st -o r1.ndjson
wc -l <r1.ndjson
echo '# --state-to: the --state file stays, the new bookmark goes there'
cp st st.before
ev 1 1 "'2026-01-21 00:00:00+00'"
ev 2 1 "'2026-01-21 00:00:00+00'"
pulse-extract pg --state st --state-to st.next -o r2.ndjson
cmp st st.before && echo 'st unchanged'
cat st.next
wc -l <r2.ndjson
pulse-extract pg --state st.next | wc -l
echo '# --state-to that cannot be written: 73 (the caller keeps nothing), st unchanged'
echo '# --state-to that cannot be written: 73 (the caller keeps nothing), st unchanged' >&2
mkdir dir.st
pulse-extract pg --state st --state-to dir.st -o r3.ndjson || echo "exit $?"
cmp st st.before && echo 'st unchanged'
echo '# --full: the bookmark is not read, damaged or not; every row, a new bookmark'
echo 'not a bookmark' >st
pulse-extract pg --state st --full -o all.ndjson
pulse-extract pg | cmp - all.ndjson && echo 'every row'
cmp st st.next && echo 'the bookmark of every row'
echo '# a BOM and CRLF (an editor saved it) are accepted'
printf '\357\273\277%s\r\n' "$(cat st.before)" >bom.st
pulse-extract pg --state bom.st | cmp - r2.ndjson && echo 'the same rows as after st'
cmp bom.st st.next && echo 'rewritten without them'
echo '# usage'
for args in '--full' '--state-to x' '--state st --state-to ""' \
	'--query "SELECT 1" --row-ids' '--db x --db-file y'; do
	echo "# pulse-extract pg $args"; echo "# pulse-extract pg $args" >&2
	eval "pulse-extract pg $args" 2>err || echo "exit $?"
	head -n 1 err >&2
done
echo '# --row-ids: each record names its row; otherwise the same records'
echo '# --row-ids: each record names its row; otherwise the same records' >&2
pulse-extract pg --row-ids -o ids.ndjson
head -n 2 ids.ndjson
grep -m 1 '"payment"' ids.ndjson
jq -r .row ids.ndjson | sort | uniq -d | wc -l
sed 's/,"row":"[a-z]*\/[0-9]*"}$/}/' ids.ndjson | cmp - all.ndjson && echo 'same records'
PY=$(command -v python3)
$PY "$ROOT/tests/schemas/validate.py" "$ROOT/schemas" ids.ndjson
Q="SELECT user_id, created_at AS ts, 'e' || event_id AS event, id FROM events"
pulse-extract pg --query "$Q" --key id --row-ids --since 2026-01-21
