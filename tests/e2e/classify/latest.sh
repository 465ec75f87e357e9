# What the customer wants: each ticket record carries the excerpt of the
# latest human `in` message (greeting, sign-off and quoted history gone,
# the first sentence, at most 120 characters) and who wrote it; a sender
# without a name that is the ticket's partner_email gets partner_name; an
# order confirmation is the latest only when no human wrote; auto-replies
# never are.
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-10T09:00:00Z","direction":"in","email":"anna@cust.example","author":"Anna Alt","subject":"Frage zur Bestellung 600012345","text":"Hallo,\n\nich habe eine Frage zur Bestellung.\n\nViele Grüße\nAnna"}
{"kind":"message","ticket_id":1,"message_id":2,"ts":"2026-01-11T09:00:00Z","direction":"out","email":"support@kochfreunde.example","subject":"Re: Bestellung","text":"Gerne."}
{"kind":"message","ticket_id":1,"message_id":3,"ts":"2026-01-12T09:00:00Z","direction":"in","email":"chef@elbblick-kochschule.example","author":"Koch Elbblick","subject":"Re: Bestellung","text":"Sehr geehrte Damen und Herren,\n\nwenn bis Freitag keine Teilnehmerliste kommt, sagen wir den Kurs am 24. Januar ab. Bitte melden Sie sich.\n\nMit freundlichen Grüßen\nKochschule Elbblick\n\nAm 11.01.2026 um 09:00 schrieb Support <support@kochfreunde.example>:\n> Gerne."}
{"kind":"message","ticket_id":1,"message_id":4,"ts":"2026-01-13T09:00:00Z","direction":"in","email":"anna@cust.example","subject":"Automatic reply: Bestellung","text":"I am out of the office."}
{"kind":"message","ticket_id":2,"message_id":5,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"no-reply@shop.example","subject":"Bestellbestätigung 600099999","text":"Vielen Dank für Ihre Bestellung 600099999."}
{"kind":"message","ticket_id":2,"message_id":6,"ts":"2026-01-18T09:00:00Z","direction":"in","email":"maria@cust.example","subject":"Вопрос","text":"Здравствуйте!\n\nКогда будут новые даты курса Dim Sum в Кёльне? Спасибо.\n\nС уважением,\nМария","partner_email":"Maria@cust.example","partner_name":"Мария Шевчук"}
{"kind":"message","ticket_id":3,"message_id":7,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"no-reply@shop.example","subject":"Bestellbestätigung 600099998","text":"Vielen Dank für Ihre Bestellung 600099998. Sie erhalten Ihren Gutschein per E-Mail, sobald die Zahlung eingegangen ist und geprüft wurde, spätestens aber nach drei Werktagen."}
{"kind":"message","ticket_id":5,"message_id":9,"ts":"2026-01-19T09:00:00Z","direction":"in","email":"lang@cust.example","subject":"Lang","text":"Guten Tag,\n\nich möchte für unsere Weihnachtsfeier mit zwölf Kolleginnen und Kollegen aus Köln, Düsseldorf und Bonn einen Kochkurs für Größen ab zehn Personen buchen, gern an einem Freitagabend im Dezember oder Januar. Geht das?"}
{"kind":"message","ticket_id":4,"message_id":8,"ts":"2026-01-19T09:00:00Z","direction":"out","email":"support@kochfreunde.example","subject":"Info","text":"Neue Termine"}
X
pulse-classify --rules "$SAMPLES/odoo-sample.rules" --as-of 2026-01-21T18:00:00Z in.ndjson |
	jq -c '[.ticket_id, .category, .email, .partner, .from_name, .from_email, .from_partner, .excerpt]'
echo '# excerpts are at most 120 characters, cut at a word'
pulse-classify --as-of 2026-01-21T18:00:00Z in.ndjson | jq -r 'select(.ticket_id == 5) | .excerpt, (.excerpt | length)'
