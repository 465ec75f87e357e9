# pulse-alert --fresh against a real PostgreSQL: pulse-daily kept the rows
# up to 2026-01-18 12:00 (tests/pg/daily-env.sh), the rest came later.  On
# the archive alone both sources of the 19th look silent; with --fresh the
# rows since the bookmark are read too and only the payments (few in the
# small sample) are; the bookmark stays as it was.  Rows the archive holds
# already (pulse-daily kept them, the bookmark was put back) are not read
# twice.  On the 22nd (no row after the 20th) the 21st whole and the 22nd
# so far are sent, each alert once: the run an hour later sends nothing.
. "$ROOT/tests/pg/daily-env.sh"
A=(--state-dir st --chat-id -100777 --tz Europe/Moscow --lang en --defs "$SAMPLES/sales-metrics.json")
cp st/bookmark bookmark.before
t() { sed 's/127.0.0.1:[0-9]*/PORT/; s|photo=[^ ]*|photo=CHART|' | cut -c 1-110; }
echo "-- the archive alone, the 19th up to 15:00"
pulse-alert "${A[@]}" --as-of 2026-01-19T12:00:00Z --dry-run | t
echo "-- with the rows since the bookmark"
pulse-alert "${A[@]}" --fresh --as-of 2026-01-19T12:00:00Z --dry-run -v 2>&1 | t
cmp st/bookmark bookmark.before && echo "bookmark unchanged"
echo "-- pulse-daily keeps the rows, the old bookmark is put back: none counted twice"
pulse-daily "${D[@]}" >/dev/null
cp bookmark.before st/bookmark
pulse-alert "${A[@]}" --fresh --as-of 2026-01-19T12:00:00Z --dry-run -v 2>&1 | t
pulse-alert "${A[@]}" --fresh --as-of 2026-01-19T12:00:00Z --dry-run -v 2>&1 | grep -c fresh
echo "-- sent on the 22nd, and nothing an hour later"
: > fake.log
pulse-alert "${A[@]}" --fresh --as-of 2026-01-22T12:00:00Z
pulse-alert "${A[@]}" --fresh --as-of 2026-01-22T13:00:00Z
jq -c '[.n, (.path | sub(".*/"; "")), .status, (.body.text // .fields.caption | split("\n")[0:2])]' fake.log
cat st/alerts.sent
