# pulse-extract bitrix --fetch: a crm.category.list answer that is not one
# (a pipeline without a name, a result without 'categories') is a named
# error before any record, no output file, the bookmark unmoved
. "$ROOT/tests/fake/env.sh"
bitrix_data d 60 2>/dev/null
for k in noname nocats; do
	bitrix_start d --fault "crm.category.list:1:$k"
	echo "# $k"
	pulse-extract bitrix --fetch --rate 1000 --names --state st \
		-o out.ndjson || echo "exit $?"
	test -e out.ndjson && echo "output written" || true
	test -e st && echo "bookmark written" || true
done
