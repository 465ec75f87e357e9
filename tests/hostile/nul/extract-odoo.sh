# pulse-extract odoo: a NUL (\u0000) in a message's subject, body, sender
# and names, or in a ticket's fields, is kept and written escaped; a date
# that holds one is not a date, and the message says so showing the NUL
# (it used to end the message there: "not a date and time:
# '2025-10-07 09:12:00'", a valid time)
printf '[{"id":1,"date":"2025-10-07 09:12:00","model":"helpdesk.ticket","res_id":101,"message_type":"email","subtype_id":[1,"Note\\u0000s"],"is_internal":false,"author_id":[3,"A\\u0000B"],"email_from":"Bob <a\\u0000b@shop.example>","subject":"s\\u0000t","body":"<p>x\\u0000y</p>"}]\n' >m.json
printf '{"id":101,"name":"T\\u0000x","ticket_ref":"1\\u00002","partner_id":[1,"P\\u0000Q"],"stage_id":[1,"New\\u0000"],"create_date":"2025-10-07 09:12:00"}\n' >t.ndjson
pulse-extract odoo --no-default-rules --staff-domain shop.example --tickets t.ndjson m.json
echo '# a NUL in the date of a message, and of a ticket'
printf '[{"id":1,"date":"2025-10-07 09:12:00\\u0000x","model":"helpdesk.ticket","res_id":101,"message_type":"email","subtype_id":false,"is_internal":false,"author_id":false,"email_from":"a@b","subject":"s","body":"x"}]\n' >d.json
pulse-extract odoo --no-default-rules d.json || echo "exit $?"
printf '{"id":101,"name":"T","create_date":"2025-10-07 09:12:00\\u0000"}\n' >td.ndjson
pulse-extract odoo --no-default-rules --tickets td.ndjson m.json || echo "exit $?"
