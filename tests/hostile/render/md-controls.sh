# the ticket report: a --title with a newline and ESC broke the heading,
# and C1 controls in a subject reached its table cell; now they are spaces
printf '%s\n' '{"kind":"ticket","ticket_id":1,"state":"open","category":"NO_RESPONSE","priority":"urgent","days_waiting":0,"email":"a@example.org","subject":"nel \u0085 csi \u009b[31m del \u007f nul \u0000 end"}' > t.ndjson
pulse-render --title "$(printf 'Tickets\n# injected \033[31m')" t.ndjson | sed -n '1p;/^| \*\*1\*\*/p'
