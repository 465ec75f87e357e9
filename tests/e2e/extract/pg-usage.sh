# pulse-extract pg and events: help, version, usage errors (64) before any
# connection is tried.
pulse-extract pg --help | head -n 1
pulse-extract pg --help | grep -c -- '--db\|--query\|--key\|--since\|--until\|--state\|--payment-event'
pulse-extract pg --version
pulse-extract events --help | head -n 1
pulse-extract events --version
for args in 'pg file.csv' 'pg --key id' 'pg --query x --state st' 'pg --query=' \
	'pg --since yesterday' 'pg --until 2025-13-01' 'pg --bogus' \
	'pg --db' 'events' 'events --sorted' 'events --bogus'; do
	echo "# pulse-extract $args"; echo "# pulse-extract $args" >&2
	# shellcheck disable=SC2086
	PGHOST=/nonexistent pulse-extract $args 2>err </dev/null || echo "exit $?"
	head -n 1 err >&2
done
