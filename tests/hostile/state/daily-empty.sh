# pulse-daily: an empty bookmark is damaged: exit 65 naming it (not the
# copy pulse-daily worked on), nothing kept, nothing sent.
. "$ROOT/tests/pg/daily-env.sh"
: >st/bookmark
daily_run
daily_check
exit $rc
