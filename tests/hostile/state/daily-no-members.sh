# pulse-daily: a bookmark without its marks is damaged: exit 65, nothing
# kept, nothing sent.  It was a first run: every row went into the archive
# a second time and the metrics sent counted each event twice.
. "$ROOT/tests/pg/daily-env.sh"
echo '{"source":"pg","query":"default"}' >st/bookmark
daily_run
daily_check
exit $rc
