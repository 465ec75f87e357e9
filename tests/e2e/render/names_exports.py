#!/usr/bin/python3
"""names_exports.py - the exports show what the portal calls a code, as the
dashboard does: reads the workbook (openpyxl) and a CSV file of
pulse-leads-report, and checks every cell of the stage, lost stage, source
and pipeline columns against the name records.

    names_exports.py NAMES.ndjson BOOK.xlsx STAGES.csv

A named code must show as its name with the code in the column after it
("..., code"); an unnamed value as it is, its code column empty.
"""
import csv
import json
import sys

import openpyxl

names = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    key = (r["of"], r["entity"] if r["of"] == "stage" else None, r["code"])
    names.setdefault(key, r["name"])
crm = {v: k[2] for k, v in names.items() if k[0] == "source"}
OF = {"Stage": "stage", "Lost at": "stage", "Source": "source",
      "Group: Source": "source", "Pipeline": "category",
      "stage": "stage", "lost_stage": "stage", "source": "source",
      "group.source": "source", "category": "category"}


def check(where, head, rows):
    seen = {}
    codes = set()
    bad = 0
    for j, h in enumerate(head):
        if h not in OF:
            continue
        assert head[j + 1] in (h + ", code", h + ".code"), (where, head[j + 1])
        for row in rows:
            e = [k for k in ("Entity", "entity") if k in head]
            ent = row[head.index(e[0])] if e else None
            shown, code = row[j], row[j + 1]
            code = None if code in ("", None) else str(code)
            shown = None if shown in ("", None) else str(shown)
            if code is not None:
                want = names.get((OF[h], ent if OF[h] == "stage" else None,
                                  code))
                if want is None and OF[h] == "source":
                    want = crm.get(shown) == code and shown
                ok = shown == want
                codes.add(code)
            else:
                ok = (shown is None or
                      (OF[h], ent if OF[h] == "stage" else None, shown)
                      not in names)
            bad += not ok
            if not ok:
                print("%s: %s: %r shown, code %r" % (where, h, shown, code))
            seen[h] = seen.get(h, 0) + 1
    print("%s: %s; %d codes named, %d wrong" % (
        where, ", ".join("%s %d" % kv for kv in seen.items()), len(codes),
        bad))
    return bad


bad = 0
wb = openpyxl.load_workbook(sys.argv[2])
for ws in wb.worksheets:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    bad += check("xlsx " + ws.title, rows[0], rows[1:])
with open(sys.argv[3], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
bad += check("csv stages", rows[0], rows[1:])
sys.exit(1 if bad else 0)
