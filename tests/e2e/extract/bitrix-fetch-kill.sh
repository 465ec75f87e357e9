# pulse-extract bitrix --fetch --state, killed in the middle of a fetch:
# no output file, the bookmark unmoved; the next run gives what one run
# without the kill gives, so nothing is lost and nothing repeated
. "$ROOT/tests/fake/env.sh"
bitrix_data d 300
bitrix_start d
pulse-extract bitrix --fetch --rate 1000 --state st -o run1.ndjson
python3 "$ROOT/tests/fake/bitrix-change" d d2 > /dev/null
cp st st.before
cp st st.ref
bitrix_start d2
pulse-extract bitrix --fetch --rate 1000 --state st.ref -o ref.ndjson
bitrix_start d2 --delay 0.3
pulse-extract bitrix --fetch --rate 1000 --state st -o run2.ndjson &
pid=$!
for i in $(seq 100); do
	[ "$(grep -c '^crm\.lead\.list' fake.log)" -ge 1 ] && break
	sleep 0.05
done
kill -TERM $pid
wait $pid || echo "killed: exit $?"
test -e run2.ndjson || echo "no output file"
cmp st st.before && echo "bookmark unmoved"
bitrix_start d2
pulse-extract bitrix --fetch --rate 1000 --state st -o run2.ndjson
cmp run2.ndjson ref.ndjson && echo "the run after gives what one run gives"
cmp st st.ref && echo "the same bookmark"
cat run1.ndjson run2.ndjson | pulse-utm | pulse-funnel > inc.ndjson
bitrix_files d2 | pulse-utm | pulse-funnel > full.ndjson
cmp inc.ndjson full.ndjson && echo "the same funnel"
ls
