# The shipped rules (samples/rules/tickets.rules, installed as the default)
# on German, English and Russian messages.
export PULSE_RULES=$ROOT/samples/rules/tickets.rules
m() { # ticket direction subject text [email]
	printf '{"kind":"message","ticket_id":%s,"message_id":%s,"ts":"2026-01-10T09:00:00Z","direction":"%s","email":"%s","subject":"%s","text":"%s"}\n' "$1" "$1" "$2" "${5:-a@cust.example}" "$3" "$4"
}
{
	m 1 in 'SIE HABEN GEWONNEN!' 'Jetzt abholen'
	m 2 in 'Ihre Auftragsbestätigung 600061' 'Vielen Dank' shop@shop.example
	m 3 in 'Bestellung' 'Danke' noreply@shop.example
	m 4 in 'Keine Termine mehr?' 'Wann gibt es neue Daten für den Kurs?'
	m 5 in 'Gutschein nicht erhalten' 'Ich habe keinen Wertgutschein bekommen'
	m 6 in 'Zoom' 'Wo ist die Einkaufsliste für den Online-Kurs?'
	m 7 in 'JGA' 'Wir sind 8 Personen'
	m 8 in 'Сертификат' 'Когда будут даты?'
	m 9 in 'Frage' 'Hallo'
	m 9 out 'Re: Frage' 'Der Anbieter ist insolvent.'
	m 10 in 'Abwesenheitsnotiz' 'Ich bin bis Montag nicht da'
	m 11 in 'Gift card' 'Hen party for 6 people - online class?'
} >in.ndjson
pulse-classify --as-of 2026-01-21T18:00:00Z in.ndjson | jq -c '[.ticket_id, .category, .topics, .reason]'
