# pulse-extract pg --state: a mark whose time is not a time is damaged:
# exit 65 naming the bookmark before the database is asked.  It went into
# the query (65 from the server about a timestamp; 69 here, no server).
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
echo '{"source":"pg","query":"default","events":{"ts":"yesterday noon","id":"1300"},"payments":null}' >st
pulse-extract pg --state st
