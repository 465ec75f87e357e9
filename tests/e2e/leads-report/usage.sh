# pulse-leads-report: usage errors exit 64, a missing export 66, a failing
# stage's status is the script's; --help on stdout
cp "$ROOT/tests/e2e/leads-report/data/leads.json" .
t() {
	set +e
	pulse-leads-report "$@" > out 2> err
	echo "$*: exit $?"
	set -e
	head -n 1 err
}
t
t --lang de leads.json
t --stale-days soon leads.json
t --by weekday leads.json
t --frobnicate
t nosuch.json
printf '{"result":[{"ID":"1","TITLE":"x","DATE_CREATE":"yesterday"}]}\n' > bad.json
t bad.json
pulse-leads-report --help | head -n 1
pulse-leads-report --version
