# --photo posts one picture with sendPhoto (multipart): an SVG is turned
# into a PNG with rsvg-convert first; --caption and --chat-id go with it
. "$ROOT/tests/telegram/fake-env.sh"
fake_start
pulse-render -f svg "$ROOT/tests/e2e/render/sales-metrics.ndjson" > chart.svg
pulse-telegram --chat-id -1001234 --photo chart.svg --caption 'Продажи: 28.02 "итог"'
echo "exit $?"
jq -c '[.n, .path == "/bot\(env.TELEGRAM_BOT_TOKEN)/sendPhoto", .status, (.headers["content-type"] | startswith("multipart/form-data")), .fields.chat_id, .fields.caption, .fields.photo.png, .fields.photo.size > 10000]' fake.log
echo "-- a PNG as it is, and messages in the same run"
rsvg-convert chart.svg -o chart.png
fake_start
echo '{"chat_id":5,"text":"hi"}' | pulse-telegram --chat-id 5 --photo chart.png -
jq -c '[.n, (.path | sub(".*/"; "")), .status, .fields.photo.png // .body.text]' fake.log
echo "-- not a picture: refused, exit 69"
echo 'plain text' > notes.txt
fake_start
set +e
pulse-telegram --chat-id 5 --photo notes.txt 2> err
echo "exit $?"
set -e
cat err
