# the token: from TELEGRAM_BOT_TOKEN or --token-file; never on a command
# line (a curl on PATH that records its arguments and its standard input
# shows it only in the config curl reads from stdin); a missing or
# malformed token is a usage error (64) that does not print it
. "$ROOT/tests/telegram/fake-env.sh"
fake_start
mkdir bin
real=$(command -v curl)
cat > bin/curl <<W
#!/bin/sh
printf '%s\n' "\$@" >> "$PWD/argv.log"
tee -a "$PWD/stdin.log" | "$real" "\$@"
W
chmod +x bin/curl
echo '{"chat_id":1,"text":"t"}' > p.ndjson
printf '%s\n' "$TELEGRAM_BOT_TOKEN" > token.txt
env -u TELEGRAM_BOT_TOKEN PATH="$PWD/bin:$PATH" pulse-telegram --token-file token.txt p.ndjson
echo "exit $?"
echo "token in argv: $(grep -cF "$TELEGRAM_BOT_TOKEN" argv.log || true), in curl's stdin: $(grep -cF "$TELEGRAM_BOT_TOKEN" stdin.log)"
sed "s/$TELEGRAM_BOT_TOKEN/<token>/; s/127.0.0.1:[0-9]*/127.0.0.1:PORT/; s/@.*payload/@TMP\/payload/" stdin.log
jq -c '[.n, .status]' fake.log
echo "-- no token"
set +e
echo '# no token' >&2
env -u TELEGRAM_BOT_TOKEN pulse-telegram p.ndjson
echo "exit $?"
TELEGRAM_BOT_TOKEN='12 34" --oops' pulse-telegram p.ndjson 2> err
echo "exit $?"
set -e
echo '# a malformed token' >&2
cat err >&2
grep -c oops err || true
