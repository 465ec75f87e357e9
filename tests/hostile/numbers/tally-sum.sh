# pulse-tally --sum: a number beyond the range of a double (1e309, -1e309,
# a string holding one, a huge exponent either way) is counted in
# sum_skipped; a sum that passes the range of a double is written as the
# number it is.  No sum is ever null with nothing skipped (it was
# "sum":{"a":null},"sum_skipped":{"a":0}, exit 0).
printf '%s\n' '{"g":"a","a":1e309}' '{"g":"a","a":-1e309}' '{"g":"a","a":"1e99999"}' \
	'{"g":"a","a":2.5}' '{"g":"a","a":-1E-400}' \
	'{"g":"b","a":1e308}' '{"g":"b","a":1e308}' '{"g":"b","a":-2}' >in.ndjson
pulse-tally --by g --sum a in.ndjson
