# -o onto a device or a FIFO writes in place: the atomic rename used for
# regular files must never replace /dev/null with a regular file.
echo '{"a":1}' | pulse-tally -o /dev/null
test -c /dev/null && echo "/dev/null is still a device"
rc=0
echo '{"a":1}' | pulse-tally -o /dev/full 2>err || rc=$?
echo "exit $rc"
cat err
test -c /dev/full && echo "/dev/full is still a device"
mkfifo fifo
cat fifo > got &
echo '{"a":1}' | pulse-tally -o fifo
wait
cat got
echo
# a regular file is replaced atomically, and no temporary is left behind
echo '{"a":1}' | pulse-tally -o out.ndjson
ls -A | sort
# -o onto a symbolic link replaces the file it points to and keeps the link;
# an existing file keeps its permissions
echo old > target
chmod 640 target
ln -s target link
echo '{"a":1}' | pulse-tally -o link
test -L link && echo "link is still a link"
stat -c %a target
cat target
# a bad record in fail mode: the records before it are written (as jq does)
set -o pipefail
rc=0
printf '%s\n' '{"id":1,"date":"2026-01-01 10:00:00","model":"helpdesk.ticket","res_id":5,"message_type":"email","body":"<p>hi</p>"}' '{"bad"' |
	pulse-extract odoo --no-default-rules 2>err >out || rc=$?
echo "exit $rc, $(wc -l <out) record written before the bad one"
cat err
