# pulse-extract pg --state: a bookmark without its marks ('events' and
# 'payments') is damaged: exit 65 naming the member.  It was taken for a
# first run: every row was read again, exit 0.
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
echo '{"source":"pg","query":"default"}' >st
pulse-extract pg --state st
