#!/usr/bin/env python3
"""leads_test.py - the page pulse-leads-report writes, in a real browser.

    leads_test.py PAGE.html SHOTDIR

Opens PAGE (the dashboard of pulse-gen's Bitrix24 sample, written with
--statuses and --categories) in headless Chromium (cdp.py) and prints
what a reader sees, one fact a line, for tests/e2e/leads-report/browser.sh:

- names, not codes: every stage and pipeline name of the page's name
  records is on the page; no named stage code is in its visible text,
  but a named cell keeps its code in its tooltip;
- a source from Bitrix's SOURCE_ID (pulse-utm --crm-source) is said so
  under the sources table and in its cell's tooltip;
- no console error, no network request, no dialog.

Saves SHOTDIR/leads.png.
"""

import json
import os
import re
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

NAMES = """(function(){
  var d = JSON.parse(document.getElementById('pulse-data').textContent);
  return d.records.filter(function (r) { return r.kind === 'name'; });
})()"""


def visible_text(p):
    return p.eval("document.body.innerText")


def word_in(code, text):
    return re.search(r"(?<![A-Za-z0-9_:])" + re.escape(code) +
                     r"(?![A-Za-z0-9_:])", text) is not None


def names_check(p):
    names = p.eval(NAMES)
    text = visible_text(p)
    for of in ("stage", "category", "source"):
        ns = [n for n in names if n["of"] == of]
        shown = [n for n in ns if n["name"] in text]
        print("%s names: %d, on the page: %d" % (of, len(ns), len(shown)))
    # a name equal to another entity's code would hide the code
    codes = sorted(set(n["code"] for n in names if n["of"] == "stage"
                       and n["code"] != n["name"]))
    seen = [c for c in codes if word_in(c, text)]
    print("stage codes: %d, in the visible text: %d %s" % (
        len(codes), len(seen), " ".join(seen)))
    print("pipeline column:", sorted(set(p.eval(
        "Array.prototype.map.call(document.querySelectorAll("
        "'[data-table=stages] tbody tr td:nth-child(2)'),"
        "function(e){return e.textContent;})"))))
    print("tooltip of a named stage:", p.eval(
        "(function(){var t=Array.prototype.filter.call("
        "document.querySelectorAll('[data-table=stages] tbody td[title]'),"
        "function(e){return e.title==='UC_HOT';})[0];"
        "return t ? t.textContent + ' [' + t.title + ']' : null;})()"))


def main():
    page_path, shots = sys.argv[1:3]
    os.makedirs(shots, exist_ok=True)
    with cdp.Browser() as b:
        p = b.new_page()
        p.send("Emulation.setDeviceMetricsOverride",
               {"width": 1280, "height": 900, "deviceScaleFactor": 1,
                "mobile": False})
        p.goto("file://" + os.path.abspath(page_path))
        names_check(p)
        print("crm source note:", p.eval(
            "(document.getElementById('crm-source-note')||{}).textContent"))
        print("crm source tooltip:", p.eval(
            "(function(){var t=Array.prototype.filter.call("
            "document.querySelectorAll('[data-table=sources] tbody td[title]'),"
            "function(e){return /CALL/.test(e.title);})[0];"
            "return t ? t.textContent + ' [' + t.title + ']' : null;})()"))
        p.screenshot(os.path.join(shots, "leads.png"))

        errors = [e for e in p.events("Runtime.exceptionThrown")]
        errors += [e for e in p.events("Runtime.consoleAPICalled")
                   if e.get("type") in ("error", "assert")]
        errors += [e for e in p.events("Log.entryAdded")
                   if e.get("entry", {}).get("level") == "error"]
        for e in errors:
            sys.stderr.write("console: %s\n" % json.dumps(e)[:500])
        print("console errors:", len(errors))
        reqs = [e["request"]["url"] for e in
                p.events("Network.requestWillBeSent")
                if not e["request"]["url"].startswith(("file:", "blob:",
                                                       "data:"))]
        for u in reqs:
            sys.stderr.write("network: %s\n" % u)
        print("network requests:", len(reqs))
        print("dialogs:", len(p.events("Page.javascriptDialogOpening")))


if __name__ == "__main__":
    t = time.monotonic()
    main()
    sys.stderr.write("leads_test: %.1f s\n" % (time.monotonic() - t))
