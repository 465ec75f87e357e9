# pulse-extract odoo: a rules file's [staff] sender pattern holding a NUL
# was cut there ("zz\0yy" became "zz"), making staff of every address
# with "zz" in it: a customer's email counted as the support's answer
printf '[staff]\nsender zz\0yy\n' >nul.rules
printf '[{"id":1,"date":"2025-10-07 09:12:00","model":"helpdesk.ticket","res_id":101,"message_type":"email","subtype_id":false,"is_internal":false,"author_id":false,"email_from":"kunde@zz.example","subject":"s","body":"x"}]\n' >m.json
pulse-extract odoo --no-default-rules --rules nul.rules m.json | jq -r '[.email, .direction] | join(" ")'
