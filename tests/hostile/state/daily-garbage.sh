# pulse-daily: a bookmark that is not JSON is damaged: exit 65 naming it,
# nothing kept, nothing sent.
. "$ROOT/tests/pg/daily-env.sh"
echo 'events up to yesterday' >st/bookmark
daily_run
daily_check
exit $rc
