# pulse-merge adding histogram records (pulse-tally --hist, pulse-metrics
# --durations): a sum that is not a finite number (null, 1e309) made the
# merged sum null, exit 0; it is a bad record now, as is a total beyond the
# largest double and a sum of no values that is not 0.
H='"kind":"histogram","field":"a","by":[],"key":[],"edges":[0,1],"null":0'
printf '%s\n' \
	"{$H,\"counts\":[0,1,0],\"count\":1,\"sum\":0.5}" \
	"{$H,\"counts\":[0,1,0],\"count\":1,\"sum\":null}" \
	"{$H,\"counts\":[0,1,0],\"count\":1,\"sum\":1e309}" \
	"{$H,\"counts\":[0,0,1],\"count\":1,\"sum\":1.7e308}" \
	"{$H,\"counts\":[0,0,1],\"count\":1,\"sum\":1.7e308}" \
	"{$H,\"counts\":[0,0,0],\"count\":0,\"sum\":5}" \
	"{$H,\"counts\":[0,-1,2],\"count\":1,\"sum\":1}" >in.ndjson
pulse-merge --on-error=skip in.ndjson
