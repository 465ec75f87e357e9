# pulse-extract bitrix --fetch against a portal that fails: what may pass
# again (503 QUERY_LIMIT_EXCEEDED, 500, a stalled answer, a body cut
# short, a reset connection, an HTML error page) is retried and the
# records are those of a run without faults; after the retries, or for
# what will not pass (an expired webhook, a missing scope, access denied,
# an unknown webhook, a login page, an error answer), a named error with
# its exit status (69, 76, 77), no output file, and the bookmark unmoved
. "$ROOT/tests/fake/env.sh"
bitrix_data d 300
bitrix_files d > files.ndjson
bitrix_start d --fault crm.lead.list:2:limit --fault crm.lead.list:4:500 \
	--fault crm.deal.list:2:truncate --fault crm.stagehistory.list:3:reset \
	--fault crm.stagehistory.list:5:html --fault user.get:1:stall
pulse-extract bitrix --fetch --rate 1000 --timeout 1 --state st -v \
	-o fetched.ndjson 2> log
cmp fetched.ndjson files.ndjson && echo "identical after the retries"
grep -c '^pulse-extract: retry' log
test -s st && echo "bookmark written"
cp st st.before

run() { # run FAULT [CALLS]: the fault on these lead list calls (from the
	# first on), no retries
	bitrix_start d --fault "crm.lead.list:${2:-1+}:$1"
	echo "# $1"
	rm -f out.ndjson
	pulse-extract bitrix --fetch --rate 1000 --timeout 1 --retries 0 \
		--state st -o out.ndjson 2> err || echo "exit $?"
	sed -e "s/$FAKE_PORT/PORT/g" -e 's/after [0-9]* milliseconds/after N milliseconds/' err
	test -e out.ndjson && echo "output written" || true
	if [ -e st ]; then
		cmp -s st st.before && echo "bookmark unmoved" || echo "bookmark MOVED"
	else
		echo "no bookmark"
	fi
}
for k in limit 500 stall truncate reset html expired scope denied creds \
	html200 error200; do
	run $k
done
# a portal that gives the first page again: not a loop, an error
rm st
run nopage 2+
