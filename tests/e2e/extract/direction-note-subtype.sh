# --note-subtype ID: messages of that subtype are notes (message 10 has
# subtype 9); is_internal and the subtype names Note/Notes were before.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules --note-subtype 9 "$D/messages.json" |
	sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
