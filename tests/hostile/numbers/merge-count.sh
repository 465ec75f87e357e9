# pulse-merge adding pulse-tally's count records: a null sum is no sum;
# adding it made the total null with nothing skipped, exit 0.  It is a
# bad record now (skipped here, and counted), as is a sum_skipped above
# the count.  A sum past a double's range (1e309) is one pulse-tally
# writes (it adds in long double): it adds up as such, so the merge of
# pulse-tally's ranges or shards is the one run; -0 and integers past
# 2^64 add as numbers.
C='"kind":"count","by":["a"],"key":'
printf '%s\n' \
	"{$C[1],\"count\":2,\"sum\":{\"x\":1e309},\"sum_skipped\":{\"x\":0}}" \
	"{$C[1],\"count\":2,\"sum\":{\"x\":null},\"sum_skipped\":{\"x\":0}}" \
	"{$C[1],\"count\":1,\"sum\":{\"x\":1e308},\"sum_skipped\":{\"x\":0}}" \
	"{$C[1],\"count\":1,\"sum\":{\"x\":1e308},\"sum_skipped\":{\"x\":0}}" \
	"{$C[2],\"count\":1,\"sum\":{\"x\":-0},\"sum_skipped\":{\"x\":0}}" \
	"{$C[2],\"count\":1,\"sum\":{\"x\":18446744073709551617},\"sum_skipped\":{\"x\":0}}" \
	"{$C[2],\"count\":1,\"sum\":{\"x\":\"5\"},\"sum_skipped\":{\"x\":0}}" \
	"{$C[2],\"count\":1,\"sum\":{\"x\":1},\"sum_skipped\":{\"x\":2}}" \
	"{$C[2],\"count\":-1,\"sum\":{\"x\":1},\"sum_skipped\":{\"x\":0}}" >in.ndjson
pulse-merge --on-error=skip in.ndjson
pulse-merge in.ndjson
