# The default rules come from $PULSE_RULES; --no-default-rules skips them.
# A rules file that cannot be read exits 66, one that does not parse 65.
# Rules other than domain/email/sender in [staff] are reported, not used.
D=$ROOT/tests/e2e/extract/data
echo '# PULSE_RULES names a missing file'
echo '# PULSE_RULES names a missing file' >&2
PULSE_RULES=$PWD/nosuch.rules pulse-extract odoo "$D/messages.ndjson" \
	>/dev/null 2>err || echo "exit $?"
sed "s#$PWD/##" err >&2
echo '# --no-default-rules: PULSE_RULES is not read'
echo '# --no-default-rules: PULSE_RULES is not read' >&2
PULSE_RULES=$PWD/nosuch.rules pulse-extract odoo --no-default-rules \
	"$D/messages.ndjson" | wc -l
printf '[staff]\nsubjekt x\n' >bad.rules
echo '# a rules file that does not parse'
echo '# a rules file that does not parse' >&2
pulse-extract odoo --rules bad.rules "$D/messages.ndjson" >/dev/null ||
	echo "exit $?"
printf '[staff]\ndomain shop.example.com\nsubject Re:\n' >odd.rules
echo '# a rule that does not apply in [staff]'
echo '# a rule that does not apply in [staff]' >&2
pulse-extract odoo --rules odd.rules "$D/messages.ndjson" >/dev/null
printf '[{"id":1,"partner_id":[5,"Portal"],"share":true}]\n' >users.json
echo '# --staff-users without an internal user'
echo '# --staff-users without an internal user' >&2
pulse-extract odoo --no-default-rules --staff-users users.json \
	"$D/messages.ndjson" | sed -E 's/.*"message_id":([0-9]+),.*"direction":"([a-z]+)".*/\1 \2/' |
	head -n 2
