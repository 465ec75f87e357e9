# Odoo writes false for empty values: subject, author_id, email_from,
# subtype_id, body and message_type may all be false (or null); an empty
# subject is null too.  email_from may be bare, a name alone, or <addr>.
cat >in.ndjson <<'X'
{"id":70,"date":"2025-10-10 12:00:00","model":"helpdesk.ticket","res_id":7,"message_type":"comment","subtype_id":false,"author_id":false,"email_from":false,"subject":false,"body":false}
{"id":71,"date":"2025-10-10 12:01:00","model":"helpdesk.ticket","res_id":7,"message_type":"email","subtype_id":null,"author_id":null,"email_from":"Kunde@Example.org","subject":"","body":null,"is_internal":null}
{"id":72,"date":"2025-10-10 12:02:00","res_id":7,"message_type":"email","subtype_id":[1,"Discussions"],"author_id":false,"email_from":"Nur Name","subject":"Hallo","body":"<p>Hallo</p>"}
{"id":73,"date":"2025-10-10T12:03:00+02:00","model":"helpdesk.ticket","res_id":7,"message_type":false,"subtype_id":false,"author_id":[9,false],"email_from":" <Only@Example.org> ","subject":false,"body":""}
X
pulse-extract odoo --no-default-rules in.ndjson
