# usage errors exit 64 with a one-line usage; --version; --help on stdout
for args in "--lang de" "--format pdf" "--as-of tomorrow" "-x"; do
	set +e
	pulse-render $args < /dev/null > out 2> err
	echo "$args: exit $?"
	set -e
	cat out
	head -n 1 err
done
pulse-render --version
pulse-render --help | head -n 1
