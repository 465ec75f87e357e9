# A small Odoo export (a pretty-printed search_read array) to message
# records: every field of the contract, in its order.
pulse-extract odoo --no-default-rules "$ROOT/tests/e2e/extract/data/messages.json"
