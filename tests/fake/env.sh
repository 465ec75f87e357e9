# env.sh - sourced by the tests that talk to a fake server of tests/fake:
# starts it on 127.0.0.1 (a free port) in the test's directory and stops
# it at exit.
#
#   fake_run NAME [ARGS...]  start tests/fake/NAME with ARGS, --port-file
#                            and --log ./fake.log; sets FAKE_PORT and
#                            FAKE_URL (http://127.0.0.1:PORT); the
#                            server's own stderr is ./fake.err
#   fake_stop                stop it (also done at exit)
FAKE_PID=
# the fakes are reached directly, whatever proxy the environment names
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

fake_stop() {
	if [ -n "$FAKE_PID" ]; then
		kill "$FAKE_PID" 2>/dev/null || true
		wait "$FAKE_PID" 2>/dev/null || true
		FAKE_PID=
	fi
}
trap fake_stop EXIT

fake_run() {
	local name=$1 i
	shift
	fake_stop
	rm -f fake.port
	: > fake.log
	python3 "$ROOT/tests/fake/$name" --port-file "$PWD/fake.port" \
		--log "$PWD/fake.log" "$@" 2> fake.err &
	FAKE_PID=$!
	for i in $(seq 200); do
		[ -s fake.port ] && break
		sleep 0.05
	done
	[ -s fake.port ] || { echo "$name did not start" >&2; cat fake.err >&2; exit 1; }
	FAKE_PORT=$(cat fake.port)
	FAKE_URL=http://127.0.0.1:$FAKE_PORT
}
