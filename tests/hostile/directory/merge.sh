# a directory as input: 66
mkdir d
pulse-merge d || echo "exit $?"
