# --on-error=skip: the bad record is reported and left out, the others are
# written, the count comes at the end; exit 0.  In an array, the line is
# the one the bad element starts on.
D=$ROOT/tests/e2e/extract/data
{ head -n 2 "$D/messages.ndjson"
  echo '{"id": 99, "date": 20251007, "model": "helpdesk.ticket", "res_id": 1}'
  tail -n 1 "$D/messages.ndjson"; } >in.ndjson
echo '# NDJSON'; echo '# NDJSON' >&2
pulse-extract odoo --no-default-rules --on-error=skip in.ndjson |
	sed -E 's/.*"message_id":([0-9]+),.*/\1/'
printf '[\n{"id":1,"date":"2025-10-07 09:00:00","res_id":1,"message_type":"email"},\n\n  5,\n{"id":2,"date":"2025-10-07 09:00:00","res_id":1,"message_type":"email"}\n]\n' >arr.json
echo '# an array'; echo '# an array' >&2
pulse-extract odoo --no-default-rules --on-error=skip arr.json |
	sed -E 's/.*"message_id":([0-9]+),.*/\1/'
