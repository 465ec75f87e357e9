# The same events in a second shape (tests/tools/reshape: members in the
# reverse order, ": " and ", ", the times as naive UTC with a space, the
# integer user ids as UUID-shaped strings, the names \u-escaped): the same
# links, also with --sorted on the events grouped by user.
d=$ROOT/tests/e2e/sankey
"$B/tests/tools/reshape" <"$d/events.ndjson" >pg.ndjson
head -n 2 pg.ndjson
pulse-sankey "$d/events.ndjson" >gen.out
pulse-sankey pg.ndjson >pg.out
cmp gen.out pg.out && echo "same links: $(wc -l <pg.out)"
sort -s -t, -k2,2 "$d/events.ndjson" | "$B/tests/tools/reshape" >pg-sorted.ndjson
pulse-sankey --sorted pg-sorted.ndjson | cmp - gen.out && echo "--sorted: same links"
