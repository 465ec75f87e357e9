# pulse-classify's excerpt of hostile message texts: one 200 000-character
# line without a blank, a text of only a greeting, a NUL, four-byte
# characters at the cut (never split), only quotes and signatures, and
# a sign-off before any words: each excerpt is at most 120 characters and
# valid JSON, the run never fails.
{
	printf '{"kind":"message","ticket_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"'
	head -c 200000 /dev/zero | tr '\0' 'a'
	printf '"}\n'
	printf '%s\n' '{"kind":"message","ticket_id":2,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"Hallo!"}'
	printf '%s\n' '{"kind":"message","ticket_id":3,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"Wo\u0000 ist mein Gutschein?"}'
	printf '{"kind":"message","ticket_id":4,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"'
	head -c 118 /dev/zero | tr '\0' 'a'
	printf '\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"}\n'
	printf '%s\n' '{"kind":"message","ticket_id":5,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"> alt\n> älter\n-- \nSig"}'
	printf '%s\n' '{"kind":"message","ticket_id":6,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"LG\nAnna\n\nWann ist der Kurs?"}'
	printf '%s\n' '{"kind":"message","ticket_id":7,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@x.example","text":"...!!!???"}'
} >m.ndjson
pulse-classify --on-error=skip --as-of 2026-01-21T18:00:00Z m.ndjson >t.ndjson
echo "exit $?"
jq -c '[.ticket_id, (.excerpt | length), (if (.excerpt | length) > 40 then .excerpt[0:10] + "…" + .excerpt[-3:] else .excerpt end)]' t.ndjson
