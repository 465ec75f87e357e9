# The issue's check on pulse-gen's Bitrix24 sample, at the funnel itself:
# pulse-utm's origins equal the generator's facts; per manager no share is
# above 1, and every (manager, status) count of leads that reached it, the
# "(no stage)" rows, the deals' counts per pipeline stage, the won deals
# and their revenue equal counts made independently with jq (and pulse-tally
# for the exact sum) from the records and the generator's facts; the hot
# lead is stale with its days.  Only agreements are printed, so the test
# holds whatever numbers the generator is tuned to.
pulse-gen bitrix -o leads.json --deals deals.json --history hist.json \
	--deal-history dhist.json --users users.json --statuses statuses.json \
	--ad-map ads.csv --aliases aliases.csv --facts facts.json
pulse-extract bitrix --users users.json --statuses statuses.json \
	leads.json deals.json hist.json dhist.json 2>/dev/null |
	pulse-utm --map ads.csv --alias aliases.csv --stats > rec.ndjson 2>stats
AS_OF=$(jq -r '.as_of // "2026-01-21T18:00:00+03:00"' facts.json)
pulse-funnel --by manager --as-of "$AS_OF" rec.ndjson > by-manager.ndjson
pulse-funnel --as-of "$AS_OF" --stale-days 20 rec.ndjson > all.ndjson

same() { # what, left, right
	if [ "$2" = "$3" ]; then echo "$1: same"; else echo "$1: $2 != $3"; fi
}

jq -r '"given \(.utm_given), url \(.utm_url), map \(.utm_map), none \(.utm_none)"' facts.json > facts-utm
sed -n 's/^pulse-utm: leads: utm_origin //p' stats > utm-stats
jq -r 'select(.kind == "lead") | .utm_origin' rec.ndjson | sort | uniq -c |
	awk '{ n[$2] = $1 } END { printf "given %d, url %d, map %d, none %d\n", n["given"], n["url"], n["map"], n["none"] }' > utm-records
same "utm origins of the leads, facts and --stats" "$(cat facts-utm)" "$(cat utm-stats)"
same "utm origins of the leads, facts and records" "$(cat facts-utm)" "$(cat utm-records)"

for by in manager source utm_campaign ad_group month quarter; do
	pulse-funnel --by $by rec.ndjson | jq -s -r --arg by $by \
		'map(select(.share != null) | .share) | "--by \($by): shares above 1: \(map(select(. > 1)) | length), shares: \(length > 0)"'
done

# the reached sets: the (pipeline, stage) pairs a record's history entered
# (a deal moved to another pipeline entered stages of both), and its current
# status; "(no stage)" for a record without history
reach='(map(select(.kind == $e)) | map({key: .id, value: .category}) | from_entries) as $cat
	| (map(select(.kind == "stage" and .entity == $e)) | group_by(.id)
	| map({key: .[0].id, value: map("\(.category // $cat[.id])\t\(.stage)")}) | from_entries) as $h
	| map(select(.kind == $e))
	| map(. as $r | (if $h[$r.id] then ($h[$r.id] + ["\($r.category)\t\($r.status)"] | unique)
		else ["\($r.category)\t(no stage)"] end)[]
		| "\($r.manager)\t\(.)")
	| group_by(.)[] | "\(.[0])\t\(length)"'
for e in lead deal; do
	jq -s -r --arg e $e "$reach" rec.ndjson | sort > jq-$e.tsv
	jq -r --arg e $e 'select(.table == "stages" and .entity == $e and .reached > 0)
		| "\(.group.manager)\t\(.category)\t\(.stage)\t\(.reached)"' by-manager.ndjson | sort > fn-$e.tsv
	[ -s fn-$e.tsv ] && cmp jq-$e.tsv fn-$e.tsv && echo "$e: reached per manager and stage = jq"
done
jq -s -r 'map(select(.kind == "lead")) | group_by(.manager)[] | "\(.[0].manager)\t\(length)"' rec.ndjson | sort > jq-leads.tsv
jq -r 'select(.table == "managers" and .leads > 0) | "\(.manager)\t\(.leads)"' all.ndjson | sort > fn-leads.tsv
jq -r '.leads_by_manager | to_entries[] | "\(.key)\t\(.value)"' facts.json | sort > facts-leads.tsv
cmp jq-leads.tsv fn-leads.tsv && cmp facts-leads.tsv fn-leads.tsv &&
	echo "leads per manager = jq = facts (each lead once; leads that changed hands: $([ "$(jq .reassigned facts.json)" -gt 0 ] && echo some))"
same "leads without stage history, funnel and facts" \
	"$(jq -r 'select(.table == "stages" and .entity == "lead" and .stage == "(no stage)") | "\(.reached) of \(.total)"' all.ndjson)" \
	"$(jq -r '"\(.no_history) of \(.leads)"' facts.json)"

won_jq=$(jq -c 'select(.kind == "deal" and .semantic == "S")' rec.ndjson | pulse-tally --sum amount |
	jq -r '"\(.count) won deals, \(.sum.amount)"')
won_facts=$(jq -r '"\(.won) won deals, \(.won_amount | if test("[.]") then sub("0+$"; "") | sub("[.]$"; "") else . end)"' facts.json)
won_mgr=$(jq -c 'select(.table == "managers") | {won, r: .revenue.RUB}' all.ndjson | pulse-tally --sum won --sum r |
	jq -r '"\(.sum.won) won deals, \(.sum.r)"')
won_src=$(jq -c 'select(.table == "sources") | {won, r: .revenue.RUB}' all.ndjson | pulse-tally --sum won --sum r |
	jq -r '"\(.sum.won) won deals, \(.sum.r)"')
same "won deals and revenue, jq and facts" "$won_jq" "$won_facts"
same "won deals and revenue, jq and the managers table" "$won_jq" "$won_mgr"
same "won deals and revenue, jq and the sources table" "$won_jq" "$won_src"
same "the hot lead's days in stage, funnel and facts" \
	"$(jq -r --slurpfile f facts.json 'select(.table == "stale" and .id == $f[0].hot_lead) | "\(.since) \(.days)"' all.ndjson)" \
	"$(jq -r '"\(.hot_since) \(.hot_days)"' facts.json)"
