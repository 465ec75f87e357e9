# --help and --version on stdout, exit 0; usage errors exit 64 with a
# one-line usage on stderr.
pulse-extract --help | sed -n '1p;/^Sources/,/^$/p'
pulse-extract --version
pulse-extract odoo --version
pulse-extract odoo --help | head -n 1
pulse-extract odoo --help | grep -c -- '--staff-users\|--tickets\|--note-subtype\|--on-error'
for args in "" "nosuch" "--tickets" "odoo --nosuch" "odoo --note-subtype x" \
	"odoo --on-error=maybe" "odoo --tickets"; do
	echo "# pulse-extract $args"; echo "# pulse-extract $args" >&2
	# shellcheck disable=SC2086
	pulse-extract $args </dev/null || echo "exit $?"
done
