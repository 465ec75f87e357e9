# csv of funnel records with members of the wrong type wrote them as they
# came (a share "1/2", a group "x" as a column); now it is a named bad
# record, exit 65, and nothing is written
{
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":0.75,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":"x","entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":3,"total":4,"share":"1/2","from_previous":null,"conversion":null}'
} > f.ndjson
pulse-render --format csv f.ndjson
