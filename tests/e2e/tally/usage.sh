# usage errors exit 64 with a one-line usage; --version; --help goes to stdout
for args in "--by year(created)" "--by ," "--edges 1,1" "--sort-by size" "--bogus"; do
	set +e
	pulse-tally $args < /dev/null > out 2> err
	echo "$args: exit $?"
	set -e
	cat out
	head -n 1 err
done
pulse-tally --version
pulse-tally --help | head -n 1
