# Entities ([entity:KIND] "match" notes) against a reference: the
# matching as first written, each pattern tried at every byte of the folded
# subject and text in turn (tests/e2e/classify/entities_ref.py).  pulse-
# classify finds them in one pass over the text; the names, their kinds,
# their order, whole words, '#' digits, a match inside a longer one of its
# kind, a pattern's matches not overlapping, and the 64 a ticket keeps
# must come out the same.  Texts of few letters make patterns meet often
# (prefixes of each other, one byte long, non-word bytes at their ends).
python3 "$ROOT/tests/e2e/classify/entities_ref.py" gen 7 400 >rules-and-msgs
sed -n '1,/^---$/p' rules-and-msgs | sed '$d' >e.rules
sed -n '/^---$/,$p' rules-and-msgs | sed 1d >msgs.ndjson
pulse-classify --no-default-rules --rules e.rules --as-of 2026-01-21T18:00:00Z msgs.ndjson 2>/dev/null |
	jq -c '[.ticket_id, .entities]' >got
python3 "$ROOT/tests/e2e/classify/entities_ref.py" ref e.rules msgs.ndjson >want
wc -l <want
cmp want got && echo same
# tickets with entities of both kinds, and one at the limit of 64
jq -e 'select(.[1] | length == 2)' got | grep -c . | awk '{ print ($1 > 20) ? "both kinds: many" : "both kinds: " $1 }'
jq -r '.[1] | [.[] | length] | add // 0' got | sort -n | tail -n 1
