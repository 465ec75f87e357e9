# Messages are taken in (ts, message_id) order whatever the input order
# (Odoo's default is id desc), equal keys in input order; tickets come out
# in order of first appearance.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
# ticket 1: 40 messages, newest first; odd ids in, even ids out, one minute
# apart, except that 39 (in) and 40 (out) share a time: 40 is last, an answer.
# ticket 3: the same with 39 out and 40 in: the customer wrote last.
for t in 1 3; do
	i=40
	while [ $i -ge 1 ]; do
		min=$i
		[ $i = 40 ] && min=39
		if [ $((i % 2)) = 1 ]; then d=in; else d=out; fi
		if [ $t = 3 ] && [ $i -ge 39 ]; then
			if [ $i = 39 ]; then d=out; else d=in; fi
		fi
		printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"2026-01-20T10:%02d:00Z","direction":"%s","email":"a@cust.example","subject":"m%s","text":"x"}\n' $t $i $min $d $i
		i=$((i - 1))
	done
done >big.ndjson
cat >small.ndjson <<'X'
{"kind":"message","ticket_id":2,"message_id":12,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"b@cust.example","subject":"third","text":"x"}
{"kind":"message","ticket_id":2,"message_id":11,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"second","text":"x"}
{"kind":"message","ticket_id":2,"message_id":10,"ts":"2026-01-20T08:00:00Z","direction":"in","email":"b@cust.example","subject":"first","text":"x"}
{"kind":"message","ticket_id":4,"ts":"2026-01-20T08:00:00Z","direction":"in","email":"c@cust.example","subject":"first","text":"x"}
{"kind":"message","ticket_id":4,"ts":"2026-01-20T09:00:00Z","direction":"out","email":"support@school.example","subject":"second","text":"x"}
{"kind":"message","ticket_id":4,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"c@cust.example","subject":"third","text":"x"}
X
cls big.ndjson small.ndjson |
	jq -c '[.ticket_id, .category, .subject, .first_in, .last_in, .last_out, .n_in, .n_out, .first_response_hours]'
