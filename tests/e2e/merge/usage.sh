# bad command lines exit 64 with a message and the usage line; --help and
# --version exit 0; inputs plain or zstd, -o atomic, a closed pipe is quiet
for args in "--sort-by size" "--sort-by=" "--partial=1" "--bogus"; do
	# shellcheck disable=SC2086
	pulse-merge $args </dev/null 2>err && echo "no failure?" || echo "$args: exit $?"
	cat err
done
pulse-merge --help | head -n 2
pulse-merge --version
echo "-- missing file: the others are still merged, exit 66"
echo '{"kind":"link","step":1,"from":"A","to":"B","value":2}' > a.ndjson
pulse-merge a.ndjson nope.ndjson a.ndjson 2>err || echo "exit $?"
cat err
echo "-- stdin, zstd, -o"
zstd -q a.ndjson -o a.ndjson.zst
pulse-merge -o out.ndjson a.ndjson.zst - < a.ndjson
cat out.ndjson
echo "-- no input writes nothing"
pulse-merge < /dev/null | wc -c
echo "-- closed pipe"
awk 'BEGIN { for (i = 0; i < 200000; i++)
	printf "{\"kind\":\"link\",\"step\":1,\"from\":\"e%d\",\"to\":\"x\",\"value\":1}\n", i }' > in.ndjson
set -o pipefail
pulse-merge in.ndjson | head -n 1
echo "status ${PIPESTATUS[0]}"
