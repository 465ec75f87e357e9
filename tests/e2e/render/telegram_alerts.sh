# --format telegram of alert records (pulse-metrics --alerts): a message per
# alert, in their order, HTML-escaped (the title and name are the user's),
# in --lang; drop, zero and silent; --as-of's "until" shown; a title of
# 6000 UTF-16 units is split into messages of at most 4096, well formed
cat > a.ndjson <<'J'
{"kind":"alert","rule":"drop","metric":"intro","title":"Intro <b>lessons</b> & \"co\"","day":"2026-01-14","until":null,"value":3,"expected":{"mean":20.5,"min":18,"max":23,"weeks":4},"threshold":{"below":0.5,"below_abs":null,"zero":true},"reason":"r"}
{"kind":"alert","rule":"zero","metric":"pay","day":"2026-01-14","until":"15:00:00","value":0,"expected":{"mean":4,"min":3,"max":6,"weeks":3},"threshold":{"below":null,"below_abs":null,"zero":true},"reason":"r"}
{"kind":"alert","rule":"silent","metric":"payments <src>","day":"2026-01-14","until":null,"value":36.42861111111111,"last":"2026-01-13T11:34:17","expected":{"max_hours":24},"reason":"r"}
{"kind":"alert","rule":"silent","metric":"events","day":"2026-01-14","until":"09:30:00","value":null,"last":null,"expected":{"max_hours":6.5},"reason":"r"}
J
pulse-render -f telegram --chat-id -1001234 a.ndjson
pulse-render -f telegram --chat-id @sales --lang ru a.ndjson | jq -r .text
echo "-- with metric records: the alerts only"
echo '{"kind":"metric","name":"intro","day":"2026-01-14","value":3,"prev_day":1,"week_ago":2,"mean_7d":2}' |
	cat - a.ndjson | pulse-render -f telegram --chat-id 1 | wc -l
echo "-- a long title"
python3 - <<'PY' > long.ndjson
import json
print(json.dumps({"kind": "alert", "rule": "drop", "metric": "m", "title": "🚀&<>" * 1500,
                  "day": "2026-01-14", "until": None, "value": 1,
                  "expected": {"mean": 9, "min": 8, "max": 10, "weeks": 2},
                  "threshold": {"below": 0.5, "below_abs": None, "zero": False},
                  "reason": "r"}, ensure_ascii=False))
PY
pulse-render -f telegram --chat-id 42 long.ndjson > p.ndjson
python3 - <<'PY'
import json, re
texts = [json.loads(l)["text"] for l in open("p.ndjson", encoding="utf-8")]
units = lambda s: len(s.encode("utf-16-le")) // 2
print("messages:", len(texts), "longest:", max(units(t) for t in texts))
ok = all(t.count("<b>") == t.count("</b>") and not re.search(r"&(?!amp;|lt;|gt;)", t) for t in texts)
print("well formed:", ok)
print("all of the title:", "".join(texts).count("🚀"))
PY
