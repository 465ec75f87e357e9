# the whole report in English from 16 hand-written tickets, two of every
# open category or so, every closed one
pulse-render "$ROOT/tests/e2e/render/tickets.ndjson"
