# --staff-domain: the domain and its subdomains, case-insensitively
# (max@Support.Shop.Example.com is staff); a leading '@' is accepted.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules --staff-domain @shop.example.com \
	"$D/messages.json" | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/'
