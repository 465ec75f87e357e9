#!/usr/bin/python3
"""xlsx_check.py - reads back a workbook pulse-render --format xlsx wrote,
with openpyxl, and compares every cell with the records it was made from.

    xlsx_check.py [--lang en|ru] [--sheet] BOOK.xlsx RECORDS.ndjson...

The rules are written here again, from pulse-render(1), not taken from the
C code: the tables in the order they first appear (funnel records by
"table", the others by "kind"), their columns, and for each cell its value,
its type (number, string, date, boolean, empty) and number format.  Prints
what it saw per sheet (name, size, frozen pane, autofilter, headers, cells
by type) and every difference; exits 1 when there is one.  With --sheet,
also prints each sheet's first rows as a reader sees them.
"""
import datetime
import json
import re
import sys
from decimal import Decimal, InvalidOperation

import openpyxl
from openpyxl.utils import get_column_letter

STR_MAX = 32767
MONEY = {"revenue", "revenue_per_lead", "average_check"}
FRACTION = {"share", "conversion", "change_share"}
DECIMALS = {"mean_per_day": 2, "days_mean": 1}
MONTH_COLUMNS = {"month", "period", "group.month", "first_month"}
BAD_SHEET_CHARS = set("[]:*?/\\")


class Num:
    """A JSON number as written."""

    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Num) and Decimal(self.text) == Decimal(other.text)

    def __repr__(self):
        return self.text


def loads(s):
    return json.loads(s, parse_float=Num, parse_int=Num)


def is_ctrl(ch):
    o = ord(ch)
    return o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F


def xml_bad(ch):
    """A character XML may not hold, or a control one."""
    return is_ctrl(ch) or ch in "\ufffe\uffff"


def units(ch):
    return 2 if ord(ch) > 0xFFFF else 1


ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def cell_text(s):
    """A string as a cell shows it; and whether it was cut."""
    out = []  # (text, units)
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\r":
            i += 2 if s[i + 1:i + 2] == "\n" else 1
            out.append(("\n", 1))
            continue
        if ch in "\t\n":
            out.append((ch, 1))
        elif xml_bad(ch):
            out.append(("\ufffd", 1))
        elif ch == "_" and ESCAPE.match(s, i):
            out.append(("_", 7))  # stored as _x005F_, read back as _
        else:
            out.append((ch, units(ch)))
        i += 1
    if sum(u for _, u in out) <= STR_MAX:
        return "".join(t for t, _ in out), False
    kept, used = [], 0
    for t, u in out:
        if used + u > STR_MAX - 1:
            break
        kept.append(t)
        used += u
    return "".join(kept) + "\u2026", True


def number(text):
    """(value, ok): ok when Excel keeps the number (pulse-render(1))."""
    d = Decimal(text)
    mant = text.lower().split("e")[0].replace("-", "").replace(".", "")
    sig = len(mant.strip("0"))
    try:
        v = float(text)
    except OverflowError:
        return None, False
    if v in (float("inf"), float("-inf")) or abs(v) > 9.99999999999999e307:
        return None, False
    if sig and abs(v) < 2.2250738585072014e-308:
        return None, False
    integral = v == int(v)
    if sig > 15 and integral:
        return None, False
    return float("%.16G" % v), True


DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
DATE = re.compile(
    r"(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"(?:Z|[+-](\d{2}):(\d{2}))?)?)?\Z")


def date(s, month_column):
    """(datetime, kind) for a string a date cell holds, else None."""
    m = DATE.match(s)
    if not m:
        return None
    y, mo, d, h, mi, se, frac, oh, om = m.groups()
    if d is None and not month_column:
        return None
    try:
        dt = datetime.datetime(int(y), int(mo), int(d or 1), int(h or 0),
                               int(mi or 0), int(se or 0),
                               int(((frac or "") + "000000")[:6]))
    except ValueError:
        return None
    if oh is not None and (int(oh) > 23 or int(om) > 59):
        return None
    if dt < datetime.datetime(1900, 3, 1):
        return None
    return dt, ("month" if d is None else "date" if h is None else "datetime")


class Expect:
    def __init__(self, lang):
        dmy = lang == "ru"
        self.fmt = {
            "date": "dd.mm.yyyy" if dmy else "yyyy-mm-dd",
            "datetime": "dd.mm.yyyy hh:mm" if dmy else "yyyy-mm-dd hh:mm",
            "month": "mm.yyyy" if dmy else "yyyy-mm",
        }

    def money_format(self, cur):
        if (isinstance(cur, str) and cur and len(cur.encode()) <= 16
                and not any(c in '"\\' or xml_bad(c) for c in cur)):
            return '#,##0.00 "%s"' % cur
        return "#,##0.00"

    def cell(self, v, col, kind, funnel, rec, money_cur):
        """(type, value, number format) a cell of column col must have."""
        if v is None:
            return ("empty", None, None)
        if isinstance(v, bool):
            return ("b", v, None)
        money = money_cur is not None
        if isinstance(v, Num) or (money and isinstance(v, str) and DECIMAL.match(v)):
            text = v.text if isinstance(v, Num) else v
            value, ok = number(text)
            if not ok:
                return ("s", text, None)
            if money:
                return ("n", value, self.money_format(money_cur[0]))
            if funnel and col in FRACTION:
                f = "0.00%"
            elif funnel and col in DECIMALS:
                f = "0." + "0" * DECIMALS[col]
            elif kind == "metric" and col == "mean_7d":
                f = "0.00"
            elif re.match(r"-?[0-9]+\Z", text):
                f = "0"
            else:
                f = "General"
            return ("n", value, f)
        if isinstance(v, str):
            d = date(v, funnel and col in MONTH_COLUMNS)
            if d:
                return ("d", d[0], self.fmt[d[1]])
            text, _ = cell_text(v)
            return ("s", text or None, None) if text else ("empty", None, None)
        return ("json", v, None)


def tables(records):
    order, rows = [], {}
    for rec in records:
        kind = rec.get("kind")
        if kind == "funnel" and isinstance(rec.get("table"), str):
            key = ("funnel", rec["table"])
        elif isinstance(kind, str):
            key = ("kind", kind)
        else:
            key = ("none", "")
        if key not in rows:
            order.append(key)
            rows[key] = []
        rows[key].append(rec)
    return [(k, rows[k]) for k in order]


def cells(rec, funnel):
    """The record's columns: (name, value, money currency or None)."""
    for k, v in rec.items():
        if k == "kind" or (funnel and k == "table"):
            continue
        if funnel and isinstance(v, dict):
            for sub, sv in v.items():
                cur = (sub,) if k in MONEY and isinstance(sv, str) else None
                yield k + "." + sub, sv, cur
        else:
            cur = None
            if not funnel and k == "amount" and (isinstance(v, (Num, str))):
                cur = (rec.get("currency"),)
            yield k, v, cur


def main():
    args = sys.argv[1:]
    lang, show = "en", False
    while args and args[0].startswith("--"):
        if args[0] == "--lang":
            lang = args[1]
            args = args[2:]
        elif args[0] == "--sheet":
            show = True
            args = args[1:]
    book, inputs = args[0], args[1:]
    records = []
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            records += [loads(line) for line in f if line.strip()]
    wb = openpyxl.load_workbook(book)
    exp = Expect(lang)
    errors = []
    want = tables(records)
    if len(wb.worksheets) != max(len(want), 1):
        errors.append("%d sheets, want %d" % (len(wb.worksheets), len(want)))
    seen = set()
    for ws, ((sel, name), recs) in zip(wb.worksheets, want):
        funnel = sel == "funnel"
        kind = name if sel == "kind" else None
        title = ws.title
        where = "sheet %r" % title
        if (sum(units(c) for c in title) > 31 or not title
                or any(c in BAD_SHEET_CHARS or xml_bad(c) for c in title)
                or title[0] == "'" or title[-1] == "'"
                or title.casefold() in seen or title.casefold() == "history"):
            errors.append("%s: not a name Excel takes" % where)
        seen.add(title.casefold())
        cols = []
        for rec in recs:
            for c, _, _ in cells(rec, funnel):
                if c not in cols:
                    cols.append(c)
        nrows = len(recs)
        if ws.max_column != max(len(cols), 1) or (cols and ws.max_row != nrows + 1):
            errors.append("%s: %d rows of %d columns, want %d of %d" % (
                where, ws.max_row, ws.max_column, nrows + 1, len(cols)))
        ref = "A1:%s%d" % (get_column_letter(len(cols)), nrows + 1) if cols else None
        if cols and ws.freeze_panes != "A2":
            errors.append("%s: frozen at %s, want A2" % (where, ws.freeze_panes))
        if cols and (ws.print_title_rows != "$1:$1" or
                     ws.page_setup.orientation != "landscape"):
            errors.append("%s: printed %s, headers %s" % (
                where, ws.page_setup.orientation, ws.print_title_rows))
        if ws.auto_filter.ref != ref:
            errors.append("%s: autofilter %s, want %s" % (where, ws.auto_filter.ref, ref))
        heads = []
        for j in range(len(cols)):
            h = ws.cell(row=1, column=j + 1)
            if h.data_type != "s" or not h.font.b:
                errors.append("%s: header %s not bold text" % (where, h.coordinate))
            heads.append(h.value)
        count = {}
        for i, rec in enumerate(recs):
            row = {c: (v, cur) for c, v, cur in cells(rec, funnel)}
            for j, col in enumerate(cols):
                cell = ws.cell(row=i + 2, column=j + 1)
                v, cur = row.get(col, (None, None))
                t, value, fmt = exp.cell(v, col, kind, funnel, rec, cur)
                count[t] = count.get(t, 0) + 1
                got = cell.value
                bad = cell.data_type == "f"
                if t == "empty":
                    bad |= got is not None
                elif t == "json":
                    bad |= cell.data_type != "s" or loads(got) != value
                elif t == "d":
                    bad |= (cell.data_type != "d" or cell.number_format != fmt or
                            abs((got - value).total_seconds()) > 0.001)
                elif t == "n":
                    bad |= (cell.data_type != "n" or isinstance(got, bool) or
                            float(got) != value or cell.number_format != fmt)
                else:
                    bad |= cell.data_type != t or got != value
                if bad:
                    errors.append("%s, cell %s (%s): %r %s %s, want %r %s %s" % (
                        where, cell.coordinate, col, got, cell.data_type,
                        cell.number_format, value, t, fmt))
        print("%s: %d rows x %d columns, frozen %s, filter %s" % (
            title, nrows, len(cols), ws.freeze_panes, ws.auto_filter.ref))
        print("  headers: " + " | ".join(str(h) for h in heads))
        print("  cells: " + ", ".join("%s %d" % (t, count[t]) for t in sorted(count)))
        if show:
            for r in ws.iter_rows(min_row=2, max_row=min(4, ws.max_row)):
                print("  " + " | ".join(show_cell(c) for c in r))
    for e in errors[:20]:
        print("DIFF " + e)
    if len(errors) > 20:
        print("DIFF ... %d more" % (len(errors) - 20))
    sys.exit(1 if errors else 0)


def show_cell(c):
    if c.value is None:
        return ""
    if c.data_type == "d":
        return "%s [%s]" % (c.value.isoformat(sep=" "), c.number_format)
    if c.data_type == "n" and c.number_format != "General":
        return "%s [%s]" % (c.value, c.number_format)
    v = str(c.value)
    return v if len(v) <= 24 else v[:21] + "..."


if __name__ == "__main__":
    main()
