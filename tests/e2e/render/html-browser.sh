# the dashboard in Debian's headless Chromium (tests/browser/cdp.py, the
# DevTools protocol over a pipe: no network, no npm): no console error, no
# request, no dialog; clicking a source and then a manager filters every
# table, a second click (or the filter's x) restores them; a header sorts
# both ways; the CSV of a table equals pulse-render --format csv and the
# CSV button downloads it with a BOM.  Screenshots: $B/tests/screenshots/
command -v chromium > /dev/null || { echo "chromium is missing: run scripts/install-deps" >&2; exit 1; }
F=$ROOT/tests/e2e/render/funnel.ndjson
pulse-render --format html --as-of 2024-04-02 "$F" -o dashboard.html
jq -c 'select(.group == {})' "$F" | pulse-render --format csv --table sources > sources.csv
timeout 90 python3 "$ROOT/tests/browser/dashboard_test.py" dashboard.html sources.csv "$B/tests/screenshots"
