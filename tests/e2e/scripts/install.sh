# make install puts the six scripts, their library pulse-lib.sh (not a
# program: mode 644) and their man pages beside the programs; the
# installed scripts find the library beside themselves (also through a
# symlink), the programs on PATH or beside themselves, the default metric
# definitions under share/pulse; make uninstall takes it all away.
san=
case $B in */san) san=1 ;; esac
I=$PWD/inst
make -C "$ROOT" -s install DESTDIR="$I" PREFIX=/usr SAN=$san >/dev/null
cd "$I/usr/bin"
ls pulse-daily pulse-hadoop pulse-leads-report pulse-shard pulse-telegram pulse-ticket-report
stat -c '%A %n' pulse-lib.sh
ls | grep -c -e '\.1$' -e '\.cron$' || true
cd "$I/usr/share/man/man1"
ls pulse-daily.1 pulse-hadoop.1 pulse-leads-report.1 pulse-shard.1 pulse-telegram.1 pulse-ticket-report.1
cd "$I/.."
echo "-- the installed scripts, the programs only beside them"
P=/usr/bin:/bin
for s in pulse-daily pulse-hadoop pulse-leads-report pulse-shard pulse-telegram pulse-ticket-report; do
	env PATH=$P "$I/usr/bin/$s" --version
done
mkdir elsewhere
ln -s "$I/usr/bin/pulse-telegram" elsewhere/telegram
env PATH=$P elsewhere/telegram --version
env PATH=$P "$I/usr/bin/pulse-ticket-report" --as-of 2026-01-21T18:00:00Z \
	--tickets "$SAMPLES/odoo-tickets.json.zst" --staff-users "$SAMPLES/odoo-users.json" \
	"$SAMPLES/odoo-messages.json.zst" | head -n 1
S=$SAMPLES
env PATH=$P "$I/usr/bin/pulse-daily" --source events --dry-run --state-dir st --chat-id 1 \
	--day 2026-01-20 -- --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" | cut -c 1-60
echo "-- a library that is not there: 69"
cp "$I/usr/bin/pulse-shard" elsewhere/
rc=0
env PATH=$P elsewhere/pulse-shard --version 2>err || rc=$?
echo "exit $rc: $(sed "s|$PWD|.|" err)"
echo "-- make uninstall"
make -C "$ROOT" -s uninstall DESTDIR="$I" PREFIX=/usr SAN=$san >/dev/null
find "$I" -type f | wc -l
