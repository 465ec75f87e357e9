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

# ---- the fake Bitrix24 portal (tests/fake/bitrix) ----
export FAKE_BITRIX_SECRET=q7Zr2kWebhookS3cretX1

# bitrix_data DIR [LEADS]: pulse-gen bitrix's pages in DIR, the files the
# fake serves (120 leads by default)
bitrix_data() {
	mkdir -p "$1"
	pulse-gen bitrix --leads "${2:-120}" --days 60 -o "$1/leads.json" \
		--deals "$1/deals.json" --history "$1/history.json" \
		--deal-history "$1/deal-history.json" --users "$1/users.json" \
		--statuses "$1/statuses.json"
}

# bitrix_files DIR [OPTIONS]: pulse-extract bitrix on the same pages saved
# as files
bitrix_files() {
	local d=$1
	shift
	pulse-extract bitrix --statuses "$d/statuses.json" --users "$d/users.json" \
		"$@" "$d/leads.json" "$d/deals.json" "$d/history.json" \
		"$d/deal-history.json"
}

# bitrix_start DIR [ARGS...]: the fake serving DIR; PULSE_BITRIX_WEBHOOK
# points at it
bitrix_start() {
	local d=$1
	shift
	fake_run bitrix --data "$d" "$@"
	export PULSE_BITRIX_WEBHOOK=$FAKE_URL/rest/1/$FAKE_BITRIX_SECRET/
}

# ---- the fake Odoo database (tests/fake/odoo) ----
export FAKE_ODOO_KEY=0d00ApiK3ySecretZ9x FAKE_ODOO_DB=pulse \
	FAKE_ODOO_LOGIN=api@example.com

# odoo_samples DIR: the samples' search_read files, as the fake serves them
odoo_samples() {
	mkdir -p "$1"
	cp "$ROOT/samples/odoo-small.json" "$1/messages.json"
	cp "$ROOT/samples/odoo-small-tickets.json" "$1/tickets.json"
	cp "$ROOT/samples/odoo-users.json" "$1/users.json"
}

# odoo_data DIR [TICKETS [VARIANT]]: pulse-gen odoo's files in DIR
odoo_data() {
	mkdir -p "$1"
	pulse-gen odoo --tickets "${2:-300}" --variant "${3:-enterprise}" \
		-o "$1/messages.json" --tickets-out "$1/tickets.json" \
		--users "$1/users.json"
}

# odoo_files DIR [OPTIONS]: pulse-extract odoo on the same files
odoo_files() {
	local d=$1
	shift
	pulse-extract odoo --tickets "$d/tickets.json" \
		--staff-users "$d/users.json" "$@" "$d/messages.json"
}

# odoo_start DIR [ARGS...]: the fake serving DIR; PULSE_ODOO_* point at it
odoo_start() {
	local d=$1
	shift
	fake_run odoo --data "$d" "$@"
	export PULSE_ODOO_URL=$FAKE_URL PULSE_ODOO_DB=$FAKE_ODOO_DB \
		PULSE_ODOO_LOGIN=$FAKE_ODOO_LOGIN PULSE_ODOO_KEY=$FAKE_ODOO_KEY
}
