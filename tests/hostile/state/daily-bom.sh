# pulse-daily: a bookmark an editor saved with a BOM and CRLF is the same
# bookmark: the new rows are kept, each once.  It was refused (65).
. "$ROOT/tests/pg/daily-env.sh"
printf '\357\273\277%s\r\n' "$(cat st/bookmark)" >st/bookmark.edited
mv st/bookmark.edited st/bookmark
daily_run
daily_check
exit $rc
