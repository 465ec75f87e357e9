# lib/http.c: what may pass when asked again is asked again, with a
# backoff: 500, 502, 503 (and Bitrix's QUERY_LIMIT_EXCEEDED), 429 (after
# its Retry-After), a body cut short, a stalled answer (the total
# timeout), a reset connection, an HTML error page
. "$ROOT/tests/fake/env.sh"
fake_run http-faults
G=$B/tests/tools/httpget
for k in 500 502 503 limit 429 truncate reset html; do
	$G -b 50 "$FAKE_URL/flaky/$k/2/$k" 2>&1
done
$G -b 50 -t 1000 "$FAKE_URL/flaky/stall/1/stall" 2>&1
# the log: every attempt reached the server
sort fake.log | uniq -c | sed 's/^ *//'
