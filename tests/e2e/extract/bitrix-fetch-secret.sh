# pulse-extract bitrix --fetch: the webhook's secret is never on a command
# line (/proc/PID/cmdline) and never printed: not in -v, not in errors,
# not in the records or the bookmark; the URL comes from
# $PULSE_BITRIX_WEBHOOK or --webhook-file
. "$ROOT/tests/fake/env.sh"
bitrix_data d 120
bitrix_start d --delay 0.2 --fault crm.lead.list:2:500 --fault crm.deal.list:1+:expired
pulse-extract bitrix --fetch --rate 1000 -v --state st > out 2> err &
pid=$!
sleep 0.5
tr '\0' ' ' < /proc/$pid/cmdline > cmdline
# every process's command line, the secret read from the environment
python3 - > procs <<'PY'
import glob, os
s = os.environ["FAKE_BITRIX_SECRET"].encode()
n = 0
for p in glob.glob("/proc/[0-9]*/cmdline"):
    try:
        n += s in open(p, "rb").read()
    except OSError:
        pass
print("command lines with the secret:", n)
PY
wait $pid || echo "exit $?"
cat procs
grep -c -e "$FAKE_BITRIX_SECRET" cmdline out err || true
grep -c 'rest/1/\*\*\*/crm' err
tail -1 err | sed "s/$FAKE_PORT/PORT/"
# from a file, its first line; the environment's is not needed
bitrix_start d
echo "$PULSE_BITRIX_WEBHOOK" > hook
chmod 600 hook
env -u PULSE_BITRIX_WEBHOOK pulse-extract bitrix --fetch --rate 1000 \
	--webhook-file hook -v --state st2 > out2 2> err2
grep -c -e "$FAKE_BITRIX_SECRET" out2 err2 st2 || true
# a wrong secret: the portal says so, the URL still masked
echo "$FAKE_URL/rest/1/WRONG-s3cret-123/" > bad
pulse-extract bitrix --fetch --webhook-file bad 2>&1 | sed "s/$FAKE_PORT/PORT/" || true
pulse-extract bitrix --fetch --webhook-file bad > /dev/null 2>&1 || echo "exit $?"
