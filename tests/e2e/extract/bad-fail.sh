# A bad record in the middle with --on-error=fail (the default): the
# message names the file, the line and the field; exit 65.  The records
# before it are written first, as jq does.
D=$ROOT/tests/e2e/extract/data
{ head -n 2 "$D/messages.ndjson"
  echo '{"id": 99, "date": 20251007, "model": "helpdesk.ticket", "res_id": 1}'
  tail -n 2 "$D/messages.ndjson"; } >in.ndjson
pulse-extract odoo --no-default-rules --on-error=fail in.ndjson
