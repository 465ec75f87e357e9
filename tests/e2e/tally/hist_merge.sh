# histograms of two halves of the input add up, bucket by bucket, to the
# histogram of the whole: the edges never depend on the data
awk 'BEGIN { for (i = 0; i < 400; i++)
	printf "{\"c\":\"%s\",\"h\":%d.%02d}\n", (i % 3 ? "a" : "b"), (i * 37) % 900, i % 100 }' > all.ndjson
head -n 123 all.ndjson > one.ndjson
tail -n +124 all.ndjson > two.ndjson
for f in all one two; do
	pulse-tally --by c --hist h --sort-by key $f.ndjson | grep histogram > $f.h
done
# add the halves: counts element-wise, count/sum/null as numbers
awk -F'"counts":\\[|\\],"count":|,"sum":|,"null":|}' '
	FNR == 1 { file++ }
	{ key = $1; n = split($2, c, ",")
	  for (i = 1; i <= n; i++) tot[key, i] += c[i]
	  cnt[key] += $3; sum[key] += $4; nul[key] += $5; nb[key] = n
	  if (file == 1) order[++nk] = key }
	END { for (k = 1; k <= nk; k++) { key = order[k]; s = ""
		for (i = 1; i <= nb[key]; i++) s = s (i > 1 ? "," : "") tot[key, i]
		printf "%s\"counts\":[%s],\"count\":%d,\"sum\":%.2f,\"null\":%d}\n", key, s, cnt[key], sum[key], nul[key] } }
' one.h two.h > merged.h
# the whole, with its sum printed the same way
awk -F',"sum":|,"null":' '{ printf "%s,\"sum\":%.2f,\"null\":%s\n", $1, $2, $3 }' all.h > whole.h
cmp merged.h whole.h && echo "halves add up to the whole"
wc -l < whole.h
