# pulse-shard --hosts FILE: an empty file, one of comments only, CRLF line
# ends, a NUL byte, a byte order mark and a directory are named errors
# before any ssh (65, or 66 for what cannot be read)
printf '{"kind":"event","user_id":1,"event":"a","ts":"2026-01-01T00:00:00Z"}\n' >e.ndjson
try() {
	pulse-shard --hosts "$1" 2 'pulse-sankey' e.ndjson >/dev/null 2>err
	echo "$1: exit $?"
	head -n 1 err >&2
}
set +e
: >empty
try empty
printf '# the hosts\n\n   \n' >comments
try comments
printf 'h1\r\nh2\r\n' >crlf
try crlf
printf 'h1\n\0h2\n' >nul
try nul
printf '\357\273\277h1\nh2\n' >bom
try bom
mkdir dir
try dir
try missing
pulse-shard --send 2 'pulse-sankey' e.ndjson 2>&1 | head -n 1
