# --on-error=quarantine:FILE copies the bad records, byte for byte, to FILE.
D=$ROOT/tests/e2e/extract/data
{ head -n 1 "$D/messages.ndjson"
  echo '{"id": 99, "date": "2025-10-07 09:00:00", "model": "helpdesk.ticket", "res_id": "x"}'
  echo '{"id": 98, "date":'
  tail -n 1 "$D/messages.ndjson"; } >in.ndjson
pulse-extract odoo --no-default-rules --on-error=quarantine:q.ndjson in.ndjson \
	2>err | sed -E 's/.*"message_id":([0-9]+),.*/\1/'
cat err
echo "--- q.ndjson"
cat q.ndjson
