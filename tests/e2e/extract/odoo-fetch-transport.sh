# pulse-extract odoo --fetch against a server that fails in transit: a
# stalled answer (past --timeout), a body cut short, a reset connection are
# retried and the records are those of a run without faults (each
# retry waits a second: the case takes some); with the retries off a
# named error (exit 69), no output file, and the bookmark unmoved
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_files d > files.ndjson 2>/dev/null
odoo_start d --fault mail.message.search_read:1:stall \
	--fault helpdesk.ticket.search_read:2:truncate \
	--fault helpdesk.ticket.fields_get:1:reset
pulse-extract odoo --fetch --rate 1000 --limit 20 --timeout 1 --state st -v \
	-o fetched.ndjson 2> log
cmp fetched.ndjson files.ndjson && echo "identical after the retries"
grep -c '^pulse-extract: retry' log
cp st st.before
# retries off: the first message page of the first run is cut short, the
# first call of the second reset (on a new connection: libcurl itself makes
# a call again whose reused connection was reset); a stall is the same
# path after --timeout
odoo_start d --fault mail.message.search_read:1:truncate \
	--fault helpdesk.ticket.fields_get:2:reset
for k in truncate reset; do
	echo "# $k"
	rm -f out.ndjson
	pulse-extract odoo --fetch --rate 1000 --limit 20 --timeout 1 --retries 0 \
		--state st -o out.ndjson 2> err || echo "exit $?"
	grep -v 'tickets:' err | sed -e "s/$FAKE_PORT/PORT/g" \
		-e 's/after [0-9]* milliseconds/after N milliseconds/'
	test -e out.ndjson && echo "output written" || true
	cmp -s st st.before && echo "bookmark unmoved" || echo "bookmark MOVED"
done
grep -c "$FAKE_ODOO_KEY" log err || true
