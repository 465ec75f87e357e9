# a metric chart whose values are below 1 (a mean of 0.43 over days of 0)
# labelled its y axis 0, 0.2, 0.4, 0.6000000000000001, 0.8: the double of
# 3 x 0.2 printed in full; the labels now have the decimals of the step
{
for d in 1 2 3 4 5 6 7; do
	echo "{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-0$d\",\"value\":0}"
done
echo '{"kind":"metric","name":"m","day":"2025-03-08","value":0,"mean_7d":0.43}'
echo '{"kind":"metric","name":"m","day":"2025-03-09","value":0,"mean_7d":0.7}'
} > m.ndjson
pulse-render --format svg m.ndjson | grep 'class="tick"' | sed 's/.*>\([^<]*\)<\/text>$/\1/'
pulse-render --format svg --lang ru m.ndjson | grep 'class="tick"' | sed 's/.*>\([^<]*\)<\/text>$/\1/' | tr '\n' ' '
echo
