# the script's own usage errors exit 64; a missing export 66; a stage that
# fails makes the whole run fail with that stage's status (bad data: 65)
run() {
	set +e
	pulse-ticket-report "$@" > out 2> err
	echo "$*: exit $?"
	set -e
	head -n 1 err
}
run
run --lang de x.json
run --bogus x.json
run nosuch.json
echo '{"id":1,"model":"helpdesk.ticket","res_id":"x"' > bad.json
set +e
pulse-ticket-report --as-of 2026-01-21 bad.json > out 2> err
echo "bad export: exit $?, $(wc -c < out) bytes of report"
set -e
grep -c '^pulse-extract: bad.json:1: ' err
pulse-ticket-report --help | head -n 1
