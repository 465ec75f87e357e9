# fake-env.sh - sourced by the tests that talk to the Bot API: starts and
# stops tests/telegram/fake-bot-api on 127.0.0.1 (a free port) in the
# test's directory, and points pulse-telegram at it.
#
#   fake_start [PLAN]   start it (PLAN: see fake-bot-api --plan); sets
#                       TELEGRAM_API_BASE and TELEGRAM_BOT_TOKEN; the log
#                       is ./fake.log
#   fake_stop           stop it (also done at exit, whatever happens: a
#                       test with its own EXIT trap calls fake_stop in it)
export TELEGRAM_BOT_TOKEN=123456789:AAF-test_token-NOT-REAL
FAKE_PID=

fake_stop() {
	if [ -n "$FAKE_PID" ]; then
		kill "$FAKE_PID" 2>/dev/null || true
		wait "$FAKE_PID" 2>/dev/null || true
		FAKE_PID=
	fi
}
trap fake_stop EXIT

fake_start() {
	local i
	fake_stop
	rm -f fake.port fake.log
	python3 "$ROOT/tests/telegram/fake-bot-api" --log "$PWD/fake.log" \
		--port-file "$PWD/fake.port" --plan "${1:-}" &
	FAKE_PID=$!
	for i in $(seq 200); do
		[ -s fake.port ] && break
		sleep 0.05
	done
	[ -s fake.port ] || { echo "fake-bot-api did not start" >&2; exit 1; }
	export TELEGRAM_API_BASE=http://127.0.0.1:$(cat fake.port)
	: > fake.log
}
