# names and subjects in tables: '|' and '\' escaped, newlines, tabs and runs
# of spaces become one space, long subjects cut at 80 characters (a UTF-8
# boundary) with an ellipsis; a missing subject falls back to the summary
t() { printf '{"kind":"ticket","ticket_id":%s,"state":"open","category":"NO_RESPONSE","priority":"urgent","days_waiting":%s,"as_of":"2026-01-21T18:00:00Z","created":"2026-01-21T08:00:00Z","email":"a@example.org","name":%s,"subject":%s,"summary":"Summary | of the\\nfirst message"}\n' "$@"; }
{
t 1 5 '"Pipe | Name"' '"A | B | C"'
t 2 4 '"Multi\nLine\r\nName"' '"first line\nsecond line\t\ttabbed   spaced"'
t 3 3 '"  Back\\slash  "' '"C:\\path\\to | file"'
t 4 2 'null' '"Ünïcödé ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü üüüüü end"'
t 5 1 'null' '"Этот запрос очень длинный: клиент пишет про ваучер, даты курсов и про доставку коробки"'
t 6 0 'null' 'null'
t 7 0 'null' '""'
} > in.ndjson
pulse-render in.ndjson | sed -n '/^| ID/,/^$/p'
