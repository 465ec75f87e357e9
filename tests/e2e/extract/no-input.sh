# A file that cannot be opened is reported and the others are read; the
# exit status is then 66.
D=$ROOT/tests/e2e/extract/data
echo '# missing.json, then a file that opens'
echo '# missing.json, then a file that opens' >&2
pulse-extract odoo --no-default-rules missing.json "$D/messages.ndjson" |
	sed -E 's/.*"message_id":([0-9]+),.*/\1/' | head -n 2
echo '# missing.json alone'; echo '# missing.json alone' >&2
pulse-extract odoo --no-default-rules missing.json >/dev/null ||
	echo "exit $?"
