# every string from the records is escaped in the SVG (& < > " ' as
# entities, control characters as spaces), in labels, tooltips and titles;
# a name too long for the gap between columns is cut with an ellipsis and
# kept whole in the label's <title>
C=$ROOT/tests/tools/svg_check.py
long=$(printf 'Очень длинное название события %.0s' 1 2 3 4 5 6 7 8)
cat > links.ndjson <<J
{"kind":"link","step":1,"from":"A <b> & \"q\" 'x'","to":"ctrl\u0001char]]>","value":3}
{"kind":"link","step":1,"from":"A <b> & \"q\" 'x'","to":"$long","value":2}
{"kind":"link","step":2,"from":"$long","to":"</text><script>alert(1)</script>","value":1}
J
pulse-render -f svg links.ndjson > s.svg
xmllint --noout s.svg && echo "xmllint: ok"
python3 "$C" valid s.svg
python3 "$C" labels s.svg
grep -c '<script' s.svg || true
grep -o 'A &lt;b&gt; &amp; &quot;q&quot; &apos;x&apos;' s.svg | sort | uniq -c
grep -o 'ctrl char\]\]&gt;' s.svg | sort | uniq -c
grep 'class="label"' s.svg | grep -o '<title>[^<]*</title>Очень[^<]*' | sed 's/<title>[^<]*<\/title>/title + /' | sort -u
echo "-- metric titles and histogram events"
printf '%s\n' '{"kind":"metric","name":"m","title":"<Оплаты> & \"co\"","day":"2025-03-01","value":1}' > m.ndjson
pulse-render -f svg m.ndjson > m.svg
xmllint --noout m.svg && python3 "$C" valid m.svg
grep -o '&lt;Оплаты&gt; &amp; &quot;co&quot;' m.svg
printf '%s\n' '{"kind":"histogram","field":"hours_to_next","by":[],"key":[],"edges":[1,2],"counts":[1,2,3],"count":6,"sum":9,"null":0,"event":"a<b & c>d","p50":1.5,"p90":2.5,"unit":"hours"}' > h.ndjson
pulse-render -f svg h.ndjson > h.svg
xmllint --noout h.svg && python3 "$C" valid h.svg
grep -o 'a&lt;b &amp; c&gt;d' h.svg
echo "-- --title too"
pulse-render -f svg --title 'Q1 <draft> & "final"' m.ndjson | grep -o 'class="title"[^>]*>[^<]*'
