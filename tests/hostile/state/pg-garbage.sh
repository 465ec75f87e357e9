# pulse-extract pg --state: a bookmark that is not JSON at all is damaged:
# exit 65 naming the file and saying so, no row read (it was a bare JSON
# parser's message).
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
echo 'events up to yesterday' >st
pulse-extract pg --state st
