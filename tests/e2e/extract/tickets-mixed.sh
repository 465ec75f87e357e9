# A tickets file with both variants says so; a bad ticket record stops
# the run (exit 65) naming the file and line.
cat >t.ndjson <<'X'
{"id":1,"ticket_ref":"001","name":"A"}
{"id":2,"number":"HT002","name":"B"}
{"id":3,"number":"HT003","channel_id":[1,"Phone"]}
X
echo '# both variants'; echo '# both variants' >&2
pulse-extract odoo --no-default-rules --tickets t.ndjson </dev/null
printf '{"id":1,"name":"A"}\n{"id":"2","name":"B"}\n' >bad.ndjson
echo '# a bad ticket record'; echo '# a bad ticket record' >&2
pulse-extract odoo --no-default-rules --tickets bad.ndjson </dev/null ||
	echo "exit $?"
