# pulse-daily: a bookmark whose mark is not an object is damaged: exit 65
# naming the member, nothing kept, nothing sent.
. "$ROOT/tests/pg/daily-env.sh"
echo '{"source":"pg","query":"default","events":[1300],"payments":null}' >st/bookmark
daily_run
daily_check
exit $rc
