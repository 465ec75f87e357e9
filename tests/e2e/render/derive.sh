# an open ticket whose priority is null gets the one its category and
# days_waiting imply; a closed ticket's priority is not listed anywhere
t() { printf '{"kind":"ticket","ticket_id":%s,"state":"%s","category":"%s","priority":%s,"days_waiting":%s,"created":"2026-01-10T10:00:00Z","subject":"t%s"}\n' "$@" "$1"; }
{
t 1 open NO_RESPONSE null 0
t 2 open NO_RESPONSE null 2
t 3 open NO_RESPONSE null 4
t 4 open NO_RESPONSE null null
t 5 open CUSTOMER_FOLLOWUP null 3
t 6 open PARTNER_NO_RESPONSE null 1
t 7 open NO_RESPONSE '"low"' 0
t 8 closed SPAM '"urgent"' null
} | pulse-render | grep -E '^## (Critical|High|Urgent|Medium|Low)|^### (Customers|Partners)|^\| \**[0-9]+\** \|'
