# When the reader goes away (| head -1) pulse-extract stops quietly, 0.
set -o pipefail
D=$ROOT/tests/e2e/extract/data
i=0
while [ $i -lt 500 ]; do
	cat "$D/messages.ndjson"
	i=$((i + 1))
done >big.ndjson
pulse-extract odoo --no-default-rules big.ndjson | head -1 |
	sed -E 's/.*"message_id":([0-9]+),.*/\1/'
echo "pipeline status $?"
