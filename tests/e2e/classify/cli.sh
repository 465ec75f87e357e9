# The command line: --help, --version, usage errors (64), rules files that
# are missing (66) or wrong (65, with file:line), no rules at all (a
# warning), -o, JSON array and zstd input, and a reader that goes away.
R=$ROOT/tests/e2e/classify/test.rules
msg='{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@cust.example","subject":"Casino","text":"x"}'
echo '# help and version'
pulse-classify --help | head -n 1
pulse-classify --help | grep -c -- '--partner-domain'
pulse-classify --version
echo '# usage errors'
for a in --bogus '--as-of yesterday' '--recent-days -1' '--recent-days 2.5' \
	'--partner-domain @'; do
	echo "# $a" >&2
	pulse-classify $a </dev/null || echo "exit $?"
done
echo '# rules files'
echo '# a missing rules file' >&2
pulse-classify --no-default-rules --rules missing.rules </dev/null || echo "exit $?"
printf '[spam]\nsubject casino\nsubjekt viagra\n' >bad.rules
echo '# a bad rules file' >&2
pulse-classify --no-default-rules --rules "$R" --rules bad.rules </dev/null || echo "exit $?"
echo '# --no-default-rules and no --rules' >&2
echo "$msg" | pulse-classify --no-default-rules --as-of 2026-01-21T18:00:00Z | jq -c '[.category, .reason]'
echo '# an empty PULSE_RULES' >&2
PULSE_RULES= pulse-classify --as-of 2026-01-21T18:00:00Z </dev/null && echo 'empty PULSE_RULES: no default'
echo '# PULSE_RULES: quiet' >&2
PULSE_RULES=$R pulse-classify --as-of 2026-01-21T18:00:00Z </dev/null && echo 'PULSE_RULES: quiet'
echo "$msg" | PULSE_RULES=$R pulse-classify --as-of 2026-01-21T18:00:00Z | jq -r .category
echo "$msg" | PULSE_RULES=$R pulse-classify --no-default-rules --as-of 2026-01-21T18:00:00Z 2>/dev/null | jq -r .category
echo '# PULSE_RULES names a missing file' >&2
PULSE_RULES=missing.rules pulse-classify </dev/null || echo "exit $?"
echo '# -o, arrays, zstd, empty input'
echo "$msg" | pulse-classify --rules "$R" --as-of 2026-01-21T18:00:00Z -o out.ndjson
jq -r .category out.ndjson
printf '[%s,\n%s]\n' "$msg" "${msg/\"ticket_id\":1/\"ticket_id\":2}" >arr.json
pulse-classify --rules "$R" --as-of 2026-01-21T18:00:00Z arr.json | jq -c '[.ticket_id, .category]'
if command -v zstd >/dev/null; then
	echo "$msg" | zstd -q >in.zst
	pulse-classify --rules "$R" --as-of 2026-01-21T18:00:00Z in.zst | jq -r .category
else
	echo SPAM
fi
pulse-classify --rules "$R" </dev/null | wc -c
echo '# a reader that stops early'
awk 'BEGIN { for (i = 1; i <= 20000; i++)
	printf "{\"ticket_id\":%d,\"message_id\":%d,\"ts\":\"2026-01-20T09:00:00Z\",\"direction\":\"in\",\"email\":\"a@cust.example\",\"subject\":\"Frage\",\"text\":\"x\"}\n", i, i }' >many.ndjson
pulse-classify --rules "$R" --as-of 2026-01-21T18:00:00Z many.ndjson | head -n 1 | jq -r .ticket_id
echo "status ${PIPESTATUS[0]}"
