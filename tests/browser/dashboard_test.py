#!/usr/bin/env python3
"""dashboard_test.py - pulse-render --format html in a real browser.

    dashboard_test.py PAGE.html SOURCES.csv SHOTDIR

Opens PAGE in headless Chromium (cdp.py), then prints what it sees, one
fact a line, for tests/e2e/render/html-browser.sh to compare with its
golden file: console errors, network requests, dialogs (none of them may
happen), the rows of the tables, what a click on a source and on a manager
does to them and what a second click restores, sorting by a header, the
CSV of the sources table against SOURCES.csv (pulse-render --format csv of
the same records) and the file the CSV button downloads.  Saves
SHOTDIR/dashboard.png and SHOTDIR/dashboard-source.png.
"""

import json
import os
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

# every table's row count and text, to tell views apart
STATE = """(function(){
  var out = {filter: document.body.getAttribute('data-filter'), tables: {}};
  document.querySelectorAll('[data-table]').forEach(function (t) {
    out.tables[t.getAttribute('data-table')] = {
      rows: t.querySelectorAll('tbody tr').length,
      text: t.querySelector('tbody').textContent};
  });
  out.kpi = Array.prototype.map.call(document.querySelectorAll('.kpi .v'),
                                     function (e) { return e.textContent; });
  out.charts = document.querySelectorAll('svg').length;
  return out;
})()"""


def rows(state):
    return " ".join("%s=%d" % (k, v["rows"])
                    for k, v in sorted(state["tables"].items()))


def column(page, table, col):
    return page.eval(
        "Array.prototype.map.call(document.querySelectorAll("
        "'[data-table=%s] tbody tr td:nth-child(%d)'),"
        "function(e){return e.textContent;})" % (table, col))


def main():
    page_path, csv_path, shots = sys.argv[1:4]
    os.makedirs(shots, exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="pulse-dl.")
    with cdp.Browser() as b:
        b.send("Browser.setDownloadBehavior",
               {"behavior": "allow", "downloadPath": downloads,
                "eventsEnabled": True})
        p = b.new_page()
        p.send("Emulation.setDeviceMetricsOverride",
               {"width": 1280, "height": 900, "deviceScaleFactor": 1,
                "mobile": False})
        url = "file://" + os.path.abspath(page_path)
        p.goto(url)

        s0 = p.eval(STATE)
        print("loaded: filter=%r charts=%d" % (s0["filter"], s0["charts"]))
        print("rows:", rows(s0))
        print("kpi:", " | ".join(s0["kpi"]))
        print("sections shown:", p.eval(
            "Array.prototype.filter.call(document.querySelectorAll('section'),"
            "function(e){return !e.hidden;}).map(function(e){return e.id;})"
            ".join(' ')"))
        p.screenshot(os.path.join(shots, "dashboard.png"))

        # a title with markup is text, never markup
        print("stale title as text:", p.eval(
            "Array.prototype.some.call(document.querySelectorAll("
            "'[data-table=stale] td'),function(e){return e.textContent==="
            "'<script>alert(1)</script>';})"))
        print("script elements:", p.eval(
            "document.querySelectorAll('script').length"))

        # a source filters the whole page...
        name = p.eval("document.querySelector("
                      "'[data-table=sources] tbody .pick').textContent")
        p.click("[data-table=sources] tbody .pick")
        s1 = p.eval(STATE)
        print("click source %s: filter=%r chip=%r" % (
            name, s1["filter"],
            p.eval("(document.getElementById('filter-chip')||{})"
                   ".textContent")))
        print("rows:", rows(s1))
        print("kpi:", " | ".join(s1["kpi"]))
        changed = sorted(k for k in s0["tables"]
                         if k in s1["tables"] and
                         s0["tables"][k]["text"] != s1["tables"][k]["text"])
        print("tables changed:", " ".join(changed))
        print("sources column:", sorted(set(column(p, "sources", 1))))
        p.screenshot(os.path.join(shots, "dashboard-source.png"))

        # ...and clicking it again clears the filter
        p.click("[data-table=sources] tbody .pick.on")
        s2 = p.eval(STATE)
        print("click again: filter=%r restored=%s" % (
            s2["filter"], s2["tables"] == s0["tables"] and
            s2["kpi"] == s0["kpi"]))

        # a manager, then the chip's button
        name = p.eval("document.querySelector("
                      "'[data-table=managers] tbody .pick').textContent")
        p.click("[data-table=managers] tbody .pick")
        s3 = p.eval(STATE)
        print("click manager %s: filter=%r" % (name, s3["filter"]))
        print("rows:", rows(s3))
        print("managers column:", column(p, "managers", 1))
        print("manager shares:", column(p, "managers", 3))
        p.click("#filter-chip button")
        s4 = p.eval(STATE)
        print("clear: filter=%r restored=%s" % (
            s4["filter"], s4["tables"] == s0["tables"]))

        # sorting by a header, both ways
        p.click("[data-table=sources] th[data-k=leads]")
        print("sort leads:", p.eval(
            "document.querySelector('[data-table=sources] th[data-k=leads]')"
            ".getAttribute('aria-sort')"), column(p, "sources", 3))
        p.click("[data-table=sources] th[data-k=leads]")
        print("sort leads:", p.eval(
            "document.querySelector('[data-table=sources] th[data-k=leads]')"
            ".getAttribute('aria-sort')"), column(p, "sources", 3))
        p.click("[data-table=sources] th[data-k=source]")
        print("sort source:", column(p, "sources", 1))

        # the CSV of a table as shown equals pulse-render --format csv
        p.goto(url)
        with open(csv_path, encoding="utf-8", newline="") as f:
            want = f.read()
        got = p.eval("window.pulse.csv('sources')")
        print("csv equals pulse-render --format csv:", got == want)
        p.click("[data-table=sources] button.csv")
        done = b.wait_event("Browser.downloadProgress")
        while done.get("state") == "inProgress":
            done = b.wait_event("Browser.downloadProgress")
        files = os.listdir(downloads)
        print("download:", done.get("state"), files)
        if files:
            with open(os.path.join(downloads, files[0]), "rb") as f:
                data = f.read()
            print("download is BOM + csv:",
                  data == b"\xef\xbb\xbf" + want.encode("utf-8"))

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
    for f in os.listdir(downloads):
        os.unlink(os.path.join(downloads, f))
    os.rmdir(downloads)


if __name__ == "__main__":
    t = time.monotonic()
    main()
    sys.stderr.write("dashboard_test: %.1f s\n" % (time.monotonic() - t))
