# pulse-funnel: a deal's amount that is not a decimal number, too large to
# add up exactly, or with more than 9 decimals is a bad record naming
# what is wrong (1e27 and 1e309 were said to have too many decimals);
# -0.00 is zero and a 26-digit amount adds up exactly.
D='"kind":"deal","status":"WON","semantic":"S","created":"2024-01-10T10:00:00Z","currency":"RUB"'
printf '%s\n' \
	"{$D,\"id\":\"1\",\"amount\":\"1e27\"}" \
	"{$D,\"id\":\"2\",\"amount\":1e309}" \
	"{$D,\"id\":\"3\",\"amount\":\"NaN\"}" \
	"{$D,\"id\":\"4\",\"amount\":\"1,5\"}" \
	"{$D,\"id\":\"5\",\"amount\":\"12.3456789012\"}" \
	"{$D,\"id\":\"6\",\"amount\":true}" \
	"{$D,\"id\":\"7\",\"amount\":\"-0.00\"}" \
	"{$D,\"id\":\"8\",\"amount\":\"99999999999999999999999999.5\"}" >in.ndjson
pulse-funnel --on-error=skip --as-of 2024-02-01T00:00:00Z in.ndjson | grep '"table":"sources"'
