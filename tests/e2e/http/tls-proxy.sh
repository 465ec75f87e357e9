# lib/http.c: TLS is verified (a self-signed server is refused, exit 69);
# -C (--cacert) trusts a private CA; http_proxy is respected
. "$ROOT/tests/fake/env.sh"
command -v openssl > /dev/null || { echo "no openssl" >&2; exit 77; }
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout key.pem -out cert.pem 2> /dev/null
fake_run http-faults --tls cert.pem key.pem
G=$B/tests/tools/httpget
$G -n 0 "https://127.0.0.1:$FAKE_PORT/ok" 2>&1 | sed "s/$FAKE_PORT/PORT/" || true
$G -n 0 "https://127.0.0.1:$FAKE_PORT/ok" > /dev/null 2>&1 || echo "exit $?"
$G -n 0 -C cert.pem "https://127.0.0.1:$FAKE_PORT/ok" 2>&1
$G -n 0 -C missing.pem "https://127.0.0.1:$FAKE_PORT/ok" > /dev/null 2>&1 || echo "exit $?"
fake_run http-faults
http_proxy=$FAKE_URL $G "http://pulse-via-proxy.invalid/ok" 2>&1
cat fake.log
