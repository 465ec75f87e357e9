# count records (pulse-tally) with members of the wrong type went into the
# report's tables as they were ("x" as a count, a key that is not an
# array): each is now a named bad record, exit 65 at the first
{
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}'
echo '{"kind":"count","by":["state"],"key":["closed"],"count":1}'
echo '{"kind":"count","by":"state","key":5,"count":"x","sum":[1]}'
} > in.ndjson
pulse-render in.ndjson
