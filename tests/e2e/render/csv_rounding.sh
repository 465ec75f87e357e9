# funnel records carry shares, conversions and means in full precision
# (pulse-funnel: the exact ratio as jq prints it) and top_sources rows of
# the first month "previous":null and "change":null; --format csv shows the
# fractions as the records of 4, 2 and 1 decimals did, byte for byte, and
# an unknown previous month as empty cells
S=$SAMPLES
pulse-extract bitrix --users "$S/bitrix-users.json" --statuses "$S/bitrix-statuses.json" \
	"$S/bitrix-leads.json.zst" "$S/bitrix-history.json.zst" "$S/bitrix-deals.json.zst" \
	"$S/bitrix-deal-history.json.zst" > records.ndjson
{
	pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 records.ndjson
	pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 --by manager records.ndjson
} > today.ndjson
F=$ROOT/tests/e2e/render/funnel_full.py
python3 "$F" < today.ndjson > full.ndjson
python3 "$F" --previous-only < today.ndjson > nulls.ndjson
echo "records: $(wc -l < today.ndjson), fractions that were rounded: $(grep -o '"\(share\|conversion\|change_share\|mean_per_day\|days_mean\)":[0-9.e-]*' full.ndjson | grep -c '[0-9]\{5\}')"
grep -o '"\(share\|conversion\)":0\.[0-9]\{8,\}' full.ndjson | sort -u | head -n 3
echo "first months, previous unknown: $(grep -c '"previous":null,"change":null' full.ndjson)"
for t in stages dropoff sources top_sources dynamics managers manager_months age stale; do
	pulse-render -f csv --table $t today.ndjson > today.csv
	pulse-render -f csv --table $t nulls.ndjson > nulls.csv
	pulse-render -f csv --table $t full.ndjson > full.csv
	cmp -s nulls.csv full.csv && same=yes || same=no
	n=$(diff today.csv full.csv | grep -c '^>' || true)
	echo "$t: full precision as 4 decimals: $same; rows with previous unknown: $n"
done
echo "-- top_sources, the first month"
pulse-render -f csv --table top_sources full.ndjson | head -n 3 | tr '\r' '^'
