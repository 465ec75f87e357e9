# the same 16 tickets, the report in Russian (the seed's headings)
pulse-render --lang ru "$ROOT/tests/e2e/render/tickets.ndjson"
