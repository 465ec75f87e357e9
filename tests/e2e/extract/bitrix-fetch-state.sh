# pulse-extract bitrix --fetch --state: the first run takes everything and
# writes the bookmark; a run with nothing new writes nothing; after a lead
# moved on and a new one came, a run writes just them and their stage
# rows; downstream (pulse-utm | pulse-funnel) the two runs together give
# what the whole data give: the latest version of a lead wins
. "$ROOT/tests/fake/env.sh"
bitrix_data d 120
bitrix_start d
pulse-extract bitrix --fetch --rate 1000 --state st -o run1.ndjson
wc -l < run1.ndjson
cat st
pulse-extract bitrix --fetch --rate 1000 --state st -o run2.ndjson
wc -l < run2.ndjson
grep '^crm.lead.list' fake.log | tail -1
set -- $(python3 "$ROOT/tests/fake/bitrix-change" d d2)
bitrix_start d2
pulse-extract bitrix --fetch --rate 1000 --state st -o run3.ndjson
sed 's/^{"kind":"\([a-z]*\)",.*"id":\([0-9]*\),.*/\1 \2/' run3.ndjson
cat st
grep -c "\"id\":\"$1\"" run3.ndjson
cat run1.ndjson run3.ndjson | pulse-utm | pulse-funnel > inc.ndjson
bitrix_files d2 | pulse-utm | pulse-funnel > full.ndjson
cmp inc.ndjson full.ndjson && echo "the same funnel"
# and not the funnel of the first run alone
pulse-utm < run1.ndjson | pulse-funnel | cmp -s - full.ndjson || echo "not the old funnel"
