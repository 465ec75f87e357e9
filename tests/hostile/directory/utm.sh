# a directory as input, --map or --alias: 66
mkdir d
pulse-utm d || echo "exit $?"
pulse-utm --map d </dev/null || echo "exit $?"
pulse-utm --alias d </dev/null || echo "exit $?"
