# The committed Bitrix24 samples are what pulse-gen bitrix makes now
# (samples/regen.sh run into this directory, compared after
# decompression), and their .zst files are intact.
command -v zstd >/dev/null || { echo 'zstd not installed' >&2; exit 77; }
"$SAMPLES/regen.sh" new >/dev/null
cd new
for f in bitrix-*; do
	case $f in
	*.zst) zstd -q -t "$SAMPLES/$f" || echo "$f: corrupt"
	       zstd -dc "$SAMPLES/$f" | cmp -s - <(zstd -dc "$f") ;;
	*) cmp -s "$SAMPLES/$f" "$f" ;;
	esac && echo "$f: current" || echo "$f: differs (run samples/regen.sh)"
done
zstd -dc "$SAMPLES/bitrix-small-leads.json.zst" | cmp -s - "$SAMPLES/bitrix-small-leads.json" &&
	echo 'bitrix-small-leads.json.zst holds bitrix-small-leads.json'
