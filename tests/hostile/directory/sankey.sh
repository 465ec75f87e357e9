# a directory as input: 66
mkdir d
pulse-sankey d || echo "exit $?"
