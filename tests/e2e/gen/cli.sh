# pulse-gen's command line: help, version, usage errors (64), write
# errors (74), a closed pipe (quiet 0).
pulse-gen --version
pulse-gen odoo --version
pulse-gen --help | head -n 1
pulse-gen odoo --help | head -n 1
echo '# usage errors'
for args in '' 'nosuch' 'odoo --tickets x' 'odoo --tickets -1' 'odoo --days 0' \
	'odoo --format csv' 'odoo --variant community' 'odoo --as-of yesterday' \
	'odoo extra' 'odoo --bogus'; do
	pulse-gen $args >out 2>err && echo "[$args] exit 0" || echo "[$args] exit $?"
	[ -s out ] && echo 'stdout not empty'
	head -n 1 err
done
echo '# write errors'
pulse-gen odoo --tickets 50 >/dev/full 2>err || echo "exit $?"
cat err
pulse-gen odoo --tickets 50 --labels /dev/full >/dev/null 2>err || echo "exit $?"
cat err
pulse-gen odoo --tickets 5 --labels no/such/dir/labels.ndjson >/dev/null 2>err || echo "exit $?"
cat err
pulse-gen odoo --tickets 50 --labels labels.ndjson --tickets-out t.json >/dev/full 2>err ||
	echo "exit $?"
cat err
echo '# no file is left behind, temporary or not'
ls -A
echo '# a closed pipe'
pulse-gen odoo --tickets 100000 | head -c 2
echo
echo "exit ${PIPESTATUS[0]}"
