# the dashboard of funnel records in full precision, with "previous" and
# "change" null in the first month, in headless Chromium: every table reads
# as the one of the records of 4 decimals (shares 12.3%, means 1.33), but
# for top_sources' first month, where the unknown month before shows "—";
# each table's CSV equals pulse-render --format csv of the same records
command -v chromium > /dev/null || { echo "chromium is missing: run scripts/install-deps" >&2; exit 1; }
S=$SAMPLES
pulse-extract bitrix --users "$S/bitrix-users.json" --statuses "$S/bitrix-statuses.json" \
	"$S/bitrix-small-leads.json" "$S/bitrix-small-history.json" "$S/bitrix-small-deals.json" \
	"$S/bitrix-small-deal-history.json" > records.ndjson
{
	pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 records.ndjson
	pulse-funnel --stale-days 14 --as-of 2026-01-21T18:00:00+03:00 --by manager records.ndjson
} > today.ndjson
python3 "$ROOT/tests/e2e/render/funnel_full.py" < today.ndjson > full.ndjson
pulse-render -f html --as-of 2025-10-01 today.ndjson -o today.html
pulse-render -f html --as-of 2025-10-01 full.ndjson -o full.html
for t in stages dropoff sources top_sources managers manager_months age stale; do
	jq -c "select(.group == {} and .table == \"$t\")" full.ndjson | pulse-render -f csv --table $t > $t.csv
done
timeout 90 python3 - today.html full.html <<'PY'
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "browser"))
import cdp

TABLES = """(function(){var o={};document.querySelectorAll('[data-table]')
  .forEach(function(t){o[t.getAttribute('data-table')]=Array.prototype.map
  .call(t.querySelectorAll('tbody tr'),function(r){return Array.prototype
  .map.call(r.children,function(c){return c.textContent;});});});
  o.kpi=Array.prototype.map.call(document.querySelectorAll('.kpi .v'),
  function(e){return e.textContent;});return o;})()"""
with cdp.Browser() as b:
    p = b.new_page()
    seen = {}
    for name in sys.argv[1:3]:
        p.goto("file://" + os.path.abspath(name))
        seen[name] = p.eval(TABLES)
        if name == sys.argv[2]:
            for t in ["stages", "dropoff", "sources", "top_sources", "managers",
                      "manager_months", "age", "stale"]:
                want = open(t + ".csv", encoding="utf-8", newline="").read()
                got = p.eval("window.pulse.csv(%r)" % t)
                print("csv %s equals pulse-render --format csv: %s" % (t, got == want))
    old, new = seen[sys.argv[1]], seen[sys.argv[2]]
    for t in sorted(old):
        if old[t] == new[t]:
            print("%s: the same" % t)
            continue
        rows = [(a, b2) for a, b2 in zip(old[t], new[t]) if a != b2]
        print("%s: %d of %d rows differ" % (t, len(rows), len(old[t])))
        for a, b2 in rows[:2]:
            print("  " + " | ".join(a))
            print("  " + " | ".join(b2))
    shares = sorted({r[4] for r in new["stages"]})
    print("stage shares:", " ".join(shares[:6]))
    print("console errors:", len(p.events("Runtime.exceptionThrown")))
PY
