# Daily counts by hand, from events.ndjson and defs.json (UTC days):
#   intro (V right after L1 or L1a): 03-01 users 1 and 2 (user 2's L1a and
#     V share a time: input order); user 4's V comes before its L1 (same
#     time, input order): not counted; 03-05 users 6 and 7 -> [2,0,0,0,2,0...]
#   pay_no2 (payment right after OK or DU): user 1 on 03-02; user 3's
#     payment arrives last but falls between DU and X on 03-03 -> [0,1,1,0...]
#   all_pay (every payment; user 5's first event counts too): 03-02, 03-03,
#     03-05
# Every day from 03-01 to 03-10 (user 8's lone X), zero days included;
# prev_day null on the first day, week_ago and mean_7d in the first seven;
# mean_7d of 03-08 for intro is 4/7 = 0.57.
d="$ROOT/tests/e2e/metrics"
pulse-metrics --defs "$d/defs.json" "$d/events.ndjson"
