# pulse-merge adding pulse-funnel's partial rows: counts that cannot come
# from one run made derived numbers no run writes (a share above 1, a mean
# of days with no record open, a lead per day of no day); each such row is
# a bad record now.  Money that is not an exact decimal, negative and
# non-integer counts were already refused.
G='"kind":"funnel","group":{},"partial":true'
P='"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1'
printf '%s\n' \
	"{$G,\"table\":\"stages\",$P,\"reached\":5,\"total\":2,\"from_previous\":null}" \
	"{$G,\"table\":\"stages\",\"entity\":\"lead\",\"category\":null,\"stage\":\"(no stage)\",\"semantic\":null,\"position\":0,\"reached\":0,\"total\":2,\"from_previous\":null}" \
	"{$G,\"table\":\"age\",\"entity\":\"lead\",\"category\":null,\"stage\":\"NEW\",\"position\":1,\"open\":0,\"days_sum\":5,\"days_max\":5}" \
	"{$G,\"table\":\"age\",\"entity\":\"lead\",\"category\":null,\"stage\":\"NEW\",\"position\":1,\"open\":1,\"days_sum\":2,\"days_max\":3}" \
	"{$G,\"table\":\"managers\",\"manager\":\"Anna\",\"leads\":3,\"lead_days\":[],\"won\":0,\"revenue\":{},\"won_with_amount\":{}}" \
	"{$G,\"table\":\"managers\",\"manager\":\"Anna\",\"leads\":0,\"lead_days\":[],\"won\":1,\"revenue\":{\"RUB\":\"5\"},\"won_with_amount\":{\"RUB\":2}}" \
	"{$G,\"table\":\"managers\",\"manager\":\"Anna\",\"leads\":0,\"lead_days\":[],\"won\":1,\"revenue\":{\"RUB\":\"5\"},\"won_with_amount\":{\"RUB\":0}}" \
	"{$G,\"table\":\"sources\",\"source\":\"x\",\"utm_campaign\":\"y\",\"leads\":1,\"qualified\":0,\"won\":1,\"revenue\":{\"RUB\":\"NaN\"}}" \
	"{$G,\"table\":\"sources\",\"source\":\"x\",\"utm_campaign\":\"y\",\"leads\":-1,\"qualified\":0,\"won\":1,\"revenue\":{}}" \
	"{$G,\"table\":\"sources\",\"source\":\"x\",\"utm_campaign\":\"y\",\"leads\":1.5,\"qualified\":0,\"won\":1,\"revenue\":{}}" >in.ndjson
pulse-merge --on-error=skip in.ndjson
