# a directory as input: 66
mkdir d
pulse-render --format md d >/dev/null || echo "exit $?"
