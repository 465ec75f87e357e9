# string keys are decoded and re-encoded: "\u00e9" and "é" are one group,
# "\/" is "/"; control characters stay escaped
printf '%s\n' '{"k":"caf\u00e9"}' '{"k":"café"}' '{"k":"a\/b"}' '{"k":"a/b"}' \
	'{"k":"tab\there"}' '{"k":{"b": [1, "x"]}}' | pulse-tally --by k
