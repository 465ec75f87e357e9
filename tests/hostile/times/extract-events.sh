# pulse-extract events: created_at in a CSV dump outside the years 0001 to 9999
printf 'id,name\n1,visit\n' >dict.csv
printf 'id,user_id,event_id,created_at\n1,7,1,2025-12-31 10:20:03+00\n2,7,1,0000-12-31 10:20:03+00\n' >ev.csv
pulse-extract events --dict dict.csv ev.csv
