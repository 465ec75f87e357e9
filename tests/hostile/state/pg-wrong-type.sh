# pulse-extract pg --state: a mark of the wrong type (an id that is a
# number) is damaged: exit 65 naming the member and its type.  It was 65
# without saying which member of which bookmark.
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
echo '{"source":"pg","query":"default","events":{"ts":"2026-01-18 12:00:00+00","id":1300},"payments":null}' >st
pulse-extract pg --state st
