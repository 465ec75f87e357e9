# usage errors exit 64 with a one-line usage; --version; --help goes to stdout
for args in "--by year" "--from 2024-13-01" "--to 2024-01" "--from 2024-02-01 --to 2024-01-01" \
	"--stale-days -1" "--stale-days x" "--stale-days 99999999999" "--stages NEW,,WON" "--as-of soon" "--source-field=" "--bogus" \
	"--shard 0/3" "--shard 4/3" "--shard 2" "--map"; do
	set +e
	pulse-funnel $args < /dev/null > out 2> err
	echo "$args: exit $?"
	set -e
	cat out
	head -n 1 err
done
pulse-funnel --version
pulse-funnel --help | head -n 1
echo '{"kind":"ticket"}' | pulse-funnel
echo "empty: exit $?"
