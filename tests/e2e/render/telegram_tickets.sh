# pulse-render --format telegram on ticket records: the ticket report's
# digest (totals, open tickets per category, the critical and high
# priority tickets with what the customer wants, ten at most each), in
# English and Russian; a long title is split at Telegram's 4096
S=$SAMPLES
pulse-ticket-report --as-of 2026-01-21T18:00:00Z --keep tickets.ndjson \
	--tickets "$S/odoo-small-tickets.json" "$S/odoo-small.json" >/dev/null 2>&1
pulse-render -f telegram --chat-id @support_head tickets.ndjson | tee en.ndjson | jq -r .text
jq -c 'del(.text)' en.ndjson
pulse-render -f telegram --chat-id -100123 --lang ru tickets.ndjson | jq -r .text | head -n 4
echo "-- a title of 5000 characters"
pulse-render -f telegram --chat-id 1 --title "$(printf 'x%.0s' $(seq 5000))" tickets.ndjson |
	jq -r '.text | length' | paste -sd ' '
