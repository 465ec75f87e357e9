# Records pulse-merge cannot combine are bad records (--on-error); a bad
# record adds nothing, and the good ones merge as without it.
cat > good.ndjson <<'J'
{"kind":"count","by":["c"],"key":["a"],"count":2,"sum":{"x":1.5},"sum_skipped":{"x":0}}
{"kind":"histogram","field":"h","by":["c"],"key":["a"],"edges":[0,10],"counts":[0,2,0],"count":2,"sum":7,"null":0}
{"kind":"histogram","field":"hours_to_next","by":["event"],"key":["e"],"edges":[0,1],"counts":[0,3,1],"count":4,"sum":2.5,"null":1,"event":"e","p50":0.667,"p90":1,"unit":"hours"}
{"kind":"link","step":1,"from":"A","to":"B","value":3}
{"kind":"metric","name":"m","day":"2025-03-01","value":1,"partial":true}
{"kind":"metric","name":"m","day":"2025-03-03","value":2,"partial":true}
J
cat > bad.ndjson <<'J'
{"by":["c"],"key":["a"],"count":1}
{"kind":1}
{"kind":"ticket","ticket_id":7}
not json
{"kind":"count","by":["c"],"key":["a"],"count":"3"}
{"kind":"count","by":["c"],"key":["a"],"count":-1}
{"kind":"count","by":["c"],"key":["a"],"count":1,"total":5}
{"kind":"count","by":"c","key":["a"],"count":1}
{"kind":"count","by":["c"],"key":["a"],"count":1,"sum":{"x":"1"},"sum_skipped":{"x":0}}
{"kind":"count","by":["c"],"key":["a"],"count":9223372036854775807}
{"kind":"histogram","field":"h","by":["c"],"key":["a"],"edges":[0,10],"counts":[0,2],"count":2,"sum":7,"null":0}
{"kind":"histogram","field":"h","by":["c"],"key":["a"],"edges":[0,10],"counts":[0,2,1],"count":2,"sum":7,"null":0}
{"kind":"histogram","field":"h","by":["c"],"key":["a"],"edges":[10,0],"counts":[0,2,0],"count":2,"sum":7,"null":0}
{"kind":"histogram","field":"hours_to_next","by":["event"],"key":["e"],"edges":[0,1],"counts":[0,1,0],"count":1,"sum":0.5,"null":0,"event":"f","p50":0.5,"p90":0.9,"unit":"hours"}
{"kind":"link","step":1,"from":"A","to":"B","value":0}
{"kind":"link","step":0,"from":"A","to":"B","value":1}
{"kind":"link","step":1,"to":"B","value":1}
{"kind":"metric","name":"m","day":"2025-03-02","value":5,"prev_day":1,"week_ago":null,"mean_7d":null}
{"kind":"metric","name":"m","day":"2025-03-02","value":5}
{"kind":"metric","name":"m","day":"2025-02-30","value":5,"partial":true}
{"kind":"metric","name":"m","title":"M","day":"2025-03-02","value":5,"partial":true}
J
pulse-merge good.ndjson > want
echo "-- fail (the default): the first bad record stops the run"
echo '# fail' >&2
pulse-merge -o out good.ndjson bad.ndjson || echo "exit $?"
[ -e out ] || echo "no output written"
echo "-- skip: each one reported, none leaves a trace"
echo '# skip' >&2
pulse-merge --on-error=skip good.ndjson bad.ndjson > got || echo "exit $?"
cmp got want && echo "same as the good records alone"
cat got
echo "-- quarantine: copied as they were"
pulse-merge --on-error=quarantine:q.ndjson good.ndjson bad.ndjson 2>/dev/null | cmp - want && echo "same"
cmp q.ndjson bad.ndjson && echo "quarantined: all of bad.ndjson"
echo "-- a total past 2^63-1 is the record that would pass it"
echo '# skip, the bad records first' >&2
pulse-merge --on-error=skip bad.ndjson good.ndjson >/dev/null 2>err
grep -F 'passes' err >&2
