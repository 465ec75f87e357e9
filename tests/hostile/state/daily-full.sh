# pulse-daily --full after a damaged bookmark: every row is read again, and
# the archive keeps only those it does not hold: each event once, in the
# archive and in the metrics sent.  --full did not exist (64).
. "$ROOT/tests/pg/daily-env.sh"
echo 'events up to yesterday' >st/bookmark
daily_run --full
daily_check
exit $rc
