# Messages of other models, of no model, and without a ticket (res_id
# false or 0) are not emitted; they are counted on stderr, by model, the
# most frequent first.  A message without "model" is taken as a ticket's.
cat >in.ndjson <<'X'
{"id":1,"date":"2025-10-07 09:00:00","model":"crm.lead","res_id":5,"message_type":"email","body":"a"}
{"id":2,"date":"2025-10-07 09:00:00","model":"helpdesk.ticket","res_id":7,"message_type":"email","body":"<p>ticket</p>"}
{"id":3,"date":"2025-10-07 09:00:00","model":"res.partner","res_id":5,"message_type":"comment","body":"b"}
{"id":4,"model":"crm.lead","res_id":6}
{"id":5,"date":"2025-10-07 09:00:00","model":false,"res_id":false,"message_type":"comment","body":"c"}
{"id":6,"date":"2025-10-07 09:00:00","model":"crm.lead","res_id":5,"message_type":"email","body":"d"}
{"id":7,"date":"2025-10-07 09:00:00","model":"helpdesk.ticket","res_id":false,"message_type":"email","body":"e"}
{"id":8,"date":"2025-10-07 09:00:00","model":"helpdesk.ticket","res_id":0,"message_type":"email","body":"f"}
{"id":9,"date":"2025-10-07 09:00:00","res_id":8,"message_type":"email","body":"no model field"}
X
pulse-extract odoo --no-default-rules in.ndjson
