# pulse-extract pg --state: a bookmark saved by an editor with a UTF-8 BOM
# and a CRLF line end is the same bookmark: only the rows after it are
# read.  It was refused (65, "unexpected character").
. "$ROOT/tests/pg/pg-env.sh"
pg_load_sample sales-small
pulse-extract pg --state st >/dev/null
pg_sql "INSERT INTO events (user_id, event_id, created_at) VALUES (1, 1, '2026-01-21 00:00:00+00'), (2, 1, '2026-01-21 00:00:00+00')"
printf '\357\273\277%s\r\n' "$(cat st)" >st.edited
mv st.edited st
pulse-extract pg --state st
