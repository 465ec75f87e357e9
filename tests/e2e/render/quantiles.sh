# first response time: median and p90 by linear interpolation between the
# sorted values (R-7: h = (n-1)p, x[h] + (h - floor h)(x[h+1] - x[h]));
# tickets without a first response do not count
run() {
	local id=0 v
	for v in "$@"; do
		id=$((id + 1))
		printf '{"kind":"ticket","ticket_id":%d,"state":"closed","category":"RESPONDED_NO_FOLLOWUP","first_response_hours":%s,"created":"2026-01-05T10:00:00Z"}\n' $id "$v"
	done | pulse-render | grep -E '^\| (First response|Tickets with)'
}
echo "-- one value"
run 5
echo "-- 1 2 3 4: median 2.5, p90 3.7"
run 4 null 1 3 2
echo "-- 1 2 3 4 10: median 3, p90 7.6"
run 10 1 4 2 3
echo "-- 0 10 .. 90: median 45, p90 81"
run 90 0 80 10 70 20 60 30 50 40
echo "-- none"
run null null
