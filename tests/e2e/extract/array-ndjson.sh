# The same export as one (pretty-printed) JSON array and as NDJSON gives
# the same records; so does a compact array on one line.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules "$D/messages.json" >a.out
pulse-extract odoo --no-default-rules "$D/messages.ndjson" >b.out
{ printf '['; paste -sd, "$D/messages.ndjson"; printf ']'; } >compact.json
pulse-extract odoo --no-default-rules <compact.json >c.out
cmp a.out b.out && echo "array = ndjson"
cmp a.out c.out && echo "array = compact array on stdin"
wc -l <a.out
