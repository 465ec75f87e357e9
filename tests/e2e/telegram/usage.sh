# usage errors exit 64; a line that is not a payload is reported (65) and
# the good lines are still sent; an input that cannot be read is 66
. "$ROOT/tests/telegram/fake-env.sh"
fake_start
set +e
for args in "--max-tries 0" "--photo x.png" "--caption hi" "--api ftp://x" "--bogus"; do
	echo "# $args" >&2
	pulse-telegram $args < /dev/null 2> err
	echo "$args: exit $?"
	head -n 1 err >&2
done
echo png > x.png
echo '# --caption of 1025 Cyrillic letters' >&2
pulse-telegram --chat-id 1 --photo x.png --caption "$(printf 'ж%.0s' $(seq 1025))" 2>err
head -n 1 err >&2
echo '# --caption of 513 emoji' >&2
pulse-telegram --chat-id 1 --photo x.png --caption "$(printf '📈%.0s' $(seq 513))" 2>err
head -n 1 err >&2
printf '%s\n' '{"chat_id":1,"text":"a"}' 'not json' '[1,2]' '{"chat_id":1,"text":"b"}' > p.ndjson
echo '# bad lines, a missing file' >&2
pulse-telegram p.ndjson missing.ndjson
echo "exit $?"
set -e
jq -c '[.n, .status, .body.text]' fake.log
pulse-telegram --version
pulse-telegram --help | head -n 1
