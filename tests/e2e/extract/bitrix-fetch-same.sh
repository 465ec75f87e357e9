# pulse-extract bitrix --fetch: the records the same pages saved as files
# give, byte for byte (dictionaries applied; gzip-encoded answers; also
# with --keep-unknown)
. "$ROOT/tests/fake/env.sh"
bitrix_data d 300
bitrix_start d --gzip
pulse-extract bitrix --fetch --rate 1000 -o fetched.ndjson
bitrix_files d > files.ndjson
cmp fetched.ndjson files.ndjson && echo identical
sed 's/.*"kind":"\([a-z]*\)".*/\1/' fetched.ndjson | sort | uniq -c | sed 's/^ *//'
pulse-extract bitrix --fetch --rate 1000 --keep-unknown > fetched2.ndjson
bitrix_files d --keep-unknown > files2.ndjson
cmp fetched2.ndjson files2.ndjson && echo identical with --keep-unknown
# the calls, each once per page; the lists paged from -1 by ID
cut -d' ' -f1 fake.log | sort | uniq -c | sed 's/^ *//'
grep -m3 '^crm.lead.list' fake.log
grep -m1 '^crm.stagehistory.list.*"entityTypeId":2' fake.log
