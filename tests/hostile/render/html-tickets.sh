# the leads dashboard of ticket records: not an empty page with exit 0,
# but exit 65 naming what the page draws
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}' |
	pulse-render --format html
