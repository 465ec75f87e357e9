# pulse-funnel: top_sources of the first month of the period knows
# nothing of the month before it: previous, change and change_share are
# null there, not 0, +leads and null; in later months a source that had no
# leads the month before has previous 0.  The period starts at --from
# when given, else at the first record; a --from that is not the 1st
# leaves its month incomplete: the month after it has no previous either.
L='"kind":"lead","status":"NEW","semantic":"P","modified":null'
{
	echo "{$L,\"id\":\"1\",\"utm_source\":\"web\",\"created\":\"2023-12-20T10:00:00Z\"}"
	echo "{$L,\"id\":\"2\",\"utm_source\":\"web\",\"created\":\"2024-01-10T10:00:00Z\"}"
	echo "{$L,\"id\":\"3\",\"utm_source\":\"web\",\"created\":\"2024-02-10T10:00:00Z\"}"
	echo "{$L,\"id\":\"4\",\"utm_source\":\"ads\",\"created\":\"2024-02-11T10:00:00Z\"}"
	echo "{$L,\"id\":\"5\",\"utm_source\":\"web\",\"created\":\"2024-02-12T10:00:00Z\"}"
} >in.ndjson
pulse-funnel --as-of 2024-03-01T00:00:00Z in.ndjson | grep '"table":"top_sources"'
echo "-- --from 2024-01-01"
pulse-funnel --as-of 2024-03-01T00:00:00Z --from 2024-01-01 in.ndjson | grep '"table":"top_sources"'
echo "-- --from 2024-01-15"
pulse-funnel --as-of 2024-03-01T00:00:00Z --from 2024-01-15 in.ndjson | grep '"table":"top_sources"'
