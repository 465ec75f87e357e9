# Whole ticket records, byte for byte: field order, times in UTC, the joined
# helpdesk.ticket fields (first non-null value wins), fallbacks to
# partner_name/partner_email, the 160-character summary, escapes; tickets
# in order of first appearance, messages sorted by time.
cls() {
	pulse-classify --no-default-rules --rules "$ROOT/tests/e2e/classify/test.rules" \
		--as-of 2026-01-21T18:00:00Z "$@"
}
cat >in.ndjson <<'X'
{"kind":"message","ticket_id":42,"message_id":502,"ts":"2026-01-19 10:30:00","direction":"out","message_type":"comment","subtype":"Discussions","email":"support@school.example","author":"Support Team","subject":"Re: Gutschein","text":"Wir kümmern uns.","channel":null,"ticket_name":"Gutschein nicht erhalten","ticket_ref":"00042","partner_name":"Erika Muster","partner_email":"erika@cust.example","stage":"In Progress","ticket_priority":"2","team":"Support","ticket_created":"2026-01-19T08:59:00Z","sla_deadline":null}
{"kind":"message","ticket_id":44,"message_id":700,"ts":"2026-01-21T18:00:00+01:00","direction":"in","email":null,"author":null,"subject":"Fr\u00e4ge \"dringend\"","text":"  Line1\u00a0\u00a0Line2\t\"q\"  \\ end "}
{"kind":"message","ticket_id":42,"message_id":501,"ts":"2026-01-19T09:00:00Z","direction":"in","message_type":"email","subtype":"Discussions","email":"erika@cust.example","author":"Erika Muster","subject":"Gutschein","text":"Hallo,\n\nich habe   meinen Gutschein (Bestellnr. 12345) noch nicht erhalten. Können Sie bitte nachsehen? Über eine schnelle Antwort würde ich mich sehr freuen, denn das Geschenk ist für Samstag.\n\nViele Grüße\nErika","channel":"Email","ticket_name":"Gutschein nicht erhalten","ticket_ref":"00042","partner_name":"Erika Muster","partner_email":"erika@cust.example","stage":"In Progress","ticket_priority":"2","team":"Support","ticket_created":"2026-01-19T08:59:00Z","sla_deadline":null}
{"kind":"message","ticket_id":42,"message_id":503,"ts":"2026-01-20T08:00:00Z","direction":"note","email":"support@school.example","author":"Support Team","subject":null,"text":"Gutschein neu senden"}
{"kind":"message","ticket_id":43,"message_id":801,"ts":"2026-01-05T09:00:00Z","direction":"out","email":"support@school.example","author":"Support Team","subject":"Ihre Anfrage","text":"Antwort","ticket_name":null,"partner_name":"Max Beispiel","partner_email":"max@cust.example"}
{"kind":"message","ticket_id":43,"message_id":800,"ts":"2026-01-04T12:00:00Z","direction":"system","email":null,"author":null,"subject":null,"text":"Ticket created"}
X
cls in.ndjson
