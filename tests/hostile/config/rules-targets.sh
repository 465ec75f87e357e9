# The [targets] section of a rules file: an unknown target, hours that are
# 0, negative, not a number, with a unit, a sign, an exponent or beyond a
# year, a count with a fraction or beyond a million, a missing value and a
# rule line in the section are exit 65 naming file:line and what a value
# may be, for pulse-classify and pulse-render alike (the report is never
# drawn against a target nobody meant); good values are taken.
m='{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@b.example","subject":"Frage","text":"Hallo"}'
t() {
	printf '%b' "$1" >t.rules
	echo "$m" | pulse-classify --rules t.rules --as-of 2026-01-21T18:00:00Z >/dev/null || echo "classify exit $?"
	echo "$m" | pulse-classify --as-of 2026-01-21T18:00:00Z | pulse-render --rules t.rules >/dev/null || echo "render exit $?"
}
t '[targets]\nfirst_response_mean 24\n'
t '[targets]\nfirst_response_median 0\n'
t '[targets]\nfirst_response_median -3\n'
t '[targets]\nfirst_response_median abc\n'
t '[targets]\nfirst_response_p90 48h\n'
t '[targets]\nfirst_response_p90 +48\n'
t '[targets]\nfirst_response_p90 4e1\n'
t '[targets]\nfirst_response_p90 .5\n'
t '[targets]\nfirst_response_p90 8761\n'
t '[targets]\nunanswered 1.5\n'
t '[targets]\nsla_breached 1000001\n'
t '[targets]\nunanswered\n'
t '[targets]\nsubject casino\n'
echo '# good values'
printf '[targets]\nfirst_response_median 1.5\nfirst_response_p90 8760\nunanswered 0\nsla_breached 1000000\n' >t.rules
echo "$m" | pulse-classify --as-of 2026-01-21T18:00:00Z | pulse-render --rules t.rules | grep -e '^| First response time' -e '^| Tickets without'
