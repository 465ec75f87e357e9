# The committed samples are what the generator makes now (samples/regen.sh
# run into this directory, compared after decompression), and their .zst
# files are intact.
command -v zstd >/dev/null || { echo 'zstd not installed' >&2; exit 77; }
"$SAMPLES/regen.sh" new >/dev/null
cd new
for f in odoo-messages.json.zst odoo-tickets.json.zst odoo-labels.ndjson.zst \
	odoo-small.json.zst odoo-users.json odoo-sample.rules odoo-small.json \
	odoo-small-tickets.json odoo-small-labels.ndjson; do
	case $f in
	*.zst) zstd -q -t "$SAMPLES/$f" || echo "$f: corrupt"
	       zstd -dc "$SAMPLES/$f" | cmp -s - <(zstd -dc "$f") ;;
	*) cmp -s "$SAMPLES/$f" "$f" ;;
	esac && echo "$f: current" || echo "$f: differs (run samples/regen.sh)"
done
zstd -dc "$SAMPLES/odoo-small.json.zst" | cmp -s - "$SAMPLES/odoo-small.json" &&
	echo 'odoo-small.json.zst holds odoo-small.json'
