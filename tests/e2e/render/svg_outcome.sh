# The processing-time histograms split by outcome (pulse-metrics
# --durations --by-outcome): the two records of an event share one panel,
# a pair of bars per bucket (green: the events a payment followed, blue:
# the others), each bar the share of its own group, a legend with each
# group's n, p50 and p90, the counts over the bars where they fit, the
# four quantile lines in the groups' colours; a record alone gets a panel
# of its own with its outcome in the title.
S=$SAMPLES
C=$ROOT/tests/tools/svg_check.py
pulse-extract events --dict "$S/sales-dict.csv" --payments "$S/sales-payments.csv.zst" \
	"$S/sales-events.csv.zst" > events.ndjson
pulse-metrics --by-outcome --durations 'Назначение задачи на звонок 1Л,Назначена задача на вторую линию' \
	events.ndjson > d.ndjson
pulse-render -f svg d.ndjson > d.svg
python3 "$C" valid d.svg
rsvg-convert d.svg -o d.png && python3 "$C" pngsize d.png
grep -o 'class="\(title\|panel\|legend\|note\)"[^>]*>[^<]*' d.svg | sed 's/.*>//'
python3 "$C" labels d.svg xlabel,value,quantile,panel,tick,subtitle,title,note,legend
echo "-- two panels, 17 pairs of bars each, in two colours"
grep -c 'class="panel"' d.svg
grep -o '<g class="bars" fill="[^"]*"' d.svg | sort | uniq -c
echo "-- every bar's count and share, against the records"
jq -r '.outcome as $o | .count as $n | .counts | to_entries[] |
	"\(if $o == "payment" then "ended in a payment" else "other" end) \(.value) of \($n)"' d.ndjson > want
grep -o '<rect [^>]*><title>[^<]*' d.svg | sed 's/.*<title>//' |
	sed 's/^\(ended in a payment\|other\), [^:]*: \([0-9]* of [0-9]*\) .*/\1 \2/' > got
cmp want got && echo "$(wc -l < got) bars: the counts of the records"
grep -o '<rect [^>]*><title>[^<]*' d.svg | sed -n '4p;21p' | sed 's/.*<title>//'
echo "-- the bar heights are the shares (plot 170 high): 4th bucket of each group"
grep -o '<rect [^>]*height="[0-9.]*"><title>[^<]*' d.svg | sed -n '4p;21p' |
	sed 's/.*height="\([0-9.]*\)".*(\([0-9.]*\)%)$/\1 \2/'
grep -o '^<text [^>]*class="tick"[^>]*>[^<]*' d.svg | sed 's/.*>//' | sed -n '1,5p' | paste -sd ' '
echo "-- quantile lines: p50 and p90 of each group, in its colour"
sed -n '/class="quantiles"/,/<\/g>/p' d.svg | grep -o 'stroke="#[0-9a-f]*"' | sort | uniq -c
echo "-- in Russian, with the labels of a names file"
printf 'event,label\nНазначение задачи на звонок 1Л,Звонок первой линии\n' > ru.csv
pulse-render -f svg --lang ru --names ru.csv d.ndjson > ru.svg
grep -o 'class="\(panel\|legend\|note\)"[^>]*>[^<]*' ru.svg | sed 's/.*>//'
python3 "$C" labels ru.svg xlabel,value,quantile,panel,tick,subtitle,title,note,legend
echo "-- one outcome alone: its own panel, the outcome in its title"
jq -c 'select(.outcome == "other")' d.ndjson | head -n 1 | pulse-render -f svg |
	grep -o 'class="panel"[^>]*>[^<]*' | sed 's/.*>//'
echo "-- an outcome pulse-metrics does not write: a bad record, 65"
jq -c 'select(.outcome == "other") | .outcome = "won"' d.ndjson | head -n 1 > bad.ndjson
pulse-render -f svg bad.ndjson > /dev/null 2> err && echo "no failure?" || echo "exit $?"
cat err
echo "-- a second record of one outcome (two runs not merged): drawn alone, none dropped"
{ head -n 2 d.ndjson; head -n 1 d.ndjson; } | pulse-render -f svg |
	grep -o 'class="panel"[^>]*>[^<]*' | sed 's/.*>//'
