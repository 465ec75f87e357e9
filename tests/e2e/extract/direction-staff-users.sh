# Staff = partners of res.users with share false (or no share field):
# partner 3 is staff, partner 5 (share true) is a portal customer.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules --staff-users "$D/users.json" \
	"$D/messages.json" | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
