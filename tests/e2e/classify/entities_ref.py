#!/usr/bin/env python3
"""Entities of pulse-classify, the slow way (tests/e2e/classify/entities.sh).

  entities_ref.py gen SEED N    rules, a line '---', then N messages
  entities_ref.py ref RULES MSGS    [ticket_id, entities] per ticket

Only ASCII: the fold is lowercasing A-Z.  Each pattern is tried at every
byte (its matches left to right, a match skipping what it covers), until
64 matches in the order of the patterns; a match inside a longer one of
its kind is dropped; a name is added once per ticket, 64 at most.  A
match is named by its "= NAME", else by its pattern as written, else (a
pattern with '#') by the text found.
"""
import json
import random
import sys


def gen(seed, n):
    rnd = random.Random(seed)
    kinds = ["course", "city", "order"]
    alpha = "ab1@- "
    out = ["[entity:many]", "match a##"]  # the last message: past 64
    for k in kinds:
        out.append("[entity:%s]" % k)
        seen = set()
        for _ in range(rnd.randint(4, 9)):
            m = rnd.choice([1, 2, 2, 3, 3, 4, 6])
            p = rnd.choice("aAb1#@") + "".join(rnd.choice("aAbB1#@- ") for _ in range(m - 1))
            p = p.rstrip(" ")
            if not p or p.lower() in seen:
                continue
            seen.add(p.lower())
            if rnd.random() < 0.3:
                p += " = N%d" % rnd.randint(0, 5)
            out.append("match " + p)
    out.append("---")
    for i in range(n):
        ln = rnd.choice([0, 3, 10, 40, 200, 1500])
        text = "".join(rnd.choice(alpha + "AB23") for _ in range(ln))
        subj = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 12)))
        out.append(json.dumps({"kind": "message", "ticket_id": i + 1, "message_id": i + 1,
                               "ts": "2026-01-20T09:00:00Z", "direction": "in",
                               "email": "c%d@cust.example" % i, "subject": subj, "text": text}))
    out.append(json.dumps({"kind": "message", "ticket_id": n + 1, "message_id": n + 1,
                           "ts": "2026-01-20T09:00:00Z", "direction": "in",
                           "email": "many@cust.example", "subject": "b 1 a",
                           "text": " ".join("a%02d" % i for i in range(99, -1, -1))}))
    print("\n".join(out))


def word(c):
    return c.isascii() and c.isalnum()


def ref(rules, msgs):
    pats, kinds = [], []
    kind = None
    for line in open(rules, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("[entity:"):
            kind = line[8:-1]
            if kind not in kinds:
                kinds.append(kind)
        elif line.startswith("match "):
            p, name = line[6:], None
            if " = " in p:
                p, name = p.split(" = ", 1)
            p = p.strip()
            if name is None and "#" not in p:
                name = p  # as written; a '#' pattern: the text found
            pats.append((p.lower(), name, kinds.index(kind)))
    for line in open(msgs, encoding="utf-8"):
        m = json.loads(line)
        f = m["subject"].lower() + "\n" + m["text"].lower()
        n, hits = len(f), []
        for e, (p, name, k) in enumerate(pats):
            if len(hits) >= 64:
                break
            mm = len(p)
            if not mm or mm > n:
                continue
            i = 0
            while i + mm <= n and len(hits) < 64:
                ok = all(f[i + j].isdigit() if p[j] == "#" else f[i + j] == p[j] for j in range(mm))
                if ok and word(p[0]) and i > 0 and word(f[i - 1]):
                    ok = False
                if ok and word(p[-1]) and i + mm < n and word(f[i + mm]):
                    ok = False
                if ok:
                    hits.append((i, i + mm, e))
                    i += mm
                else:
                    i += 1
        ents = []
        for x in hits:
            if any(h is not x and pats[h[2]][2] == pats[x[2]][2] and h[0] <= x[0] and x[1] <= h[1]
                   and h[1] - h[0] > x[1] - x[0] for h in hits):
                continue
            k = pats[x[2]][2]
            name = pats[x[2]][1] or f[x[0]:x[1]]
            if (k, name) not in ents and len(ents) < 64:
                ents.append((k, name))
        obj = {}
        for k in range(len(kinds)):
            names = [nm for kk, nm in ents if kk == k]
            if names:
                obj[kinds[k]] = names
        print(json.dumps([m["ticket_id"], obj], ensure_ascii=False, separators=(",", ":")))


if sys.argv[1] == "gen":
    gen(int(sys.argv[2]), int(sys.argv[3]))
else:
    ref(sys.argv[2], sys.argv[3])
