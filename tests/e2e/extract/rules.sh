# The default rules come from $PULSE_RULES; --no-default-rules skips them.
# A rules file that cannot be read exits 66, one that does not parse 65.
# Rules other than domain/email/sender in [staff] are reported, not used.
D=$ROOT/tests/e2e/extract/data
PULSE_RULES=$PWD/nosuch.rules pulse-extract odoo "$D/messages.ndjson" \
	>/dev/null 2>err || echo "exit $?"
sed "s#$PWD/##" err
PULSE_RULES=$PWD/nosuch.rules pulse-extract odoo --no-default-rules \
	"$D/messages.ndjson" | wc -l
printf '[staff]\nsubjekt x\n' >bad.rules
pulse-extract odoo --rules bad.rules "$D/messages.ndjson" 2>&1 >/dev/null ||
	echo "exit $?"
printf '[staff]\ndomain shop.example.com\nsubject Re:\n' >odd.rules
pulse-extract odoo --rules odd.rules "$D/messages.ndjson" 2>&1 >/dev/null
printf '[{"id":1,"partner_id":[5,"Portal"],"share":true}]\n' >users.json
pulse-extract odoo --no-default-rules --staff-users users.json \
	"$D/messages.ndjson" 2>&1 | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/' |
	head -n 3
