# pulse-extract odoo --fetch: the API key is never on a command line
# (/proc/PID/cmdline) and never printed: not in -v, not in errors, not in
# the records or the bookmark, over either API; it comes from
# $PULSE_ODOO_KEY or --key-file
. "$ROOT/tests/fake/env.sh"
odoo_samples d
odoo_start d --delay 0.1 --fault mail.message.search_read:2:500 \
	--fault mail.message.search_read:4+:401
pulse-extract odoo --fetch --limit 10 -v --state st > out 2> err &
pid=$!
sleep 0.5
python3 - > procs <<'PY'
import glob, os
s = os.environ["FAKE_ODOO_KEY"].encode()
n = 0
for p in glob.glob("/proc/[0-9]*/cmdline"):
    try:
        n += s in open(p, "rb").read()
    except OSError:
        pass
print("command lines with the key:", n)
PY
wait $pid || echo "exit $?"
cat procs
grep -c -e "$FAKE_ODOO_KEY" out err || true
[ -e st ] && echo "bookmark written"
tail -1 err
# JSON-RPC sends the key in each body: not in -v either
odoo_start d --fault mail.message.search_read:1:500
pulse-extract odoo --fetch --api jsonrpc -v --retries 1 --state st2 \
	> out2 2> err2
grep -c -e "$FAKE_ODOO_KEY" out2 err2 st2 || true
# from a file, its first line; the environment's is not needed
echo "$FAKE_ODOO_KEY" > key
chmod 600 key
env -u PULSE_ODOO_KEY pulse-extract odoo --fetch --key-file key > out3 \
	2> err3
cmp out2 out3 && echo "the same records with --key-file"
