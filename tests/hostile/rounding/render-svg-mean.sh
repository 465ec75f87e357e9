# the metrics chart of a mean_7d in full precision (22/7 =
# 3.142857142857143) is the chart of the 3.14 the record once held: the
# dashed line is drawn at the rounded mean, not 0.1 px off
m() {
	for d in 1 2 3 4 5 6 7; do
		echo "{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-0$d\",\"value\":0,\"prev_day\":null,\"week_ago\":null,\"mean_7d\":null}"
	done
	echo "{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-08\",\"value\":3,\"prev_day\":0,\"week_ago\":0,\"mean_7d\":$1}"
}
m 3.142857142857143 > full.ndjson
m 3.14 > today.ndjson
pulse-render --format svg full.ndjson > full.svg
pulse-render --format svg today.ndjson > today.svg
cmp full.svg today.svg && echo "the same chart"
grep -o '<polyline class="mean"[^>]*points="[^"]*"' full.svg | sed 's/.*points=//'
