# pulse-daily: a chunk of the archive whose events do not name their rows
# (kept by an older pulse-daily) cannot keep the archive to one copy of
# each row: exit 65 naming it and saying how to start over; nothing kept,
# nothing sent.  It was read and added to as if it could.
. "$ROOT/tests/pg/daily-env.sh"
pulse-extract pg --until 2026-01-01 | zstd -q >st/events/20250101T000000Z-1.ndjson.zst
daily_run
daily_check
exit $rc
