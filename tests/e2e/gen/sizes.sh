# --tickets N makes N tickets, each with its label and its messages, about
# four messages a ticket; the default export's category mix is close to the
# seed report's (1000 tickets, 4044 messages).
for n in 1 50 2000; do
	pulse-gen odoo --tickets $n --labels l.ndjson --tickets-out t.json >m.json
	echo "--tickets $n: $(wc -l <l.ndjson) labels, $(jq length t.json) tickets," \
		"$(jq '[.[] | select(.model == "helpdesk.ticket") | .res_id] | unique | length' m.json) with messages"
done
jq -r 'length / 2000 | if . > 3.5 and . < 4.5 then "about 4 messages a ticket" else "\(.) messages a ticket" end' m.json
echo '# the default export'
pulse-gen odoo --labels l.ndjson >m.json
jq -r 'length | if . > 3800 and . < 4300 then "about 4000 messages" else "\(.) messages" end' m.json
# category and the range it must stay in, around the seed report's counts
# (32, 15, 2, 1, 1; UNCLEAR ~40, 247, 211, 95, RESPONDED_NO_FOLLOWUP ~350)
while read -r cat lo hi; do
	n=$(grep -c "\"category\":\"$cat\"" l.ndjson || true)
	if [ "$n" -ge "$lo" ] && [ "$n" -le "$hi" ]; then
		echo "$cat: $lo..$hi"
	else
		echo "$cat: $n, not in $lo..$hi"
	fi
done <<'X'
NO_RESPONSE 22 45
RECENT_RESPONSE 8 25
PARTNER_NO_RESPONSE 1 5
PARTNER_RECENT 1 4
CUSTOMER_FOLLOWUP 1 4
UNCLEAR 25 60
INSOLVENCY_RESPONDED 215 285
SPAM 180 245
ORDER_CONFIRMATION 70 120
RESPONDED_NO_FOLLOWUP 300 400
X
echo '# NO_RESPONSE spread over the three priorities'
jq -r 'select(.category == "NO_RESPONSE") | .priority' l.ndjson | sort | uniq -c | awk '{print $2, ($1 > 0 ? "yes" : "no")}'
jq -sr '[.[] | select(.category == "NO_RESPONSE") | .days_waiting] | "days waiting \(min)..\(max)"' l.ndjson
