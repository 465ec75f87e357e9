# lib/http.c: the leaky bucket spaces requests 1/rate apart: 7 requests at
# 4 a second take 1.5 s (the first goes at once)
. "$ROOT/tests/fake/env.sh"
fake_run http-faults
G=$B/tests/tools/httpget
$G -r 4 $(for i in 1 2 3 4 5 6 7; do echo "$FAKE_URL/ok"; done) > out 2> err
wc -l < out
t=$(sed -n 's/^elapsed //p' err)
awk -v t="$t" 'BEGIN { print (t >= 1.45 && t < 3) ? "paced" : "not paced: " t }'
