# csv --table of ticket records: the table takes funnel records only, so
# the tickets are reported as ignored and nothing is left to write (65)
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}' |
	pulse-render --format csv --table stages
