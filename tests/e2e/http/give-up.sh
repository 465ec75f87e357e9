# lib/http.c: after the retries, the last answer is the caller's (a 5xx
# with its body), or no answer is a named error, exit 69
. "$ROOT/tests/fake/env.sh"
fake_run http-faults
G=$B/tests/tools/httpget
{
	$G -n 2 -b 10 "$FAKE_URL/flaky/503/9/x" 2>&1
	$G -n 1 -b 10 -t 500 "$FAKE_URL/flaky/stall/9/y" 2>&1 || echo "exit $?"
	$G -n 1 -b 10 "$FAKE_URL/flaky/reset/9/z" 2>&1 || echo "exit $?"
	fake_stop
	$G -n 1 -b 10 "$FAKE_URL/ok" 2>&1 || true
} | sed -e "s/$FAKE_PORT/PORT/g" -e 's/after [0-9]* ms/after N ms/' -e 's/after [0-9]* milliseconds/after N milliseconds/'
$G -n 1 -b 10 "$FAKE_URL/ok" > /dev/null 2>&1 || echo "exit $?"
$G "ftp://127.0.0.1/x" 2>&1 || echo "exit $?"
