# -o FILE: the same records, in FILE, written whole or not at all.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules -o out.ndjson "$D/messages.json"
pulse-extract odoo --no-default-rules "$D/messages.json" | cmp - out.ndjson &&
	echo "same as stdout"
printf '{"id":1}\n' >bad.ndjson
pulse-extract odoo --no-default-rules -o out2.ndjson bad.ndjson ||
	echo "exit $?"
ls
