# The agents of ticket records (pulse-classify's first_response_by,
# last_out_by, agents) in the ticket report: a name with a pipe, a
# newline, C1 controls and markup stays in its table cell; agents that is
# not an array of strings, or a first_response_by that is not a string,
# is a bad record naming the field (skipped and counted with skip); a
# first response without hours counts the answer, not a time.
tk() { # id agents first_by last_by frh
	printf '{"kind":"ticket","ticket_id":%s,"state":"open","category":"RECENT_RESPONSE","as_of":"2026-01-21T18:00:00Z","created":"2026-01-20T09:00:00Z","first_in":"2026-01-20T09:00:00Z","last_out":"2026-01-20T10:00:00Z","last_ts":"2026-01-20T10:00:00Z","first_response_hours":%s,"agents":%s,"first_response_by":%s,"last_out_by":%s}\n' \
		"$1" "$5" "$2" "$3" "$4"
}
{
	tk 1 '["a | b\nc \u0085 <b>x</b>"]' '"a | b\nc \u0085 <b>x</b>"' '"a | b\nc \u0085 <b>x</b>"' 1
	tk 2 '{"Lena":1}' '"Lena"' '"Lena"' 1
	tk 3 '["Lena",null]' '"Lena"' '"Lena"' 1
	tk 4 '["Lena"]' 7 '"Lena"' 1
	tk 5 '"Lena"' '"Lena"' '"Lena"' 1
	tk 6 '["Jonas"]' '"Jonas"' '"Jonas"' null
} >t.ndjson
pulse-render --no-default-rules --on-error=skip t.ndjson 2>err | sed -n '/^| Agent/,/^$/p'
cat err
