# pulse-daily: an old bookmark put back (a restored backup): the rows after
# it are read again, and the archive keeps only those it does not hold.
# They went into the archive a second time.
. "$ROOT/tests/pg/daily-env.sh"
echo '{"source":"pg","query":"default","events":{"ts":"2026-01-10 00:00:00+00","id":"1"},"payments":null}' >st/bookmark
daily_run
daily_check
exit $rc
