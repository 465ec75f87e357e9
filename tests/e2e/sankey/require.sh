# --require keeps the users with at least one of the events anywhere in
# their history, not only in the first steps: D is the 4th event of user 1
# and the 3rd of "u2", beyond --steps 2.
ev="$ROOT/tests/e2e/sankey/events.ndjson"
echo "-- require D"
pulse-sankey --steps 2 --require D "$ev"
echo "-- require Z or an event nobody has"
pulse-sankey --require 'Z,Никто' "$ev"
echo "-- require given twice adds"
pulse-sankey --steps 2 --require Z --require D "$ev"
echo "-- require an event nobody has: no links"
pulse-sankey --require nobody "$ev"
