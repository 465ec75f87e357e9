# A truncated .zst is bad data: the records of the blocks that arrived are
# written, then an error naming the file, exit 65.
D=$ROOT/tests/e2e/extract/data
i=0
while [ $i -lt 300 ]; do
	cat "$D/messages.ndjson"
	i=$((i + 1))
done | zstd -q -o m.zst
size=$(wc -c <m.zst)
head -c $((size - 10)) m.zst >cut.zst
rc=0
pulse-extract odoo --no-default-rules cut.zst >out 2>err || rc=$?
cat err
n=$(wc -l <out)
[ "$n" -gt 0 ] && [ "$n" -lt 3900 ] && echo "some records written, not all"
echo "exit $rc"
