# a directory among the inputs: 66, and the other inputs are still read
mkdir d
echo "{\"a\":1}" >in.ndjson
pulse-tally --by a d in.ndjson || echo "exit $?"
