# a reader that goes away early (| head -1) ends the run quietly, status 0
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"id\":%d}\n", i }' > in.ndjson
set -o pipefail
pulse-tally --by id in.ndjson | head -n 1
echo "status ${PIPESTATUS[0]}"
