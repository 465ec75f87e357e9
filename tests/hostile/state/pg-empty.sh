# pulse-extract pg --state: an empty bookmark (a full disk, an editor that
# truncated it) is damaged: exit 65 naming the file, no row read.  It was
# 65 with a JSON parser's message about an "empty line".
# (no server: the bookmark is refused before any connection is tried)
export PGHOST=/nonexistent PGPASSFILE=/dev/null
: >st
pulse-extract pg --state st
