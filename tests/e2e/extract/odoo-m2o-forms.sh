# author_id and subtype_id ([id, name]) as Odoo writes them, [5,"Name"],
# are read by a fast path; every other form by the iterator.  Each message
# comes twice, compact and spaced out (the iterator's), and the two must
# give the same record: names with escapes, non-ASCII, three elements, a
# false name, ids 0, negative and of 18 and 19 digits.  Then the forms
# that are errors, the same either way.
forms='[5,"Jonas Albers"]
[12,"Jörg \"JJ\" Müller"]
[7,"a\\\\b"]
[9,"Ünï ☃ 😀"]
[1,"Note"]
[3," notes "]
[1,"Discussions","x"]
[9,false]
[0,"Zero"]
[-4,"Minus"]
[123456789012345678,"Eighteen"]
[1234567890123456789,"Nineteen"]
[42,""]'
i=0
while IFS= read -r f; do
	i=$((i + 1))
	spaced=$(printf '%s' "$f" | sed -e 's/^\[/[ /' -e 's/,"/ , "/' -e 's/\]$/ ]/')
	for v in "$f" "$spaced"; do
		printf '{"id":%d,"date":"2025-10-10 12:00:00","model":"helpdesk.ticket","res_id":7,"message_type":"comment","subtype_id":%s,"author_id":%s,"email_from":false,"subject":false,"body":"x"}\n' "$i" "$v" "$v"
	done
done <<<"$forms" >in.ndjson
pulse-extract odoo --no-default-rules in.ndjson >out.ndjson
# the pairs (same id) are the same record
uniq out.ndjson | cut -d, -f3- | sed 's/"channel".*//'
test "$(uniq out.ndjson | wc -l)" -eq "$(wc -l <out.ndjson | awk '{print $1 / 2}')"
printf '%s\n' '[1.5,"x"]' '[ 1.5 , "x" ]' '[1e3,"x"]' '["x",1]' '[1,2]' '[ 1 , 2 ]' '[]' '[5]' |
	while IFS= read -r v; do
		printf '{"id":1,"date":"2025-10-10 12:00:00","model":"helpdesk.ticket","res_id":7,"message_type":"comment","author_id":%s,"body":"x"}\n' "$v"
	done >bad.ndjson
pulse-extract odoo --no-default-rules --on-error skip bad.ndjson 2>&1 | cut -c1-120
