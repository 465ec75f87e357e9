# JSONTestSuite (nst/JSONTestSuite) through a real record-reading program.
#
# Each case's text (one trailing newline stripped, every other byte kept,
# NUL included) is wrapped as the value of a record: {"v":TEXT} on one line
# when it has no raw newline, and always as [{"v":TEXT}] (array input,
# which may span lines).  The program must exit 0 on every y_ case, 65 on
# every n_ case, and 0 or 65 on i_ cases, never crash nor trip a
# sanitizer.  pulse-tally (no options: it counts records) reads them; until
# it is built, the recdump test tool (cli_next, as every program) does.
# The cases are nst/JSONTestSuite's test_parsing/, read from $JSONTESTSUITE,
# else $SHARED/testdata/jsontestsuite; skipped when neither is there (a
# user's clone: README.md says how to get them).
suite=${JSONTESTSUITE:-$SHARED/testdata/jsontestsuite}
if [ ! -d "$suite" ]; then
	echo "no JSONTestSuite at $suite (git clone https://github.com/nst/JSONTestSuite, then make check JSONTESTSUITE=\$PWD/JSONTestSuite/test_parsing)" >&2
	exit 77
fi
if [ -x "$B/bin/pulse-tally" ]; then
	prog=("$B/bin/pulse-tally")
else
	prog=("$B/tests/tools/recdump" --count)
fi

# Runs the program on file $1; prints its exit status, or "crash ..." when
# it died of a signal or a sanitizer spoke.
verdict() {
	local rc=0
	"${prog[@]}" "$1" >out 2>err || rc=$?
	if [ $rc -gt 128 ] || grep -q -e 'Sanitizer' -e 'runtime error' err; then
		echo "crash $rc"
	else
		echo $rc
	fi
}

y=0 n=0 i=0
failed=()
for f in "$suite"/[yni]_*.json; do
	name=${f##*/}
	size=$(wc -c <"$f")
	if [ "$size" -gt 0 ] && [ "$(tail -c 1 "$f" | od -An -tx1 | tr -d ' ')" = 0a ]; then
		head -c $((size - 1)) "$f" >text
	else
		cat "$f" >text
	fi
	wraps=()
	if [ "$(tr -cd '\n' <text | wc -c)" = 0 ]; then
		{ printf '{"v":'; cat text; printf '}\n'; } >line.json
		wraps+=(line.json)
	fi
	{ printf '[{"v":'; cat text; printf '}]\n'; } >array.json
	wraps+=(array.json)
	ok=1
	for w in "${wraps[@]}"; do
		v=$(verdict "$w")
		case $name:$v in
		y_*:0 | n_*:65 | i_*:0 | i_*:65) ;;
		*) ok=0; failed+=("$name (${w%.json}: $v)") ;;
		esac
	done
	[ $ok = 1 ] || continue
	case $name in
	y_*) y=$((y + 1)) ;;
	n_*) n=$((n + 1)) ;;
	i_*) i=$((i + 1)) ;;
	esac
done
echo "jsontestsuite: $y y accepted, $n n rejected, $i i without crash"
for f in "${failed[@]}"; do
	echo "failed: $f"
done
