# lib/http.c: a secret (a webhook's path) is masked in the -v log, in
# errors and in what the caller shows
. "$ROOT/tests/fake/env.sh"
fake_run http-faults
G=$B/tests/tools/httpget
export HTTPGET_SECRET=w3bh00k-S3CRET
$G -v -n 1 -b 10 "$FAKE_URL/flaky/500/9/s?webhook=$HTTPGET_SECRET" > out 2>&1 || true
$G -v -n 1 -b 10 "http://127.0.0.1:1/rest/1/$HTTPGET_SECRET/x" >> out 2>&1 || true
sed -e "s/$FAKE_PORT/PORT/" -e 's/([0-9.]* s)/(T s)/' -e 's/after [0-9]* ms/after N ms/' out
grep -c "$HTTPGET_SECRET" out || true
