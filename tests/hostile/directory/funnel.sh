# a directory as input: 66
mkdir d
pulse-funnel d || echo "exit $?"
