# pulse-daily: the bookmark deleted (by hand, by a cleanup job): every row
# is read again, and the archive keeps only those it does not hold: each
# event once.  Every row went into the archive a second time, and the
# metrics sent counted each event twice.
. "$ROOT/tests/pg/daily-env.sh"
rm st/bookmark
daily_run
daily_check
exit $rc
