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
