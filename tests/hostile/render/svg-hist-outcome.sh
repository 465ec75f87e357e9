# a histogram whose outcome is not one pulse-metrics --by-outcome writes
# ("payment" or "other") was drawn as if it had none; now it is a named
# bad record, 65
echo '{"kind":"histogram","field":"hours_to_next","by":["event","outcome"],"key":["call","won"],"edges":[1],"counts":[1,0],"count":1,"sum":0.5,"null":0,"event":"call","outcome":"won"}' > h.ndjson
pulse-render --format svg h.ndjson
