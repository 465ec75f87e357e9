# pulse-extract pg --state: a bookmark cut short (a crash while copying
# it) is damaged: exit 65 naming the file and the byte.
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
printf '{"source":"pg","query":"default","events":{"ts":"2026-01-18 12:00:00+00","id":"13' >st
pulse-extract pg --state st
