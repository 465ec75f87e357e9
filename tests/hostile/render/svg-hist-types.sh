# svg of a histogram record that breaks its schema: it was skipped with a
# warning and no position, exit 0 even with --on-error=fail (the default);
# now it is a named bad record, exit 65, nothing written
printf '%s\n' '{"kind":"histogram","field":"f","by":[],"key":[],"edges":[1,"2"],"counts":[1,2,3],"count":6,"sum":9,"null":0}' > h.ndjson
pulse-render --format svg h.ndjson
