# usage errors exit 64 with a one-line usage; --version; --help goes to stdout
for args in "--url-field=" "--bogus" "--map"; do
	set +e
	pulse-utm $args < /dev/null > out 2> err
	echo "$args: exit $?"
	set -e
	cat out
	head -n 1 err
done
pulse-utm --version
pulse-utm --help | head -n 1
echo '{"kind":"lead","id":"1","link":"https://x.example/?utm_source=a"}' | pulse-utm --url-field link --url-field other
echo '{"kind":"lead","id":"1","url":"https://x.example/?utm_source=a"}' | pulse-utm --url-field link
