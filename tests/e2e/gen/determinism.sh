# Same arguments, same bytes: every file pulse-gen odoo writes.
gen() {
	pulse-gen odoo --tickets 300 --seed "$1" --labels "l$2" --tickets-out "t$2" \
		--users "u$2" --rules-out "r$2" "${@:3}" >"m$2"
}
gen 5 1
gen 5 2
gen 6 3
for f in m l t u r; do
	cmp -s ${f}1 ${f}2 && echo "$f: same bytes" || echo "$f: differ"
done
cmp -s m1 m3 && echo 'seed 6: same messages' || echo 'seed 6: other messages'
cmp -s l1 l3 && echo 'seed 6: same labels' || echo 'seed 6: other labels'
echo '# NDJSON and OCA, twice'
gen 9 4 --format ndjson --variant oca
gen 9 5 --format ndjson --variant oca
for f in m l t u; do
	cmp -s ${f}4 ${f}5 && echo "$f: same bytes" || echo "$f: differ"
done
echo '# the default run, twice'
pulse-gen odoo | cksum >a
pulse-gen odoo | cksum >b
cmp -s a b && echo 'same bytes'
