# Event names in the report's language: pulse's own names (payment, and
# the exit node) in the words of --lang; other names from a --names file
# (CSV event,label; the file's label wins over pulse's word), as they are
# without one.  Colours stay those of the events, whatever their labels.
L=$ROOT/tests/e2e/render/sales-links.ndjson
N=$SAMPLES/sales-names-en.csv
C=$ROOT/tests/tools/svg_check.py
labels() {
	grep 'class="label"' "$1" | sed 's/<title>[^<]*<\/title>//; s/.*>\([^<]*\)<\/text>$/\1/'
}
pulse-render -f svg --lang ru "$L" > ru.svg
echo "-- --lang ru: «Оплата» and «Выбыли», no 'payment' anywhere"
labels ru.svg | grep -E '^(Оплата|Выбыли)' | sort | uniq -c
grep -c 'payment' ru.svg || true
grep -o '<title>[^<]*Оплата[^<]*' ru.svg | head -n 2
echo "-- --lang en: Payment and Exit"
pulse-render -f svg "$L" > en.svg
labels en.svg | grep -E '^(Payment|Exit)' | sort | uniq -c
echo "-- --names samples/sales-names-en.csv: every label in English"
pulse-render -f svg --names "$N" "$L" > names.svg
labels names.svg | grep -c .
labels names.svg | grep -c "$(printf '[\320\321]')" || true
labels names.svg | sed 's/ ([0-9]*)$//' | sort -u | head -n 5
python3 "$C" labels names.svg label,step,title,subtitle
echo "-- the same colours as without the names"
colours() {
	sed -n '/<g class="nodes">/,/<\/g>/p' "$1" | grep -o 'fill="#[0-9a-f]*"'
}
colours en.svg > a
colours names.svg > b
cmp a b && echo same
echo "-- the file's label wins over pulse's words; a row exit names the exit node"
printf 'label;event\r\nОплата курса;payment\r\n"Ушли";exit\r\n' > ru.csv
pulse-render -f svg --lang ru --names ru.csv "$L" | labels /dev/stdin |
	grep -E '^(Оплата|Ушли)' | sed 's/ ([0-9]*)$//' | sort | uniq -c
echo "-- Windows-1251, as Russian Excel saves it, with a byte order mark too"
printf 'event,label\nСоздание заявки,Заявка\n' | iconv -f UTF-8 -t CP1251 > cp.csv
pulse-render -f svg --names cp.csv "$L" | labels /dev/stdin | grep -c '^Заявка'
printf '\357\273\277event,label\nСоздание заявки,Заявка\n' > bom.csv
pulse-render -f svg --names bom.csv "$L" | labels /dev/stdin | grep -c '^Заявка'
echo "-- a names file that cannot be used: exit 66 or 65, named, before any input"
printf 'event,label\n' > header.csv
pulse-render -f svg --names header.csv "$L" | labels /dev/stdin | grep -c '^Создание заявки'
: > empty.csv
printf 'event,name\na,b\n' > column.csv
printf 'event,label\na,b\na,c\n' > twice.csv
printf 'event,label\na,\n' > nolabel.csv
printf 'event,label\n,b\n' > noevent.csv
printf 'event,label\na,b,c\n' > fields.csv
{ printf 'event,label\nЗаявка,a\n'; printf 'Оплата,b\n' | iconv -f UTF-8 -t CP1251; } > enc.csv
for f in missing.csv empty.csv column.csv twice.csv nolabel.csv noevent.csv fields.csv enc.csv; do
	pulse-render -f svg --names $f < /dev/null 2> err && echo "no failure?" || echo "$f: exit $?"
	cat err
done
