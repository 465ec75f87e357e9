# count records of the wrong shape under --on-error=skip: a key of another
# length than "by", a count that is not a count, a sum that is not a
# number: each named and skipped, the good one stays in its table
{
echo '{"kind":"count","by":["state"],"key":["closed"],"count":1}'
echo '{"kind":"count","by":["state"],"key":["open","x"],"count":2}'
echo '{"kind":"count","by":["state"],"key":["open"],"count":-2}'
echo '{"kind":"count","by":["state"],"key":["open"],"count":2,"sum":{"a":"7"},"sum_skipped":{"a":0}}'
echo '{"kind":"count","by":[""],"key":["open"],"count":2}'
} > in.ndjson
pulse-render --on-error=skip in.ndjson | sed -n '/^## Tallies/,/^---/p'
