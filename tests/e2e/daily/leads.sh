# pulse-daily leads --source files: the dashboard, its workbook and the
# funnel records published into OUT/STAMP (--out-dir); a lead extracted
# again in a later stage counts once, in its later stage
S=$SAMPLES
run() {
	pulse-daily leads --state-dir st --out-dir out --lang en --as-of 2026-01-21T18:00:00+03:00 \
		--source files "$@"
}
stages() {
	jq -r 'select(.table == "stages" and .group == {} and .entity == "lead") |
		"\(.stage) \(.reached)/\(.total)"' out/latest/funnel.ndjson | paste -sd ' '
}
run -- --statuses "$S/bitrix-statuses.json" "$S/bitrix-small-leads.json" "$S/bitrix-small-deals.json" \
	"$S/bitrix-small-history.json"
ls out/latest/
jq -c '{job, records, new}' out/latest/run.json
stages
grep -c '<html' out/latest/dashboard.html
python3 -c 'import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).namelist()) > 3)' out/latest/leads.xlsx
echo "-- the first lead of each page again, converted"
jq '(.result[0] // .[0]) |= (.STATUS_ID = "CONVERTED" | .DATE_MODIFY = "2026-01-21T10:00:00+03:00")' \
	"$S/bitrix-small-leads.json" > moved.json
sleep 1
run -- --statuses "$S/bitrix-statuses.json" moved.json
ls st/leads/archive | wc -l
jq -c '{records, new}' out/latest/run.json
stages
echo "-- the same as the pipeline on the last version of each"
pulse-extract bitrix --names --statuses "$S/bitrix-statuses.json" moved.json "$S/bitrix-small-deals.json" \
	"$S/bitrix-small-history.json" 2>/dev/null | pulse-utm --crm-source |
	pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 > direct.ndjson
cmp <(sort direct.ndjson) \
	<(jq -c 'select(.group == {})' out/latest/funnel.ndjson | sort) && echo same
