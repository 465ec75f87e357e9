# pulse-extract odoo --fetch: no URL, no key, an empty key file, a URL
# that is not http(s), jsonrpc without the database or login are exit 78;
# a key file that cannot be read 66; files, --tickets or --staff-users with
# --fetch, --state or --key-file without it, a bad --api, 64
unset PULSE_ODOO_URL PULSE_ODOO_KEY PULSE_ODOO_DB PULSE_ODOO_LOGIN
pulse-extract odoo --fetch || echo "exit $?"
export PULSE_ODOO_URL=https://odoo.example
pulse-extract odoo --fetch || echo "exit $?"
: > empty
pulse-extract odoo --fetch --key-file empty || echo "exit $?"
pulse-extract odoo --fetch --key-file missing || echo "exit $?"
export PULSE_ODOO_KEY=K3ySecret0doo
PULSE_ODOO_URL=ftp://odoo.example pulse-extract odoo --fetch ||
	echo "exit $?"
pulse-extract odoo --fetch --api jsonrpc || echo "exit $?"
pulse-extract odoo --fetch m.json 2>&1 | head -1
pulse-extract odoo --fetch --tickets t.json 2>&1 | head -1
pulse-extract odoo --state st m.json 2>&1 | head -1
pulse-extract odoo --fetch --api xmlrpc 2>&1 | head -1
