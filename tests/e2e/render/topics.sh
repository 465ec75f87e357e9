# Topics in words: the rules file's label (per language, English when the
# language has none, the id when there is none), target and
# recommendation; each topic's share of the real tickets with the note that
# the shares add up past 100%, its open tickets, what it touches (entity
# kinds in the rules' order, by their label, names by count) and up to
# three examples (open ones first, newest first).
cat >t.rules <<'X'
[topic:dates]
label en Course dates missing
label ru Нет дат
recommend en Agree the schedules with the partners.
target en under 20% of requests
any termin
[topic:voucher]
label en Vouchers
any gutschein
[topic:group]
any gruppe
[entity:course]
label en Courses
label ru Курсы
match Dim Sum
match Ramen
match Ramen@Home
[entity:city]
label en Cities
match Köln
match Cologne = Köln
[entity:order]
match 600######
X
m() { # id day dir text
	printf '{"kind":"message","ticket_id":%s,"message_id":%s%s,"ts":"2026-01-%sT09:00:00Z","direction":"%s","email":"c%s@cust.example","subject":"Frage","text":"%s"}\n' "$1" "$1" "$2" "$2" "$3" "$1" "$4"
}
{
	m 1 10 in 'Gibt es Termine für Dim Sum in Köln?'
	m 1 11 out 'Ja.'
	m 2 12 in 'Termin für Ramen@Home in Cologne? Gutschein 600123456'
	m 3 19 in 'Termine für Ramen in Köln, Gruppe von 8'
	m 4 20 in 'Mein Gutschein 600123457 fehlt'
	m 5 20 in 'Hallo'
	m 6 14 in 'Termin?'
	m 6 15 out 'Bald.'
} >msgs.ndjson
pulse-classify --no-default-rules --rules t.rules --as-of 2026-01-21T18:00:00Z msgs.ndjson >t.ndjson
jq -c '[.ticket_id, .topics, .entities]' t.ndjson
pulse-render --no-default-rules --rules t.rules t.ndjson | sed -n '/^## Topics/,/^\*\*Insolvency/p'
echo '# ru'
pulse-render --lang ru --no-default-rules --rules t.rules t.ndjson | sed -n '/^## Основные темы/,/^\*\*Доля банкротства/p'
