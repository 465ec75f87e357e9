# pulse-gen bitrix: the same arguments give the same bytes, in every file
# it writes; another seed gives other leads, the same dictionaries.
gen() {
	pulse-gen bitrix --leads 300 --seed "$1" --deals "d$2" --history "h$2" \
		--deal-history "x$2" --csv "c$2" --users "u$2" --statuses "s$2" \
		--ad-map "a$2" --aliases "al$2" --facts "f$2" >"l$2"
}
gen 5 1
gen 5 2
gen 6 3
for f in l d h x c u s a al f; do
	cmp -s ${f}1 ${f}2 && echo "$f: same bytes" || echo "$f: differ"
done
for f in l d h c f; do
	cmp -s ${f}1 ${f}3 && echo "seed 6, $f: same" || echo "seed 6, $f: other"
done
for f in u s a al; do
	cmp -s ${f}1 ${f}3 && echo "seed 6, $f: same" || echo "seed 6, $f: other"
done
echo '# the default run, twice'
pulse-gen bitrix | cksum >a
pulse-gen bitrix | cksum >b
cmp -s a b && echo 'same bytes'
echo '# usage'
pulse-gen bitrix --help | head -n 1
echo '# --leads x' >&2
pulse-gen bitrix --leads x || echo "exit $?"
echo '# extra' >&2
pulse-gen bitrix extra || echo "exit $?"
echo '# write errors, a closed pipe'
echo '# >/dev/full' >&2
pulse-gen bitrix >/dev/full || echo "exit $?"
echo '# --deals /dev/full' >&2
pulse-gen bitrix --deals /dev/full >/dev/null || echo "exit $?"
echo '# | head -c 2' >&2
pulse-gen bitrix --leads 100000 | head -c 2
echo
echo "exit ${PIPESTATUS[0]}"
ls -A | grep -c '^\.' || true
