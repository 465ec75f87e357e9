# The pulse-gen events EXAMPLES of pulse-gen(1), run as written (the psql
# ones run in tests/e2e/extract/pg-default.sh, against a server).
pulse-gen events --users 2000 --dict dict.csv --payments payments.csv \
    --expected expected.ndjson >events.csv
pulse-extract events --dict dict.csv --payments payments.csv events.csv |
cmp - expected.ndjson && echo 'the expected records'
wc -l <expected.ndjson
