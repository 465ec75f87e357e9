# --staff-email: that address only, case-insensitively.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules --staff-email Lena@Partner.Example.NET \
	"$D/messages.json" | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
