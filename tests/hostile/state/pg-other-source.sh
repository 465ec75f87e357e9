# pulse-extract pg --state: a file that is not pulse-extract pg's bookmark
# (another program's state) is damaged: exit 65.  It was read as a
# first run: every row again, exit 0.
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
echo '{"source":"bitrix","query":"default","events":null,"payments":null,"page":3}' >st
pulse-extract pg --state st
