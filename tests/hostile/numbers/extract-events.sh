# pulse-extract events: an amount a double cannot hold (1e309, 400 nines)
# was written as it was, an infinity for whatever sums it; it is a bad row
printf 'id,name\n1,visit\n' >dict.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n' >events.csv
printf 'id,user_id,amount,created_at\n1,7,1e309,2025-12-31 11:00:00+00\n2,7,-1e308,2025-12-31 11:00:00+00\n3,8,%s,2025-12-31 11:00:00+00\n4,9,12345678901234567890.25,2025-12-31 11:00:00+00\n' "$(printf '9%.0s' $(seq 1 400))" >payments.csv
pulse-extract events --dict dict.csv --payments payments.csv --on-error=skip events.csv
