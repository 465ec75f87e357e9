# --dry-run prints what would be sent, one line per request, without the
# token and without a token needed; nothing is posted
pulse-render -f svg "$ROOT/tests/e2e/render/sales-hist.ndjson" > chart.svg
printf '%s\n' '{"chat_id":42,"text":"<b>Hi</b> & bye","parse_mode":"HTML"}' > p.ndjson
env -u TELEGRAM_BOT_TOKEN TELEGRAM_API_BASE=http://127.0.0.1:9 \
	pulse-telegram --dry-run --chat-id 42 --photo chart.svg --caption 'Chart' p.ndjson
echo "exit $?"
TELEGRAM_BOT_TOKEN=123:secret-token pulse-telegram -n p.ndjson > out 2> err
cat out
cat err >&2
cat out err | grep -c secret-token || true
