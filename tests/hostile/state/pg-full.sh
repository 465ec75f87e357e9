# pulse-extract pg --state --full: after a damaged bookmark, start over:
# the bookmark is not read, every row is, and a new bookmark is written.
# --full did not exist (64): the only way out was to delete the file.
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
echo '{"source":"pg","query":"default","events":{"ts":' >st
pulse-extract pg --state st --full | wc -l
pulse-extract pg | wc -l
cat st
