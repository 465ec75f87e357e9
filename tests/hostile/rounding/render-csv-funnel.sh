# funnel records carry shares, conversions and means in full precision
# (0.3333333333333333, not 0.3333): csv shows them as pulse-funnel once
# wrote them, rounded half away from zero to 4, 2 and 1 decimals, fixed
{
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"NEW","semantic":"P","position":1,"reached":1,"total":3,"share":0.3333333333333333,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"WON","semantic":"S","position":2,"reached":1,"total":32,"share":0.03125,"from_previous":1,"conversion":0.6666666666666666}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"(no stage)","semantic":null,"position":0,"reached":3,"total":3,"share":1,"from_previous":null,"conversion":null}'
echo '{"kind":"funnel","table":"stages","group":{},"entity":"lead","category":null,"stage":"TINY","semantic":"P","position":3,"reached":1,"total":20000,"share":5e-05,"from_previous":null,"conversion":null}'
} > f.ndjson
pulse-render --format csv f.ndjson | tr '\r' '^'
