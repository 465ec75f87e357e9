# pulse-tally --hist: a number beyond the range of a double is a bad record
# named by file and line (it was counted in the last bucket, or a tiny
# negative one on the other side of 0, with a null sum and exit 0)
printf '%s\n' '{"a":2}' '{"a":1e309}' '{"a":-1e-400}' '{"a":"-1e999"}' '{"a":3}' >in.ndjson
pulse-tally --hist a --edges 0,10 --on-error=skip in.ndjson
pulse-tally --hist a --edges 0,10 in.ndjson
