# tests/pg/pg-env.sh - a throwaway PostgreSQL server for an end-to-end test.
#
# Sourced by a test (bash -eu):
#
#	. "$ROOT/tests/pg/pg-env.sh"	# starts the server, sets PG* variables
#	pg_load_sample sales-small	# samples/sales-small-*.csv into it
#	psql -c 'SELECT count(*) FROM events'
#
# The server is Debian's (/usr/lib/postgresql/*/bin, package postgresql:
# scripts/install-deps installs it).  Its cluster lives in a fresh
# directory under /tmp (short: a unix socket path has 107 bytes at most),
# it listens on a unix socket in that directory only (no TCP), trusts
# local connections of its superuser "pulse" and asks the role "pulse_pw"
# for the password $PG_TEST_PASSWORD (new for each test, and given to psql
# on its standard input: the secrets tests look for it on every command
# line of the machine).  After sourcing, PGHOST, PGPORT,
# PGDATABASE and PGUSER name the database "pulse"; psql and pulse-extract
# pg find it through them.
#
# initdb and the server refuse to run as root: as root (CI) they run as the
# user postgres, which the postgresql package creates, and the directory
# belongs to it.
#
# The server is stopped and its directory removed when the test exits (an
# EXIT trap: a test that needs its own trap calls pg_stop in it), also when
# the test fails.
#
# initdb takes seconds: its fresh cluster is kept in build/pg-template-*
# (so make clean removes it; made under a lock, moved into place whole) and
# each test copies it.
PG_TEST_PASSWORD=pulse-S3cret-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')

pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

PGBIN=$(pg_bindir) || {
	echo 'pg-env: no PostgreSQL server in /usr/lib/postgresql/*/bin (scripts/install-deps installs postgresql)' >&2
	exit 1
}
command -v psql >/dev/null || {
	echo 'pg-env: psql not found (package postgresql-client)' >&2
	exit 1
}

PG_TMP=$(mktemp -d /tmp/pulse-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || {
		echo 'pg-env: running as root and there is no user postgres to run the server' >&2
		exit 1
	}
	chown postgres: "$PG_TMP"
	pg_as() { (cd / && runuser -u postgres -- "$@"); }
else
	pg_as() { "$@"; }
fi

pg_stop() {
	if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
		if [ -f "$PG_TMP/data/postmaster.pid" ]; then
			pg_as "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m immediate \
				-w stop >/dev/null 2>&1 || true
		fi
		rm -rf "$PG_TMP"
	fi
}
trap pg_stop EXIT
# killed (a timeout, ^C): exit, so that the EXIT trap stops the server
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

pg_initdb() {
	pg_as "$PGBIN/initdb" -D "$1" -U pulse -A trust -E UTF8 \
		--locale=C --no-sync >"$PG_TMP/initdb.log" 2>&1 || {
		cat "$PG_TMP/initdb.log" >&2
		echo 'pg-env: initdb failed' >&2
		exit 1
	}
}

# The template's name says what made it: the server's version, the user.
# It lives in the checkout's build/, whichever programs the test runs.
PG_TEMPLATE=
if [ -n "${ROOT:-}" ] && [ -d "$ROOT/build" ] && [ -w "$ROOT/build" ]; then
	PG_TEMPLATE=$ROOT/build/pg-template-$(basename "$(dirname "$PGBIN")")-$(id -u)
fi
if [ -n "$PG_TEMPLATE" ]; then
	(
		flock 8
		if [ ! -f "$PG_TEMPLATE/PG_VERSION" ]; then
			pg_initdb "$PG_TMP/data"
			rm -rf "$PG_TEMPLATE.tmp"
			cp -a "$PG_TMP/data" "$PG_TEMPLATE.tmp"
			mv "$PG_TEMPLATE.tmp" "$PG_TEMPLATE"
			rm -rf "$PG_TMP/data"
		fi
	) 8>"$PG_TEMPLATE.lock"
	cp -a "$PG_TEMPLATE" "$PG_TMP/data"
else
	pg_initdb "$PG_TMP/data"
fi
pg_as sh -c "cat >>'$PG_TMP/data/postgresql.conf'" <<EOF
listen_addresses = ''
unix_socket_directories = '$PG_TMP'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 20
log_min_messages = warning
# small and quick on a shared machine or a container's 64 MB /dev/shm
max_parallel_workers_per_gather = 0
jit = off
EOF
pg_as sh -c "cat >'$PG_TMP/data/pg_hba.conf'" <<'EOF'
local all pulse_pw scram-sha-256
local all all trust
EOF
pg_as "$PGBIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
	start >/dev/null || {
	cat "$PG_TMP/server.log" >&2
	echo 'pg-env: the server did not start' >&2
	exit 1
}

export PGHOST=$PG_TMP PGPORT=5432 PGUSER=pulse PGDATABASE=pulse
unset PGPASSWORD PGSERVICE PGSERVICEFILE PGHOSTADDR PGOPTIONS PGSSLMODE \
	PGCONNECT_TIMEOUT PGAPPNAME 2>/dev/null || true
export PGPASSFILE=$PG_TMP/no-pgpass
psql -q -X -d postgres -v ON_ERROR_STOP=1 -c 'CREATE DATABASE pulse' >/dev/null
printf "CREATE ROLE pulse_pw LOGIN PASSWORD '%s';\n" "$PG_TEST_PASSWORD" |
	psql -q -X -d postgres -v ON_ERROR_STOP=1 >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -c 'GRANT ALL ON SCHEMA public TO pulse_pw' >/dev/null

# pg_sql SQL...: runs statements quietly, stopping at the first error.
pg_sql() {
	local a args=()
	for a in "$@"; do
		args+=(-c "$a")
	done
	psql -q -X -v ON_ERROR_STOP=1 "${args[@]}" >/dev/null
}

# pg_copy TABLE FILE: loads a CSV (with a header; plain or .zst) into TABLE.
pg_copy() {
	case $2 in
	*.zst) zstd -dc "$2" ;;
	*) cat "$2" ;;
	esac | psql -q -X -v ON_ERROR_STOP=1 \
		-c "COPY $1 FROM STDIN (FORMAT csv, HEADER)" >/dev/null
}

# pg_copy TABLE FILE: loads a CSV (with a header; plain or .zst) into TABLE.
pg_copy() {
	case $2 in
	*.zst) zstd -dc "$2" ;;
	*) cat "$2" ;;
	esac | psql -q -X -v ON_ERROR_STOP=1 \
		-c "COPY $1 FROM STDIN (FORMAT csv, HEADER)" >/dev/null
}

# pg_load_sample PREFIX [DIR]: samples/sales-schema.sql, then DIR's (default
# $SAMPLES) sales-dict.csv, PREFIX-events.csv[.zst] and
# PREFIX-payments.csv[.zst]; the id sequences continue after the rows.  One
# psql does it all (each one started costs a tenth of a second or more).
pg_load_sample() {
	local dir=${2:-$SAMPLES} f t
	{
		cat "$SAMPLES/sales-schema.sql"
		f=$dir/sales-dict.csv
		[ -f "$f" ] || f=$SAMPLES/sales-dict.csv
		echo "\\copy events_dict FROM '$f' (FORMAT csv, HEADER)"
		for t in events payments; do
			f=$dir/$1-$t.csv
			if [ -f "$f" ]; then
				echo "\\copy $t FROM '$f' (FORMAT csv, HEADER)"
			else
				echo "\\copy $t FROM PROGRAM 'zstd -dc $f.zst' (FORMAT csv, HEADER)"
			fi
			echo "SELECT setval('${t}_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM $t), false);"
		done
		echo 'ANALYZE;'
		echo 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO pulse_pw;'
	} | psql -q -X -v ON_ERROR_STOP=1 >/dev/null
}
