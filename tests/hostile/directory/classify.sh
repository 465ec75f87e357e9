# a directory given as input or as --rules is no input (66), not a read error (74)
mkdir d
pulse-classify --as-of 2026-01-21T18:00:00Z d || echo "exit $?"
pulse-classify --rules d </dev/null || echo "exit $?"
