# a histogram record whose edges are not numbers went into the report as
# raw JSON ('< "a|b"' broke the table); edges out of order, counts that do
# not match the edges or add up to another count: named, skipped, counted
{
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[1,2],"counts":[1,2,3],"count":6,"sum":9,"null":0}'
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":["a|b",2],"counts":[1,2,3],"count":6,"sum":9,"null":0}'
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[2,1],"counts":[1,2,3],"count":6,"sum":9,"null":0}'
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[1,2],"counts":[1,2],"count":3,"sum":9,"null":0}'
echo '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[1,2],"counts":[1,2,3],"count":7,"sum":9,"null":0}'
echo '{"kind":"histogram","field":"f","by":["a"],"key":[],"edges":[1,2],"counts":[1,2,3],"count":6,"sum":9,"null":0}'
} > in.ndjson
pulse-render --on-error=skip in.ndjson | sed -n '/^## Tallies/,/^---/p'
