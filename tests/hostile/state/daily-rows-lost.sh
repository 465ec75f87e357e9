# pulse-daily: the bookmark and the archive's lists of rows both lost: the
# lists are rebuilt from the chunks (whose events name their rows), and
# each event is kept once.  Every row went into the archive twice.
. "$ROOT/tests/pg/daily-env.sh"
rm st/bookmark
rm -f st/events/*.rows
daily_run
ls st/events | sed "s/^[0-9TZ]*-[0-9]*//" | sort | uniq -c | sed "s/^ *//"
daily_check
exit $rc
