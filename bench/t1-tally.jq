# T1 for jq: events per name, as pulse-tally -b event counts them.
# Streams the input (jq -n ... inputs): one counter per name.
# Output: event TAB count.
reduce inputs.event as $e ({}; .[$e] += 1)
| to_entries[] | "\(.key)\t\(.value)"
