# pulse-alert's command line: each mistake is exit 64 with a message naming
# it (the usage line follows on stderr); bad definitions are exit 65 before
# anything is read; --help and --version exit 0
echo '{"metrics":[{"name":"v","event":"V","alert":{"below":2}}]}' > bad.json
set +e
for a in "" "--chat-id 1 --lang de" "--chat-id x.y" "--chat-id 1 --source x" \
	"--chat-id 1 --days 0" "--chat-id 1 --day 2026-02-30" "--chat-id 1 --day 2026-01-01 --as-of now" \
	"--chat-id 1 --as-of someday" "--chat-id 1 --every 5" "--chat-id 1 --every 0m" "--chat-id 1 --every 1d" \
	"--chat-id 1 --source events" "--chat-id 1 --fresh --source events -- x.csv" \
	"--chat-id 1 --max-tries 0" "--chat-id 1 --backoff soon" "--chat-id 1 --tz Mars/Base" \
	"--chat-id 1 -- --state other" "--chat-id 1 -- --db=x" "--chat-id 1 --bogus" \
	"--chat-id 1 --defs bad.json" "--chat-id 1 --defs nope.json"; do
	echo "# ${a:-no --chat-id}" >&2
	eval "pulse-alert --state-dir st $a" </dev/null 2>err
	echo "[$a]: exit $?"
	grep -v '^usage' err >&2
done
set -e
pulse-alert --help | head -n 1
pulse-alert --version
