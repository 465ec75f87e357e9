# pulse-extract odoo: a message date in the year 0000
printf '[{"id":1,"date":"0000-10-07 09:12:00","model":"helpdesk.ticket","res_id":101,"message_type":"email","subtype_id":[1,"Discussions"],"is_internal":false,"author_id":false,"email_from":"a@b.example","subject":"s","body":"<p>x</p>"}]\n' >m.json
pulse-extract odoo --staff-domain example.com m.json
