# lib/http.c: a GET, a gzip answer decoded (it is asked for), a POST with
# headers and a body, a non-2xx answer's body kept for the caller
. "$ROOT/tests/fake/env.sh"
fake_run http-faults
G=$B/tests/tools/httpget
$G "$FAKE_URL/ok" 2>&1
$G "$FAKE_URL/gzip" 2>&1
$G -X POST -H 'X-Odoo-Database: db1' -H 'Content-Type: application/json' \
	-d '{"a":1}' "$FAKE_URL/echo" 2>&1 | sed 's/"Accept-Encoding": "[^"]*gzip[^"]*"/"Accept-Encoding": "..gzip.."/'
$G "$FAKE_URL/status/404" 2>&1
# a callback that stops the transfer: its status and message
$G -k 20 "$FAKE_URL/lines/1000" 2>&1 || echo "exit $?"
