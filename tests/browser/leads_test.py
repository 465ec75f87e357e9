#!/usr/bin/env python3
"""leads_test.py - the page pulse-leads-report writes, in a real browser.

    leads_test.py PAGE.html RECORDS.ndjson SHOTDIR

Opens PAGE (the dashboard of pulse-gen's Bitrix24 sample, written with
--statuses and --categories) in headless Chromium (cdp.py) and prints
what a reader sees, one fact a line, for tests/e2e/leads-report/browser.sh:

- names, not codes: every stage and pipeline name of the page's name
  records is on the page; no named stage code is in its visible text,
  but a named cell keeps its code in its tooltip;
- a source from Bitrix's SOURCE_ID (pulse-utm --crm-source) is said so
  under the sources table and in its cell's tooltip;
- every "reached" count of the funnel table opens a list of as many
  leads or deals (the 45 without stage too);
- the explore filters combine (source x manager x campaign x ad group x
  month, and a day range): the list has as many records as RECORDS
  (pulse-utm's output) counted here in Python, and each filter added
  changes both explore tables;
- the ads table adds up to the sources table (leads, won, revenue) and
  an ad's count opens as many leads;
- speed to lead per manager (median, p90) and the data-health counts
  are what Python counts in RECORDS;
- the stale list filters by stage; ids link to the Bitrix card
  (--portal-url);
- no console error, no network request, no dialog;
- at 1280 and 390 px nothing sticks out of its card (layout.py).

Saves SHOTDIR/leads.png, SHOTDIR/leads-explore.png and
SHOTDIR/leads-1280.png, SHOTDIR/leads-390.png.
"""

import json
import os
import re
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
from layout import layout_check  # noqa: E402

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


def set_select(p, selector, label):
    """Picks the option of <select> selector whose text is label."""
    return p.eval(
        "(function(){var s=document.querySelector(%s);"
        "var o=Array.prototype.filter.call(s.options,function(o){"
        "return o.textContent===%s;})[0]; if(!o) return false;"
        "s.value=o.value; s.dispatchEvent(new Event('change'));"
        "return true;})()" % (json.dumps(selector), json.dumps(label)))


def set_date(p, id_, value):
    p.eval("(function(){var i=document.getElementById(%s); i.value=%s;"
           "i.dispatchEvent(new Event('change'));})()" % (
               json.dumps(id_), json.dumps(value)))


def explore_state(p):
    return p.eval("""(function(){
      var t = {};
      ['explore', 'explore_stages'].forEach(function (id) {
        var e = document.querySelector('[data-table=' + id + '] tbody');
        t[id] = e ? e.textContent : null;
      });
      var c = document.getElementById('explore-count');
      return {n: c ? +c.getAttribute('data-n') : null, tables: t};
    })()""")


def reached_check(p):
    n = p.eval("document.querySelectorAll('[data-table=stages] tbody tr').length")
    bad = []
    for i in range(n):
        cell = ("[data-table=stages] tbody tr:nth-child(%d) td:nth-child(4)"
                % (i + 1))
        want = p.eval("document.querySelector(%s).textContent" %
                      json.dumps(cell))
        want = int(want.replace("\u00a0", "").replace(" ", "").replace(",", ""))
        if not p.eval("!!document.querySelector(%s)" %
                      json.dumps(cell + " .open")):
            if want:
                bad.append("row %d: %d, no list" % (i + 1, want))
            continue
        p.click(cell + " .open")
        got = explore_state(p)["n"]
        if got != want:
            bad.append("row %d: %d, list %s" % (i + 1, want, got))
    print("funnel reached cells: %d, lists of another size: %d %s" % (
        n, len(bad), "; ".join(bad)))


def explore_check(p, records):
    leads = [r for r in records if r.get("kind") == "lead"]
    p.click("#explore-reset")
    p.eval("(function(){var s=document.getElementById('explore-entity');"
           "s.value='lead'; s.dispatchEvent(new Event('change'));})()")

    def none(v):
        return v if v not in (None, "") else None

    # the largest source, its largest manager, campaign, ad group, month
    def top(rows, f):
        c = {}
        for r in rows:
            c[f(r)] = c.get(f(r), 0) + 1
        return max(sorted(c, key=lambda k: (k is None, str(k))),
                   key=lambda k: c[k])
    steps = [("source", lambda r: none(r.get("utm_source"))),
             ("ad_group", lambda r: none(r.get("ad_group"))),
             ("utm_campaign", lambda r: none(r.get("utm_campaign"))),
             ("manager", lambda r: none(r.get("manager"))),
             ("month", lambda r: (r.get("created") or "")[:7] or None)]
    rows = leads
    before = explore_state(p)
    print("explore, no filter: %d leads (records: %d)" % (
        before["n"], len(leads)))
    for dim, f in steps:
        v = top(rows, f)
        rows = [r for r in rows if f(r) == v]
        label = v
        if dim == "source":
            label = p.eval("window.pulse.lib.nval('source', %s)" %
                           json.dumps(v))
        ok = set_select(p, ".explore-bar select[data-dim=%s]" % dim, label)
        after = explore_state(p)
        changed = [k for k in ("explore", "explore_stages")
                   if after["tables"][k] != before["tables"][k]]
        print("+ %s=%s: picked=%s list %s, python %d, tables changed: %s" % (
            dim, v, ok, after["n"], len(rows), " ".join(changed)))
        before = after
    p.screenshot(os.path.join(SHOTS, "leads-explore.png"))
    # a day range of its own
    p.click("#explore-reset")
    frm, to = "2025-10-01", "2025-10-15"
    set_date(p, "explore-from", frm)
    set_date(p, "explore-to", to)
    want = [r for r in leads if frm <= (r.get("created") or "")[:10] <= to]
    print("days %s..%s: list %s, python %d" % (
        frm, to, explore_state(p)["n"], len(want)))
    p.click("#explore-reset")


def money_total(p, table, col):
    """The sum of a money column (one currency) as exact hundredths."""
    vals = p.eval(
        "Array.prototype.map.call(document.querySelectorAll("
        "'[data-table=%s] tbody tr td:nth-child(%d)'),"
        "function(e){return e.textContent;})" % (table, col))
    total = 0
    for v in vals:
        v = re.sub(r"[^0-9,.-]", "", v.replace("\u00a0", ""))
        if v:
            whole, _, frac = v.replace(",", ".").partition(".")
            total += int(whole) * 100 + int((frac + "00")[:2])
    return "%d.%02d" % (total // 100, total % 100)


def int_total(p, table, col):
    vals = p.eval(
        "Array.prototype.map.call(document.querySelectorAll("
        "'[data-table=%s] tbody tr td:nth-child(%d)'),"
        "function(e){return e.textContent;})" % (table, col))
    return sum(int(re.sub(r"[^0-9]", "", v) or 0) for v in vals)


def ads_check(p):
    p.click("#explore-reset")
    n = p.eval("document.querySelectorAll('[data-table=ads] tbody tr').length")
    print("ads: %d rows; leads %d = sources %d; won %d = sources %d; "
          "revenue %s = sources %s" % (
              n, int_total(p, "ads", 6), int_total(p, "sources", 3),
              int_total(p, "ads", 7), int_total(p, "sources", 5),
              money_total(p, "ads", 8), money_total(p, "sources", 6)))
    print("ads by revenue:", p.eval(
        "Array.prototype.map.call(document.querySelectorAll("
        "'[data-table=ads] tbody tr td:nth-child(2)'),"
        "function(e){return e.textContent;}).slice(0,4).join(' ')"))
    want = int(re.sub(r"[^0-9]", "", p.eval(
        "document.querySelector('[data-table=ads] tbody tr:nth-child(2) "
        "td:nth-child(6)').textContent")))
    p.click("[data-table=ads] tbody tr:nth-child(2) td:nth-child(6) .open")
    print("ad 2 opens %d leads: %s" % (want, explore_state(p)["n"]))
    p.click("#explore-reset")


def iso_ms(t):
    from datetime import datetime
    return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000


def speed_check(p, records):
    """Median and p90 per manager, counted here from the records."""
    p.click("#explore-reset")
    first = {}
    for r in records:
        if r.get("kind") == "stage" and r["entity"] == "lead" and \
                str(r.get("type")) != "1":
            t = iso_ms(r["ts"])
            first[r["id"]] = min(first.get(r["id"], t), t)
    by = {}
    for r in records:
        if r.get("kind") != "lead" or r["id"] not in first:
            continue
        m = (first[r["id"]] - iso_ms(r["created"])) / 60000
        if m >= 0:
            by.setdefault(r.get("manager"), []).append(m)

    def median(a):
        n = len(a)
        return a[n // 2] if n % 2 else (a[n // 2 - 1] + a[n // 2]) / 2

    import math
    want = {}
    for k, a in by.items():
        a.sort()
        want[k] = (len(a), p.eval("window.pulse.fmin(%r)" % median(a)),
                   p.eval("window.pulse.fmin(%r)" % a[math.ceil(0.9 * len(a)) - 1]))
    got = p.eval("""Array.prototype.map.call(document.querySelectorAll(
        '[data-table=speed_manager] tbody tr'), function (tr) {
        return Array.prototype.map.call(tr.children, function (td) {
        return td.textContent; }); })""")
    bad = [g[0] for g in got
           if want.get(g[0]) != (int(re.sub(r"[^0-9]", "", g[2])), g[3], g[4])]
    print("speed to lead: %d managers, as Python counts: %s %s" % (
        len(got), not bad, " ".join(bad)))


def health_check(p, records):
    p.click("#explore-reset")
    leads = [r for r in records if r.get("kind") == "lead"]
    hist = set(r["id"] for r in records
               if r.get("kind") == "stage" and r["entity"] == "lead")
    rows = p.eval("""Array.prototype.map.call(document.querySelectorAll(
        '[data-table=health] tbody tr'), function (tr) {
        return [tr.children[0].textContent, tr.children[1].textContent]; })""")
    print("health:", "; ".join("%s %s" % (a, b) for a, b in rows))
    print("python: no stage %d, no utm %d" % (
        sum(1 for r in leads if r["id"] not in hist),
        sum(1 for r in leads if r.get("utm_origin") in ("none", "crm_source"))))
    p.click("[data-table=health] tbody tr:nth-child(1) .open")
    print("no stage opens:", explore_state(p)["n"])
    p.click("#explore-reset")


def header_check(p, records):
    """The page's filter (a click on a manager) filters the lists too."""
    p.click("#explore-reset")
    name = p.eval("document.querySelector("
                  "'[data-table=managers] tbody .pick').textContent")
    p.click("[data-table=managers] tbody .pick")
    n = sum(1 for r in records
            if r.get("kind") == "lead" and r.get("manager") == name)
    print("page filter manager=%s: list %s, python %d" % (
        name, explore_state(p)["n"], n))
    p.click("#filter-chip button")
    print("page filter cleared: list %s" % explore_state(p)["n"])


def stale_check(p):
    n0 = p.eval("document.querySelectorAll('[data-table=stale] tbody tr').length")
    opts = p.eval("Array.prototype.map.call(document.querySelectorAll("
                  "'#stale-stage option'),function(o){return o.textContent;})")
    set_select(p, "#stale-stage", opts[1])
    stages = p.eval("Array.prototype.map.call(document.querySelectorAll("
                    "'[data-table=stale] tbody tr td:nth-child(6)'),"
                    "function(e){return e.textContent;})")
    print("stale: %d rows; stage %s: %d rows, all of it: %s" % (
        n0, opts[1], len(stages),
        all(opts[1].endswith(s) for s in stages)))
    set_select(p, "#stale-stage", opts[0])
    print("stale link:", p.eval(
        "(document.querySelector('[data-table=stale] tbody td a')||{})"
        ".href"))
    print("explore link:", p.eval(
        "(document.querySelector('[data-table=explore] tbody td a')||{})"
        ".href"))


SHOTS = "."


def main():
    global SHOTS
    page_path, records_path, shots = sys.argv[1:4]
    SHOTS = shots
    with open(records_path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
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
        reached_check(p)
        ads_check(p)
        speed_check(p, records)
        health_check(p, records)
        header_check(p, records)
        explore_check(p, records)
        stale_check(p)
        layout_check(p, "file://" + os.path.abspath(page_path), shots)

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
