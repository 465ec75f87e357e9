# Every EXAMPLES block of the scripts' man pages (scripts/*.1), taken from
# the pages themselves and run as written, each page's in a directory of
# its own that holds the files its examples name (from the samples; a
# throwaway PostgreSQL and the fake Bot API for pulse-daily and
# pulse-telegram).  Each prints its exit status and its output's length.
. "$ROOT/tests/pg/pg-env.sh"
. "$ROOT/tests/telegram/fake-env.sh"
trap 'fake_stop; pg_stop' EXIT
pg_load_sample sales-small
fake_start
S=$SAMPLES

# examples PAGE: the page's EXAMPLES blocks, NUL after each, \e as \
examples() {
	awk '/^\.Sh / { ex = ($2 == "EXAMPLES"); next }
		ex && /^\.Bd -literal/ { inb = 1; cmd = ""; next }
		ex && inb && /^\.Ed/ { inb = 0; printf "%s%c", cmd, 0; next }
		ex && inb { gsub(/\\e/, "\\"); cmd = cmd $0 "\n" }' "$1"
}

run_page() {
	local page=$1 n=0 cmd rc
	while IFS= read -r -d '' cmd; do
		n=$((n + 1))
		rc=0
		eval "$cmd" >"ex$n.out" 2>"ex$n.err" || rc=$?
		echo "${page##*/} example $n: exit $rc, $(wc -l <"ex$n.out") lines out"
		[ $rc = 0 ] || sed 's/^/  /' "ex$n.err"
	done < <(examples "$page")
}

mkdir daily telegram ticket leads shard hadoop
(
	cd daily
	cp "$S/sales-dict.csv" "$S/sales-payments.csv.zst" "$S/sales-events.csv.zst" .
	(umask 077 && echo "host=$PGHOST dbname=pulse user=pulse_pw password=$PG_TEST_PASSWORD" >db.conf)
	run_page "$ROOT/scripts/pulse-daily.1"
	echo "kept: $(zstd -dcq state/events/*.ndjson.zst | wc -l) of $(pulse-extract pg | wc -l)"
)
(
	cd telegram
	pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
		"$S/sales-events.csv.zst" | pulse-metrics --defs "$S/sales-metrics.json" >metrics.ndjson
	pulse-render -f svg -o chart.svg metrics.ndjson
	pulse-render -f telegram --chat-id 1 metrics.ndjson >report.ndjson
	(umask 077 && echo "$TELEGRAM_BOT_TOKEN" >bot.token)
	: >../fake.log
	run_page "$ROOT/scripts/pulse-telegram.1"
	jq -c '[(.path | sub(".*/"; "")), .status]' ../fake.log
)
(
	cd ticket
	zstd -dcq "$S/odoo-tickets.json.zst" >tickets.json
	cp "$S/odoo-users.json" users.json
	cp "$S/odoo-messages.json.zst" messages.json.zst
	run_page "$ROOT/scripts/pulse-ticket-report.1"
	wc -l <report.md
)
(
	cd leads
	pulse-gen bitrix -o leads.json --deals deals.json --history hist.json \
		--users users.json --statuses statuses.json --ad-map ads.csv --aliases aliases.csv
	run_page "$ROOT/scripts/pulse-leads-report.1"
	ls tables
)
(
	cd shard
	cp "$S/sales-metrics.json" .
	pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
		"$S/sales-events.csv.zst" >events.ndjson
	zstd -q events.ndjson -o events.ndjson.zst
	run_page "$ROOT/scripts/pulse-shard.1"
	pulse-metrics --defs sales-metrics.json events.ndjson | cmp - metrics.ndjson &&
		echo "the metrics of one process"
)
(
	cd hadoop
	cp "$S/sales-metrics.json" .
	pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
		"$S/sales-events.csv.zst" >events.ndjson
	run_page "$ROOT/scripts/pulse-hadoop.1"
	pulse-metrics --defs sales-metrics.json events.ndjson | cmp - ex2.out &&
		echo "the metrics of one process"
)
