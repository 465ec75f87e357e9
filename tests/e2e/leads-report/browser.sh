# The leads dashboard of pulse-gen's Bitrix24 sample in headless Chromium
# (tests/browser/leads_test.py): with --statuses and --categories the page
# shows the names of stages and pipelines, never their codes, which stay
# in the tooltips (and in the records and the CSV); each funnel count opens
# a list of as many records; the explore filters combine and count what
# Python counts in the records; the stale list filters by stage; ids link
# to the card.  Screenshots: $B/tests/screenshots/leads*.png
command -v chromium > /dev/null || { echo "chromium is missing: run scripts/install-deps" >&2; exit 1; }
pulse-gen bitrix -o leads.json --deals deals.json --history hist.json \
	--deal-history dhist.json --users users.json --statuses statuses.json \
	--categories categories.json --ad-map ads.csv --aliases aliases.csv
pulse-leads-report --lang ru --users users.json --statuses statuses.json \
	--categories categories.json --map ads.csv --alias aliases.csv \
	--as-of 2026-01-21T18:00:00+03:00 --stale-days 20 --no-xlsx --portal-url https://crm.example/ --keep kept \
	-o dash.html \
	leads.json deals.json hist.json dhist.json
timeout 90 python3 "$ROOT/tests/browser/leads_test.py" dash.html kept/records.ndjson "$B/tests/screenshots"
# with --from and --to the lists start with pulse-funnel's period: as many
# leads as the page's total
pulse-leads-report --lang ru --statuses statuses.json --map ads.csv \
	--as-of 2026-01-21T18:00:00+03:00 --from 2025-09-01 --to 2025-11-30 --no-xlsx \
	-o period.html leads.json deals.json hist.json dhist.json
timeout 60 python3 - period.html <<'PY'
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests/browser"))
import cdp
with cdp.Browser() as b:
    p = b.new_page()
    p.goto("file://" + os.path.abspath(sys.argv[1]))
    print("period: kpi leads %s, explore %s, days %s..%s" % (
        p.eval("document.querySelector('.kpi .v').textContent"),
        p.eval("document.getElementById('explore-count').getAttribute('data-n')"),
        p.eval("document.getElementById('explore-from').value"),
        p.eval("document.getElementById('explore-to').value")))
PY
