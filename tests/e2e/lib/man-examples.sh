# Every EXAMPLES command of every man page (the programs' and the
# scripts'), taken from the .1 files themselves (.Dl lines and .Bd -literal
# blocks, \e as \) and run as written, each page's in a directory that
# holds the files the pages name (made from the samples), with a
# throwaway PostgreSQL as the service 'crm', the fake Bot API and the
# fake Bitrix24 portal.  Each
# prints its exit status, its output's length and what it sent to the Bot
# API (and says so if a secret shows in what it printed).  What the
# examples print is checked by the programs' own cases.
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
fake_start
S=$SAMPLES
export HOME=$PWD/home PGSERVICEFILE=$PWD/home/.pg_service.conf
mkdir -p home/.config/pulse
printf '[crm]\nhost=%s\nport=%s\ndbname=%s\nuser=%s\n' "$PGHOST" "$PGPORT" \
	"$PGDATABASE" "$PGUSER" >"$PGSERVICEFILE"
(umask 077 && echo "service=crm" >home/.config/pulse/db.conf)
# the fake Bitrix24 portal (the small sample) for pulse-extract bitrix
# --fetch, its webhook in the file the page names, a bookmark's directory
export FAKE_BITRIX_SECRET=q7Zr2kWebhookS3cretX1
mkdir bx
for f in leads deals history deal-history; do
	cp "$S/bitrix-small-$f.json" bx/$f.json
done
cp "$S/bitrix-users.json" "$S/bitrix-statuses.json" bx/
mv bx/bitrix-users.json bx/users.json
mv bx/bitrix-statuses.json bx/statuses.json
python3 "$ROOT/tests/fake/bitrix" --data "$PWD/bx" --port-file "$PWD/bx.port" \
	2>/dev/null &
BX_PID=$!
for i in $(seq 200); do
	[ -s bx.port ] && break
	sleep 0.05
done
trap 'fake_stop; pg_stop; kill $BX_PID 2>/dev/null || true' EXIT
(umask 077 && echo "http://127.0.0.1:$(cat bx.port)/rest/1/$FAKE_BITRIX_SECRET/" \
	>home/.config/pulse/bitrix-webhook)
mkdir -p home/.local/state/pulse

# examples PAGE: the page's EXAMPLES commands, NUL after each, roff's
# escapes of a backslash (\e, \\) and a quote (\(dq) undone
examples() {
	awk 'function unroff(s) {
			gsub(/\\\\/, "\001", s); gsub(/\\e/, "\001", s)
			gsub(/\\\(dq/, "\"", s); gsub(/\001/, "\\", s); return s }
		/^\.Sh / { ex = ($2 == "EXAMPLES"); next }
		!ex { next }
		/^\.Bd -literal/ { inb = 1; cmd = ""; next }
		inb && /^\.Ed/ { inb = 0; printf "%s%c", cmd, 0; next }
		inb { cmd = cmd unroff($0) "\n"; next }
		/^\.Dl / { sub(/^\.Dl /, ""); printf "%s%c", unroff($0), 0 }' "$1"
}

# The files the pages name, made from the samples in the current
# directory (once: each page's directory is a copy).
fixtures() {
	ln -s "$ROOT/samples" samples
	cp "$S/odoo-small-tickets.json" tickets.json
	cp "$S/odoo-small.json" messages.json
	zstd -q messages.json -o messages.json.zst
	cp messages.json.zst export.json.zst
	pulse-extract odoo messages.json >messages.ndjson 2>/dev/null
	pulse-classify --as-of 2026-01-21T18:00:00Z messages.ndjson >tickets.ndjson
	printf '[topic:dates]\nany termin\n' >our.rules
	cp "$S/bitrix-statuses.json" statuses.json
	cp "$S/bitrix-small-leads.json" leads.json
	cp "$S/bitrix-small-deals.json" deals.json
	cp "$S/bitrix-small-history.json" history.json
	cp history.json hist.json
	cp "$S/bitrix-small-leads.csv" leads.csv
	cp "$S/bitrix-ads.csv" ads.csv
	# the alias file pulse-utm's page calls sources.csv
	cp "$S/bitrix-aliases.csv" aliases.csv
	cp aliases.csv sources.csv
	# the Bitrix24 sample's records (crm.ndjson, as pulse-extract's page
	# makes it), and a file of each kind
	pulse-extract bitrix --users "$S/bitrix-users.json" --statuses statuses.json \
		leads.json deals.json history.json "$S/bitrix-small-deal-history.json" \
		>crm.ndjson 2>/dev/null
	local k
	for k in lead deal stage; do
		grep "^{\"kind\":\"$k\"" crm.ndjson >${k}s.ndjson
	done
	cp "$S/sales-dict.csv" events_dict.csv
	cp "$S/sales-small-payments.csv.zst" payments.csv.zst
	# the two years apart, as the example's files are (a row in both
	# would be refused as written twice)
	zstdcat "$S/sales-small-events.csv.zst" | awk -F, 'NR == 1 || $4 < "2026"' |
		zstd -q >events-2025.csv.zst
	zstdcat "$S/sales-small-events.csv.zst" | awk -F, 'NR == 1 || $4 >= "2026"' |
		zstd -q >events-2026.csv.zst
	cp "$S/sales-metrics.json" .
	cp "$S/sales-names-en.csv" .
	pulse-extract events --dict "$S/sales-dict.csv" \
		--payments "$S/sales-small-payments.csv" \
		"$S/sales-small-events.csv" >events.ndjson
	zstd -q events.ndjson -o events.ndjson.zst
	# the daily metrics, their chart and their message
	pulse-metrics --defs sales-metrics.json events.ndjson >metrics.ndjson
	pulse-render -f svg -o chart.svg metrics.ndjson
	pulse-render -f telegram --chat-id @sales_head metrics.ndjson >report.ndjson
	# secrets in files only their owner reads: the fake Bot API's token,
	# and a connection string with the password of the test server
	(
		umask 077
		echo "$TELEGRAM_BOT_TOKEN" >bot.token
		echo "host=$PGHOST dbname=$PGDATABASE user=pulse_pw password=$PG_TEST_PASSWORD" >db.conf
	)
}

# sent: what the fake Bot API was asked since line $1 of its log
sent() {
	[ -n "$FAKE_LOG" ] || return 0
	tail -n +"$(($1 + 1))" "$FAKE_LOG" |
		jq -r '"\(.path | sub(".*/"; "")) \(.status)"' | paste -sd ' ' -
}

run_page() {
	local page=$1 n=0 cmd rc logged api
	while IFS= read -r -d '' cmd; do
		n=$((n + 1))
		rc=0
		# users.json is Odoo's or Bitrix24's, as the command asks
		case $cmd in
		*bitrix* | pulse-leads-report*) cp "$S/bitrix-users.json" users.json ;;
		*) cp "$S/odoo-users.json" users.json ;;
		esac
		# the installed samples are the checkout's
		cmd=${cmd//\/usr\/local\/share\/pulse\//$S/}
		logged=0
		[ -z "$FAKE_LOG" ] || logged=$(wc -l <"$FAKE_LOG")
		eval "$cmd" >"ex$n.out" 2>"ex$n.err" </dev/null || rc=$?
		api=$(sent "$logged")
		echo "${page##*/} example $n: exit $rc, $(wc -l <"ex$n.out") lines out${api:+, Bot API: $api}"
		[ $rc = 0 ] || sed 's/^/  /' "ex$n.err"
		! grep -qaF -e "$PG_TEST_PASSWORD" -e "$TELEGRAM_BOT_TOKEN" \
			-e "$FAKE_BITRIX_SECRET" "ex$n.out" "ex$n.err" ||
			echo "  the password, the token or the webhook in its output"
	done < <(examples "$page")
	[ $n -gt 0 ] || echo "${page##*/}: no examples"
}

# page PAGE: its examples in a copy of fix/ of its own, their lines in
# NAME.log; the directory goes when they are done (pulse-gen's benchmark
# data alone is 1.7 GB)
page() {
	local name=${1##*/}
	name=${name%.1}
	cp -a fix "$name"
	(
		cd "$name"
		case $name in
		# pulse-gen's load the tables into a database of their own; they
		# run beside the others (below), so the Bot API is not theirs
		pulse-gen)
			psql -q -X -d postgres -c 'CREATE DATABASE gen' >/dev/null
			export PGDATABASE=gen TELEGRAM_API_BASE=http://127.0.0.1:9
			FAKE_LOG=
			;;
		esac
		run_page "$1"
	) >"$name.log"
	rm -rf "$name"
}

FAKE_LOG=$PWD/fake.log
mkdir fix
(cd fix && fixtures)
# every page of the checkout
mapfile -t pages < <(find "$ROOT" -mindepth 1 \( -name build -o -name '.*' \) -prune \
	-o -name '*.1' -print | LC_ALL=C sort)
# pulse-gen's take the most time (a million leads) and talk to neither
# the Bot API nor the database 'pulse': they run beside the others
gen=
for p in "${pages[@]}"; do
	if [ "${p##*/}" = pulse-gen.1 ]; then
		page "$p" &
		gen=$!
	fi
done
trap '[ -z "$gen" ] || kill "$gen" 2>/dev/null; fake_stop; pg_stop; kill $BX_PID 2>/dev/null || true' EXIT
for p in "${pages[@]}"; do
	[ "${p##*/}" = pulse-gen.1 ] || page "$p"
done
[ -z "$gen" ] || wait "$gen"
gen=
for p in "${pages[@]}"; do
	p=${p##*/}
	cat "${p%.1}.log"
done
echo "${#pages[@]} pages"
