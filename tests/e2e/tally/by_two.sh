# --by two fields (comma list, or --by given twice); values keep their JSON type
cat > in.ndjson <<'J'
{"state":"open","priority":"urgent","n":1}
{"state":"closed","priority":null,"n":2}
{"state":"open","priority":"urgent","n":1.0}
{"state":"open","priority":"low","n":1}
{"state":"closed","priority":null,"n":2,"x":true}
J
pulse-tally --by state,priority in.ndjson
echo "--"
pulse-tally --by state --by n in.ndjson
echo "--"
pulse-tally -b 'x, state' in.ndjson
