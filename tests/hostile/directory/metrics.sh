# a directory as input or as --defs: 66
mkdir d
echo "{\"metrics\":[{\"name\":\"v\",\"event\":\"V\"}]}" >defs.json
pulse-metrics --defs defs.json d || echo "exit $?"
pulse-metrics --defs d </dev/null || echo "exit $?"
