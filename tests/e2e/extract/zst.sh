# zstd input is recognised by its magic bytes, whatever the file's name,
# for arrays and NDJSON alike, and on stdin.
D=$ROOT/tests/e2e/extract/data
pulse-extract odoo --no-default-rules "$D/messages.json" >plain.out
zstd -q "$D/messages.json" -o m.json.zst
zstd -q "$D/messages.ndjson" -o m.ndjson.zst
cp m.json.zst noext
pulse-extract odoo --no-default-rules m.json.zst >a.out
pulse-extract odoo --no-default-rules m.ndjson.zst >b.out
pulse-extract odoo --no-default-rules noext >c.out
pulse-extract odoo --no-default-rules <m.json.zst >d.out
for f in a b c d; do cmp plain.out $f.out && echo "$f same"; done
