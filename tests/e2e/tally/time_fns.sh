# day(), week() and month() of a time field; ISO weeks across year ends;
# an offset is converted to UTC, a naive time (Odoo's) is taken as UTC
cat > in.ndjson <<'J'
{"created":"2026-01-01T10:00:00Z"}
{"created":"2024-12-30T00:00:00Z"}
{"created":"2024-12-29T23:59:59Z"}
{"created":"2021-01-03T12:00:00Z"}
{"created":"2026-01-05T01:30:00+03:00"}
{"created":"2026-01-05 08:00:00"}
{"created":"2025-12-31"}
{"created":null}
{"other":1}
J
pulse-tally --by 'day(created)' in.ndjson
echo "--"
pulse-tally --by 'week(created)' in.ndjson
echo "--"
pulse-tally --by 'month(created),week(created)' in.ndjson
