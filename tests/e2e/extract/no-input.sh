# A file that cannot be opened is reported and the others are read; the
# exit status is then 66.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules missing.json "$D/messages.ndjson" 2>&1 |
	sed -E 's/.*"message_id":([0-9]+),.*/\1/' | head -n 3
pulse-extract odoo --no-default-rules missing.json >/dev/null 2>&1 ||
	echo "exit $?"
