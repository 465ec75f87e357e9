"""The load per agent and the backlog per day, computed again from the
ticket records (argv[1]) and compared with pulse-render's md tables
(argv[2]): every cell of both tables; argv[3], the first response median's
target in hours (default 24).  Prints what it compared."""
import json
import math
import sys
from datetime import datetime, timezone


def ts(s):
    if s is None:
        return None
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=timezone.utc).timestamp())


def quantile(v, p):  # linear interpolation between the ordered values
    if not v:
        return None
    v = sorted(v)
    h = (len(v) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(v):
        return v[-1]
    return v[lo] + (h - lo) * (v[lo + 1] - v[lo])


def hours(x):
    return "—" if x is None else "%.1f h" % x


recs = [json.loads(line) for line in open(sys.argv[1])]
md = open(sys.argv[2]).read().split("\n")


def table(head):
    i = next(i for i, l in enumerate(md) if l.startswith("| " + head + " |"))
    rows = []
    for l in md[i + 2:]:
        if not l.startswith("|"):
            break
        rows.append([c.strip() for c in l.strip("|").split("|")])
    return rows


# per agent
ag = {}
unanswered = 0
for t in recs:
    for a in t["agents"]:
        ag.setdefault(a, [0, 0, 0, []])[0] += 1
    f = t["first_response_by"]
    if f is not None:
        ag.setdefault(f, [0, 0, 0, []])[1] += 1
        if t["first_response_hours"] is not None:
            ag[f][3].append(t["first_response_hours"])
    if t["state"] == "open":
        if t["last_out_by"] is not None:
            ag.setdefault(t["last_out_by"], [0, 0, 0, []])[2] += 1
        elif t["last_out"] is None:
            unanswered += 1
TARGET = float(sys.argv[3]) if len(sys.argv) > 3 else 24.0
want = [[a, str(v[0]), str(v[1]), str(v[2]), hours(quantile(v[3], 0.5)),
         hours(quantile(v[3], 0.9)), str(sum(h > TARGET for h in v[3]))]
        for a, v in sorted(ag.items(), key=lambda kv: (-kv[1][0], -kv[1][1],
                                                       kv[0].encode()))]
got = table("Agent")
assert got == want, (got, want)
line = "**Open tickets nobody has answered yet:** %d" % unanswered
assert line in md, line
print("agents: %d rows equal; %d answers in all, %d first answers slower "
      "than %g h; %d open unanswered" %
      (len(want), sum(int(r[1]) for r in want),
       sum(int(r[6]) for r in want), TARGET, unanswered))

# backlog per day
as_of = ts(recs[0]["as_of"])
load = [t for t in recs
        if t["category"] not in ("SPAM", "ORDER_CONFIRMATION")]
days = [ts(t["created"]) // 86400 for t in load]
first, last = min(days), max(max(days), as_of // 86400)
first = max(first, last - 92 + 1)
want = []
for d in range(first, last + 1):
    end = min((d + 1) * 86400 - 1, as_of)
    n_open = n_un = 0
    best = None
    for t in load:
        closed = (math.inf if t["state"] == "open"
                  else ts(t["last_ts"] or t["created"]))
        if ts(t["created"]) > end or closed <= end:
            continue
        n_open += 1
        fin = ts(t["first_in"])
        if fin is None or fin > end:
            continue
        frh = t["first_response_hours"]
        if frh is not None and fin + round(frh * 3600) <= end:
            continue
        n_un += 1
        if best is None or (end - fin, -t["ticket_id"]) > best:
            best = (end - fin, -t["ticket_id"])
    day = datetime.fromtimestamp(d * 86400, timezone.utc).strftime("%Y-%m-%d")
    if best is None:
        wait, tid = "—", "—"
    else:
        w = best[0]
        wait = ("%d h" % (w // 3600) if w < 48 * 3600 else
                "%d days" % (w // 86400))
        tid = str(-best[1])
    want.append([day, str(n_open), str(n_un), wait, tid])
got = table("Day")
assert got == want, [(g, w) for g, w in zip(got, want) if g != w][:3]
print("backlog: %d days equal, %s to %s; last day %s open, %s without a "
      "first answer, the oldest waiting %s (%s)" %
      (len(want), want[0][0], want[-1][0], want[-1][1], want[-1][2],
       want[-1][3], want[-1][4]))
