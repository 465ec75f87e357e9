#!/usr/bin/env python3
"""funnel_full.py - pulse-funnel's records of today (fractions rounded to 4,
2 and 1 decimals, top_sources "previous":0 in the first month) as the
records of issue 9: every fraction the exact ratio in full precision (the
shortest double that reads back, as jq prints it), and "previous" and
"change" null in the first month of the period.  Reads NDJSON on stdin,
writes it on stdout, members in the same order.  With --previous-only,
the fractions stay as they are."""

import json
import sys

rows = [json.loads(line) for line in sys.stdin]
fractions = "--previous-only" not in sys.argv[1:]


def key(r, *names):
    return (json.dumps(r["group"], sort_keys=True),) + tuple(
        json.dumps(r.get(n)) for n in names)


# stages: reached per pipeline and position, for the conversions
reached = {}
for r in rows:
    if r["table"] == "stages":
        reached[key(r, "entity", "category") + (r["position"],)] = r
leads = {}
for r in rows:
    if r["table"] == "managers":
        k = key(r)
        leads[k] = leads.get(k, 0) + r["leads"]
# the first month of the period (of every group: a group's later first
# lead follows months known to have none), as pulse-funnel has it without
# --from: that of its first record, here of the first top_sources row
first = min((r["month"] for r in rows if r["table"] == "top_sources"),
            default=None)

for r in rows:
    t = r["table"]
    if not fractions and t != "top_sources":
        pass
    elif t == "stages":
        r["share"] = r["reached"] / r["total"] if r["total"] else 0
        if r["conversion"] is not None:
            # the previous P/S stage: the nearest lower position with one
            k = key(r, "entity", "category")
            p = r["position"] - 1
            while (k + (p,)) not in reached or reached[k + (p,)]["semantic"] == "F":
                p -= 1
            r["conversion"] = r["from_previous"] / reached[k + (p,)]["reached"]
    elif t == "managers":
        r["share"] = r["leads"] / leads[key(r)]
        r["mean_per_day"] = r["leads"] / r["days_with_leads"]
    elif t == "age":
        r["days_mean"] = r["days_sum"] / r["open"]
    elif t == "top_sources":
        if r["month"] == first:
            r["previous"] = None
            r["change"] = None
        elif r["previous"] and fractions:
            r["change_share"] = r["change"] / r["previous"]
    # jq writes a whole number without ".0"
    for k, v in r.items():
        if isinstance(v, float) and v.is_integer():
            r[k] = int(v)
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
