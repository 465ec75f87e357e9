"""layout.py - the dashboard's layout at a desktop's and a phone's width:
nothing sticks out of its card, the page is never wider than the window,
and the "where they drop out" table is not cut to half a row.

    layout_check(page, url, shots)  (page: a cdp.Page)

Opens url at 1280 and at 390 CSS pixels (the page draws its bars for the
width it opens at), prints one line per width, saves SHOTDIR/leads-1280.png
and SHOTDIR/leads-390.png, and leaves the page at 1280.
"""

import json
import os

WIDTHS = (1280, 390)

# Every chart, bar, label, KPI, legend, table box and heading of each card
# within the card's content box (its padding); a KPI's value not wider
# than its box; the drop-off section's width against the page's, and
# whether its first table scrolls sideways.
LAYOUT = """(function(){
  var out = [];
  function name(e) {
    var c = e.getAttribute('class');
    return e.tagName.toLowerCase() + (c ? '.' + c.split(' ')[0] : '') +
      (e.textContent ? ' "' + e.textContent.slice(0, 24) + '"' : '');
  }
  Array.prototype.forEach.call(document.querySelectorAll('main > section'),
  function (s) {
    var sr = s.getBoundingClientRect(), cs = getComputedStyle(s);
    var left = sr.left + parseFloat(cs.paddingLeft) - 0.5;
    var right = sr.right - parseFloat(cs.paddingRight) + 0.5;
    Array.prototype.forEach.call(s.querySelectorAll(
      'svg, svg text, svg rect, .kpi, .legend, .tablebox, .tools, h2, h3, .note'),
    function (e) {
      var r = e.getBoundingClientRect();
      if (r.width && (r.right > right || r.left < left))
        out.push(s.id + ': ' + name(e) + ' ' + Math.round(r.left) + '-' +
                 Math.round(r.right) + ' outside ' + Math.round(left) + '-' +
                 Math.round(right));
    });
    Array.prototype.forEach.call(s.querySelectorAll('.kpi .v'), function (e) {
      if (e.scrollWidth > e.clientWidth + 1)
        out.push(s.id + ': ' + name(e) + ' wider than its box');
    });
  });
  var main = document.querySelector('main'), d = document.getElementById('s-dropoff');
  var mcs = getComputedStyle(main);
  var inner = main.clientWidth - parseFloat(mcs.paddingLeft) - parseFloat(mcs.paddingRight);
  var box = d ? d.querySelector('.tablebox') : null;
  return JSON.stringify({page: document.documentElement.scrollWidth,
    window: window.innerWidth, out: out,
    dropoff: d ? d.getBoundingClientRect().width / inner : null,
    cut: box ? box.scrollWidth > box.clientWidth + 1 : null,
    bars: document.querySelectorAll('#s-funnel svg rect').length});
})()"""


def layout_check(page, url, shots):
    for w in WIDTHS:
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": w, "height": 900, "deviceScaleFactor": 1,
                   "mobile": False})
        page.goto(url)
        r = json.loads(page.eval(LAYOUT))
        for o in r["out"][:5]:
            print("layout %d px: %s" % (w, o))
        print("layout %d px: page %s, %d outside their card, "
              "%d funnel bars; drop-off %s of the row%s" % (
                  w, "as wide as the window" if r["page"] <= r["window"]
                  else "%d px wide" % r["page"], len(r["out"]), r["bars"],
                  "all" if r["dropoff"] > 0.99 else "%.2f" % r["dropoff"],
                  ", its table cut" if r["cut"] and w >= 1280 else ""))
        page.screenshot(os.path.join(shots, "leads-%d.png" % w), width=w)
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": 1280, "height": 900, "deviceScaleFactor": 1,
               "mobile": False})
