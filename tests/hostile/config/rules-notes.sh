# The notes of a rules file (topic labels and actions, entity patterns):
# a label without a language or without text, a topic key outside a
# [topic:NAME] section, a match outside an [entity:KIND] section or without
# a pattern or a name after '=' are exit 65 naming file:line, for
# pulse-classify and pulse-render alike; a file of notes only is a rules
# file.
m='{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@b.example","subject":"Frage","text":"Dim Sum in Köln?"}'
t() {
	printf '%b' "$1" >n.rules
	echo "$m" | pulse-classify --rules n.rules --as-of 2026-01-21T18:00:00Z >/dev/null || echo "classify exit $?"
	echo "$m" | pulse-classify --as-of 2026-01-21T18:00:00Z | pulse-render --rules n.rules >/dev/null || echo "render exit $?"
}
t '[topic:x]\nlabel Course dates\n'
t '[topic:x]\nlabel en\n'
t '[topic:x]\nrecommend english Do it\n'
t '[spam]\ntoday en Answer\n'
t 'label en Before any section\n'
t '[topic:x]\nmatch Köln\n'
t '[entity:city]\nmatch\n'
t '[entity:city]\nmatch Cologne = \n'
t '[entity:city]\nrecommend en x\n'
t '[entity:]\nmatch x\n'
echo '# notes only'
printf '[entity:city]\nlabel en Cities\nmatch Köln\n' >n.rules
echo "$m" | pulse-classify --rules n.rules --as-of 2026-01-21T18:00:00Z | jq -c .entities
