# xlsx of a table wider than an Excel sheet (16385 columns: members of
# one record) failed inside libxlsxwriter; now it is exit 65 naming the
# sheet and the limit, and -o's file is not written
$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3) -c '
import json
print(json.dumps({"kind": "wide", **{"c%d" % i: i for i in range(16385)}}))' > in.ndjson
pulse-render --format xlsx -o out.xlsx in.ndjson || echo "exit $?"
ls out.xlsx 2>/dev/null || echo "no out.xlsx"
