# pulse-tally: group keys that differ after a NUL are different groups
printf '%s\n' '{"a":"x\u0000y"}' '{"a":"x\u0000z"}' '{"a":"x"}' | pulse-tally --by a
