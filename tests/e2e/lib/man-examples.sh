# Every EXAMPLES command of the programs' man pages, taken from the .1
# files themselves (.Dl lines and .Bd -literal blocks, \e as \) and run as
# written, each in a directory that holds the files the pages name (from
# the samples), with a throwaway PostgreSQL as the service 'crm' and the
# fake Bot API.  Each prints its exit status and its output's length.
# (pulse-tally, pulse-funnel, pulse-utm and pulse-render's examples also
# have tests of their own that look at what they print; the scripts' are
# in tests/e2e/scripts/man-examples.sh.)
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

# The files the pages name, made from the samples.
fixtures() {
	local d=$1
	mkdir -p "$d"
	cd "$d"
	ln -s "$ROOT/samples" samples
	zstd -dcq "$S/odoo-tickets.json.zst" >tickets.json
	cp "$S/odoo-small.json" messages.json
	zstd -q messages.json -o messages.json.zst
	pulse-extract odoo messages.json >messages.ndjson 2>/dev/null
	pulse-classify --as-of 2026-01-21T18:00:00Z messages.ndjson >tickets.ndjson
	printf '[topic:dates]\nany termin\n' >our.rules
	cp "$S/bitrix-statuses.json" statuses.json
	cp "$S/bitrix-small-leads.json" leads.json
	cp "$S/bitrix-small-deals.json" deals.json
	cp "$S/bitrix-small-history.json" history.json
	cp "$S/bitrix-small-leads.csv" leads.csv
	cp "$S/bitrix-ads.csv" ads.csv
	cp "$S/sales-dict.csv" events_dict.csv
	cp "$S/sales-small-payments.csv.zst" payments.csv.zst
	# the two years apart, as the example's files are (a row in both
	# would be refused as written twice)
	zstdcat "$S/sales-small-events.csv.zst" | awk -F, 'NR == 1 || $4 < "2026"' |
		zstd -q >events-2025.csv.zst
	zstdcat "$S/sales-small-events.csv.zst" | awk -F, 'NR == 1 || $4 >= "2026"' |
		zstd -q >events-2026.csv.zst
	cp "$S/sales-metrics.json" .
	pulse-extract events --dict "$S/sales-dict.csv" \
		--payments "$S/sales-small-payments.csv" \
		"$S/sales-small-events.csv" >events.ndjson
}

run_page() {
	local page=$1 n=0 cmd rc
	while IFS= read -r -d '' cmd; do
		n=$((n + 1))
		rc=0
		# users.json is Odoo's or Bitrix24's, as the command asks
		case $cmd in
		*bitrix*) cp "$S/bitrix-users.json" users.json ;;
		*) cp "$S/odoo-users.json" users.json ;;
		esac
		# the installed samples are the checkout's
		cmd=${cmd//\/usr\/local\/share\/pulse\//$S/}
		eval "$cmd" >"ex$n.out" 2>"ex$n.err" </dev/null || rc=$?
		echo "${page##*/} example $n: exit $rc, $(wc -l <"ex$n.out") lines out"
		[ $rc = 0 ] || sed 's/^/  /' "ex$n.err"
	done < <(examples "$page")
	[ $n -gt 0 ] || echo "${page##*/}: no examples"
}

for page in "$ROOT"/filters/classify/pulse-classify.1 \
	"$ROOT"/filters/extract/pulse-extract.1 \
	"$ROOT"/filters/merge/pulse-merge.1 \
	"$ROOT"/filters/metrics/pulse-metrics.1 \
	"$ROOT"/filters/sankey/pulse-sankey.1 \
	"$ROOT"/samples/gen/pulse-gen.1; do
	name=${page##*/}
	(
		fixtures "${name%.1}"
		# pulse-gen's load the tables into a database of their own
		if [ "$name" = pulse-gen.1 ]; then
			psql -q -X -d postgres -c 'CREATE DATABASE gen' >/dev/null
			export PGDATABASE=gen
		fi
		run_page "$page"
	)
done
