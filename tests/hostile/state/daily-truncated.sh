# pulse-daily: a bookmark cut short is damaged: exit 65 naming it and the
# byte, nothing kept, nothing sent.
. "$ROOT/tests/pg/daily-env.sh"
head -c 40 st/bookmark >st/bookmark.cut
mv st/bookmark.cut st/bookmark
daily_run
daily_check
exit $rc
