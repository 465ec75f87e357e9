# metric records carry mean_7d in full precision (pulse-metrics: the sum of
# the 7 days before / 7, as jq prints it); the charts and the CSV show it
# rounded to 2 decimals, so full-precision records draw byte for byte what
# the records of two decimals drew
M=$ROOT/tests/e2e/render/sales-metrics.ndjson
python3 - "$M" <<'PY'
import json, sys
from fractions import Fraction
full, two = open("full.ndjson", "w"), open("two.ndjson", "w")
vals = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    vals.setdefault(r["name"], []).append(r["value"])
    v = vals[r["name"]]
    if len(v) > 7:
        s = sum(v[-8:-1])
        q = Fraction(s * 100, 7)
        r["mean_7d"] = s / 7 if s % 7 else s // 7  # as jq writes it
        full.write(json.dumps(r, ensure_ascii=False) + "\n")
        n = int(q) + (q - int(q) >= Fraction(1, 2))
        r["mean_7d"] = n / 100 if n % 100 else n // 100
        two.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        full.write(line)
        two.write(line)
PY
grep -o '"mean_7d":[^}]*' full.ndjson | sed -n '8p;9p'
grep -o '"mean_7d":[^}]*' two.ndjson | sed -n '8p;9p'
for lang in en ru; do
	pulse-render -f svg --lang $lang full.ndjson > full.svg
	pulse-render -f svg --lang $lang two.ndjson > two.svg
	cmp full.svg two.svg && echo "$lang: the same chart"
done
pulse-render -f csv full.ndjson > full.csv
pulse-render -f csv two.ndjson > two.csv
cmp full.csv two.csv && echo "csv: the same table"
grep -o ',[0-9.]*.$' full.csv | sed -n '8p;9p'
