# pulse-extract pg --state: a directory where the bookmark should be is an
# input that cannot be read: exit 66 (it was 74, an I/O error).
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
mkdir st
pulse-extract pg --state st
