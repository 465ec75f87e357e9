# messages quote values from the records: a NUL cut them short ("unknown
# value 'SPAM'" for 'SPAM\0') and ESC went to the terminal raw; now
# control characters are shown as \u escapes, in the list of ignored
# kinds too
{
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM\u0000"}'
echo '{"kind":"ticket","ticket_id":2,"state":"closed","category":"\u001b[2J\u001b[31mSPAM"}'
echo '{"kind":"ticket","ticket_id":3,"state":"closed","category":"SPAM","created":"2026-01-01\u0000T00:00:00Z"}'
echo '{"kind":"ticket","ticket_id":4,"state":"closed","category":"SPAM"}'
echo '{"kind":"tick\u001b[31met"}'
} > t.ndjson
pulse-render --on-error=skip t.ndjson | grep '^\*\*Source'
