# telegram payloads are split at line boundaries so that no text is longer
# than 4096 UTF-16 code units (an emoji counts 2); messages are packed full;
# a single longer line is cut between characters, never inside an entity or
# a tag, and its <b> is closed at the cut and opened again after it
python3 - <<'PY' > m.ndjson
import json
for i in range(150):
    title = "Метрика %03d 📈 " % i + "заявки & <оплаты> 🚀 " * 6
    print(json.dumps({"kind": "metric", "name": "m%03d" % i, "title": title,
                      "day": "2025-03-01", "value": i, "prev_day": 1,
                      "week_ago": None, "mean_7d": None}, ensure_ascii=False))
# one title of 6000 UTF-16 units on its own
title = "🚀&<>" * 1500
print(json.dumps({"kind": "metric", "name": "long", "title": title,
                  "day": "2025-03-01", "value": 1}, ensure_ascii=False))
PY
pulse-render -f telegram --chat-id 42 m.ndjson > p.ndjson
python3 - <<'PY'
import json, re
msgs = [json.loads(l) for l in open("p.ndjson", encoding="utf-8")]
units = lambda s: len(s.encode("utf-16-le")) // 2
texts = [m["text"] for m in msgs]
print("messages:", len(msgs))
print("all chat 42, HTML:", all(m["chat_id"] == 42 and m["parse_mode"] == "HTML" for m in msgs))
print("longest:", max(units(t) for t in texts), "units")
print("no replacement characters:", all("\ufffd" not in t for t in texts))
def well_formed(t):
    depth = 0
    for tok in re.findall(r"<[^>]*>|&[a-z]+;|[<>&]", t):
        if tok == "<b>": depth += 1
        elif tok == "</b>": depth -= 1
        elif tok in ("&lt;", "&gt;", "&amp;"): continue
        else: return False
        if depth < 0 or depth > 1: return False
    return depth == 0
print("tags balanced, entities whole:", all(well_formed(t) for t in texts))
# packed: the first line of each message would not have fitted the one before
print("packed full:", all(units(texts[i]) + 1 + units(texts[i + 1].split("\n")[0]) > 4096
                          for i in range(len(texts) - 1)))
# every metric once, in order; the long title's pieces give the title back
lines = [l for t in texts for l in t.split("\n")]
heads = [l for l in lines if re.match(r"<b>Метрика \d{3}", l)]
print("metrics in order:", [int(h[11:14]) for h in heads] == list(range(150)))
esc = "🚀&amp;&lt;&gt;" * 1500
pieces = [t for t in texts if "🚀&amp;" in t and "Метрика" not in t]
print("long title in", len(pieces), "pieces")
joined = "".join(p.split("\n")[0][3:].split("</b>")[0] for p in pieces)
print("pieces give the title back:", joined == esc)
PY
