#!/bin/sh
# regen.sh - regenerate the committed samples with pulse-gen (see README.md).
#
#   samples/regen.sh [DIR]
#
# Writes into DIR (default: this directory).  pulse-gen is taken from PATH,
# else from ../build/bin.  The output is deterministic: run it after a change
# of the generator and commit what changed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
if command -v pulse-gen >/dev/null 2>&1; then
	gen=pulse-gen
elif [ -x "$here/../build/bin/pulse-gen" ]; then
	gen=$here/../build/bin/pulse-gen
else
	echo "regen.sh: pulse-gen not found (run make first)" >&2
	exit 69
fi
command -v zstd >/dev/null 2>&1 || { echo "regen.sh: zstd not found" >&2; exit 69; }
mkdir -p "$out"
cd "$out"

# The default export: 1000 tickets over the 107 days before 2026-01-21T18:00Z.
"$gen" odoo --messages odoo-messages.json --tickets-out odoo-tickets.json \
	--users odoo-users.json --rules-out odoo-sample.rules \
	--labels odoo-labels.ndjson
# The small readable one: 30 tickets over 30 days, mostly the tricky cases.
"$gen" odoo --tickets 30 --days 30 --messages odoo-small.json \
	--tickets-out odoo-small-tickets.json --labels odoo-small-labels.ndjson

# The sales events (PostgreSQL tables as CSV, samples/sales-schema.sql):
# 2000 users over the 60 days before 2026-01-21, and a small readable one,
# 200 users over 30 days; the dictionary is the same for both.
"$gen" events --users 2000 --events sales-events.csv \
	--payments sales-payments.csv --dict sales-dict.csv
"$gen" events --users 200 --days 30 --events sales-small-events.csv \
	--payments sales-small-payments.csv

# The Bitrix24 export of the car-parts shop: 1200 leads over the 183 days
# before 2026-01-21T18:00+03:00 (317 without a UTM source, 45 without stage
# history, the hot lead), and a small readable one, 120 leads over 60 days.
"$gen" bitrix --leads-out bitrix-leads.json --deals bitrix-deals.json \
	--history bitrix-history.json --deal-history bitrix-deal-history.json \
	--csv bitrix-leads.csv --users bitrix-users.json \
	--statuses bitrix-statuses.json --ad-map bitrix-ads.csv \
	--aliases bitrix-aliases.csv --facts bitrix-facts.json
"$gen" bitrix --leads 120 --days 60 --leads-out bitrix-small-leads.json \
	--deals bitrix-small-deals.json --history bitrix-small-history.json \
	--deal-history bitrix-small-deal-history.json \
	--csv bitrix-small-leads.csv --facts bitrix-small-facts.json

for f in odoo-messages.json odoo-tickets.json odoo-labels.ndjson \
	sales-events.csv sales-payments.csv bitrix-leads.json bitrix-deals.json \
	bitrix-history.json bitrix-deal-history.json bitrix-leads.csv; do
	zstd -q -f -19 --rm "$f"
done
zstd -q -f -19 odoo-small.json
zstd -q -f -19 sales-small-events.csv
zstd -q -f -19 sales-small-payments.csv
zstd -q -f -19 bitrix-small-leads.json
zstd -q -t odoo-messages.json.zst odoo-tickets.json.zst odoo-labels.ndjson.zst \
	odoo-small.json.zst sales-events.csv.zst sales-payments.csv.zst \
	sales-small-events.csv.zst sales-small-payments.csv.zst \
	bitrix-leads.json.zst bitrix-deals.json.zst bitrix-history.json.zst \
	bitrix-deal-history.json.zst bitrix-leads.csv.zst bitrix-small-leads.json.zst
