# Event names are numbered in 16 bits: the events of a 65536th distinct
# name and beyond are bad records, and a name that once failed never
# takes another name's place.  The names are numbered per thread: with
# -j N (N > 1) each thread meets only its users' names, and the 65537
# names here fit (-j 2 below: every name, no bad record)
awk 'BEGIN { for (i = 0; i < 65537; i++) printf "{\"user_id\":%d,\"ts\":\"2025-03-01T10:00:00Z\",\"event\":\"e%d\"}\n{\"user_id\":%d,\"ts\":\"2025-03-01T11:00:00Z\",\"event\":\"e%d\"}\n", i, i, i, i }' > many.ndjson
pulse-sankey -j 1 --on-error=skip many.ndjson 2>err > out
wc -l < out
grep -c '"from":"e6553[56]"' out || true
cat err
pulse-sankey -j 2 many.ndjson | wc -l
