# the dashboard in headless Chromium shows the control characters of the
# records (NUL, ESC, DEL, C1) as spaces, and a table's CSV has U+FFFD for
# them, as pulse-render --format csv writes them; a group value of "\u0001"
# is its own view, not the null group's
command -v chromium > /dev/null || { echo "chromium is missing: run scripts/install-deps" >&2; exit 1; }
s() { printf '{"kind":"funnel","table":"stale","group":%s,"entity":"lead","id":"%s","title":"%s","manager":"%s","source":"avito","stage":"NEW","since":"2024-01-02T10:00:00+03:00","days":30,"created":"2024-01-02T10:00:00+03:00"}\n' "$@"; }
{
s '{}' 1 'nul \u0000 esc \u001b[31m del '$'\177'' nel '$'\302\205'' end' 'Anna'
s '{}' 2 'plain' '\u0001'
s '{"manager":"\u0001"}' 2 'plain' '\u0001'
s '{"manager":null}' 3 'none' '(none)'
} > in.ndjson
pulse-render -f html in.ndjson -o page.html
jq -c 'select(.group == {})' in.ndjson | pulse-render -f csv --table stale > stale.csv
timeout 90 python3 - page.html <<'PY'
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "browser"))
import cdp

with cdp.Browser() as b:
    p = b.new_page()
    p.goto("file://" + os.path.abspath(sys.argv[1]))
    titles = p.eval("Array.prototype.map.call(document.querySelectorAll("
                    "'[data-table=stale] tbody td:nth-child(3)'),"
                    "function(e){return e.textContent;})")
    print("titles:", titles)
    want = open("stale.csv", encoding="utf-8", newline="").read()
    print("csv equals pulse-render --format csv:", p.eval("window.pulse.csv('stale')") == want)
    print("options:", p.eval("Array.prototype.map.call(document.querySelectorAll("
                             "'select[data-dim=manager] option'),"
                             "function(e){return e.textContent;})"))
    p.eval("(function(){var s=document.querySelector('select[data-dim=manager]');"
           "s.value='0';s.dispatchEvent(new Event('change'));})()")
    print("picked the first:", p.eval("document.body.getAttribute('data-filter')") ==
          "manager=\u0001", "rows:", p.eval(
              "document.querySelectorAll('[data-table=stale] tbody tr').length"))
    print("console errors:", len(p.events("Runtime.exceptionThrown")))
PY
tr '\r' '^' < stale.csv
