#!/usr/bin/env python3
"""A slow, obvious reference for pulse-sankey and pulse-metrics.

    reference.py gen SEED N          random events (NDJSON) on stdout
    reference.py sankey STEPS [REQUIRE,...] < events
    reference.py metrics DEFS OFFSET_MINUTES < events
    reference.py durations EVENT,... EDGE,... [PAYMENT] < events

durations: the hours from each named event to the user's next event as
histograms (counts, count, sum, null), and with PAYMENT split by outcome:
"payment" when an event PAYMENT of the user follows, "other" when none does.

The events have few distinct times (many equal), arrive out of time order,
mix offsets and naive times, user ids as numbers and strings.  The
reference sorts each user's events with Python's stable sort and counts.
"""
import datetime as dt
import json
import random
import sys


def gen(seed, n):
    rnd = random.Random(seed)
    names = ["A", "B", "C", "pay", "Я", "d\"q"]
    base = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
    for _ in range(n):
        u = rnd.randrange(40)
        user = u if u % 3 else str(u)
        t = base + dt.timedelta(minutes=rnd.randrange(0, 12 * 24 * 60, 90))
        form = rnd.randrange(3)
        if form == 0:
            ts = t.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif form == 1:
            ts = t.astimezone(dt.timezone(dt.timedelta(hours=3))).isoformat()
        else:  # naive: the same wall clock as UTC
            ts = t.strftime("%Y-%m-%dT%H:%M:%S")
        print(json.dumps({"kind": "event", "user_id": user, "ts": ts,
                          "event": rnd.choice(names)}, ensure_ascii=False))


def read():
    users = {}
    for i, line in enumerate(sys.stdin):
        r = json.loads(line)
        key = json.dumps(r["user_id"])
        s = r["ts"]
        naive = not (s.endswith("Z") or "+" in s[10:] or "-" in s[10:])
        t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        if naive:
            t = t.replace(tzinfo=dt.timezone.utc)
        users.setdefault(key, []).append((t, i, r["event"], naive))
    for evs in users.values():
        evs.sort(key=lambda e: e[0])  # stable: input order for equal times
    return users


def sankey(steps, require):
    links = {}
    for evs in read().values():
        names = [e[2] for e in evs]
        if require and not set(names) & require:
            continue
        first = names[:steps]
        for i in range(len(first) - 1):
            k = (i + 1, first[i], first[i + 1])
            links[k] = links.get(k, 0) + 1
    order = sorted(links.items(), key=lambda kv: (
        kv[0][0], -kv[1], kv[0][1].encode(), kv[0][2].encode()))
    for (step, a, b), v in order:
        print(json.dumps({"kind": "link", "step": step, "from": a, "to": b,
                          "value": v}, ensure_ascii=False,
                         separators=(",", ":")))


def metrics(defs_path, off_min):
    defs = json.load(open(defs_path))["metrics"]
    zone = dt.timezone(dt.timedelta(minutes=off_min))
    counts = [dict() for _ in defs]
    days = set()

    def day(e):
        return (e[0] if e[3] else e[0].astimezone(zone)).date()

    for evs in read().values():
        prev = None
        for e in evs:
            days.add(day(e))
            for k, d in enumerate(defs):
                if e[2] == d["event"] and ("after" not in d or prev in d["after"]):
                    counts[k][day(e)] = counts[k].get(day(e), 0) + 1
            prev = e[2]
    if not days:
        return
    first, last = min(days), max(days)
    for k, d in enumerate(defs):
        t, i = first, 0
        vals = []
        while t <= last:
            v = counts[k].get(t, 0)
            vals.append(v)
            rec = {"kind": "metric", "name": d["name"], "day": t.isoformat(),
                   "value": v,
                   "prev_day": vals[i - 1] if i >= 1 else None,
                   "week_ago": vals[i - 7] if i >= 7 else None,
                   "mean_7d": None}
            if i >= 7:
                w = sum(vals[i - 7:i])  # full precision, as jq prints it
                rec["mean_7d"] = w // 7 if w % 7 == 0 else w / 7
            print(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            t += dt.timedelta(days=1)
            i += 1


def durations(names, edges, payment):
    import bisect
    outs = ["payment", "other"] if payment else [None]
    h = {(n, o): [[0] * (len(edges) + 1), 0, 0] for n in names for o in outs}
    for evs in read().values():
        last_pay = max([i for i, e in enumerate(evs) if e[2] == payment],
                       default=-1)
        for i, e in enumerate(evs):
            if e[2] not in names:
                continue
            o = outs[0] if len(outs) == 1 or last_pay > i else "other"
            g = h[(e[2], o)]
            if i + 1 == len(evs):
                g[2] += 1
                continue
            v = (evs[i + 1][0] - e[0]).total_seconds() / 3600
            g[0][bisect.bisect_right(edges, v)] += 1
            g[1] += v
    for n in names:
        for o in outs:
            counts, total, null = h[(n, o)]
            if total == int(total):
                total = int(total)
            print(json.dumps({"key": [n] + ([o] if o else []),
                              "counts": counts, "count": sum(counts),
                              "sum": total, "null": null},
                             ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]))
    elif cmd == "sankey":
        req = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()
        sankey(int(sys.argv[2]), req)
    elif cmd == "durations":
        durations(sys.argv[2].split(","),
                  [float(x) for x in sys.argv[3].split(",")],
                  sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        metrics(sys.argv[2], int(sys.argv[3]))
