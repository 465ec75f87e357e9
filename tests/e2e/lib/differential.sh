# lib/ against jq 1.6 on generated and mutated records.
#
# 1. view: for 3000 generated records (escapes, surrogate pairs, astral
#    UTF-8, numbers of many forms, duplicate and escaped keys, whitespace),
#    each top-level member as lib/ sees it (recdump --jq: rec_get's value,
#    decoded strings, json_to_double's number) equals jq's view.
# 2. copy: for 1000 canonical records, rec_out_emit's copy is byte for byte
#    `jq -c .`; with members set (--set, one present, one new) it equals
#    jq's `.id = ... | .new = ...`; for the 3000 non-canonical records the
#    same holds after both sides go through `jq -c .`.
# 3. mutants: 12000 mutated lines; rec_parse accepts a line exactly when
#    jq accepts it as an object, except the documented jq 1.6 leniencies
#    below, each checked with an independent test of the offending bytes.
#    Lines with a NUL byte are left out of the comparison (jq -R/fromjson
#    cut strings at NUL) and must all be rejected.
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 77; }
T=$B/tests/tools
gen=$T/jsongen
dump=$T/recdump

$gen --seed 1 --count 3000 >gen.ndjson
$gen --seed 2 --count 1000 --canonical >canon.ndjson

# ---- 1. the view of each member --------------------------------------------
# containers: lib/ gives their bytes (whitespace removed); jq re-renders both
$dump --jq gen.ndjson |
	jq -R -r 'split("\t") as $f |
		if ($f | length) == 3 and ($f[1] == "array" or $f[1] == "object")
		then [$f[0], $f[1], ($f[2] | fromjson | tojson)] | join("\t")
		else . end' >view.lib
jq -r '(to_entries[] | [(.key | tojson),
		(.value | type | if . == "boolean" then "bool" else . end),
		(.value | tojson)] | join("\t")), "--"' gen.ndjson |
	awk -F '\t' 'BEGIN { OFS = "\t" } $2 == "bool" { $2 = $3 } { print }' |
	$dump --numfix >view.jq
if cmp -s view.lib view.jq; then
	echo "view: $(grep -c -- '^--$' view.lib) records, $(grep -vc -- '^--$' view.lib) members as jq sees them"
else
	echo "view: differs from jq"
	diff view.jq view.lib | head -20
fi

# ---- 2. copies ------------------------------------------------------------------
if $dump --copy canon.ndjson | cmp -s - <(jq -c . canon.ndjson); then
	echo "copy: canonical records copied byte for byte as jq -c ."
else
	echo "copy: canonical records differ from jq -c ."
fi
if $dump --copy --set 'id="set"' --set 'new=[1,{"x":null}]' canon.ndjson |
	cmp -s - <(jq -c '.id = "set" | .new = [1,{"x":null}]' canon.ndjson); then
	echo "copy: canonical records with members set as jq sets them"
else
	echo "copy: canonical records with members set differ from jq"
fi
if $dump --copy gen.ndjson | jq -c . |
	cmp -s - <(jq -c . gen.ndjson); then
	echo "copy: generated records keep their meaning"
else
	echo "copy: generated records change meaning"
fi
if $dump --copy --set 'id=-1.5' --set 'body="b"' --set 'new=true' gen.ndjson |
	jq -c . |
	cmp -s - <(jq -c '.id = -1.5 | .body = "b" | .new = true' gen.ndjson); then
	echo "copy: generated records with members set as jq sets them"
else
	echo "copy: generated records with members set differ from jq"
fi

# ---- 3. mutants -------------------------------------------------------------------
{
	$gen --seed 3 --count 2000
	$gen --seed 4 --count 1000 --canonical
} | $gen --mutate --seed 5 --per-line 4 >mut.ndjson
n=$(wc -l <mut.ndjson)
$dump --check mut.ndjson >lib.chk
jq -R -r 'try (fromjson | if type == "object" then "ok" else "notobject" end)
	catch "bad"' mut.ndjson >jq.chk
[ "$(wc -l <lib.chk)" = "$n" ] && [ "$(wc -l <jq.chk)" = "$n" ] &&
	awk -F '\t' '$1 != NR { exit 1 }' lib.chk || {
	echo "mutants: line numbers do not line up"
	exit 1
}
LC_ALL=C grep -a -n -P '\x00' mut.ndjson | cut -d: -f1 >nul.lines || :
# lines that are not valid UTF-8 (GNU grep in a UTF-8 locale: '.' does not
# match an invalid byte, an encoded surrogate or anything above U+10FFFF)
LC_ALL=C.UTF-8 grep -a -n -v -x '.*' mut.ndjson | cut -d: -f1 >badutf8.lines || :
mapfile -t lines <mut.ndjson

declare -A nul bad8
while read -r k; do nul[$k]=1; done <nul.lines
while read -r k; do bad8[$k]=1; done <badutf8.lines

num_re='^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$'
both_ok=0 both_bad=0 nul_rejected=0 fails=0
declare -A known=()
while IFS=$'\t' read -r k ours off msg jq; do
	if [ -n "${nul[$k]:-}" ]; then
		if [ "$ours" = bad ]; then
			nul_rejected=$((nul_rejected + 1))
		else
			echo "mutant $k: has a NUL byte and was accepted"
			fails=$((fails + 1))
		fi
		continue
	fi
	if [ "$ours" = ok ] && [ -n "${bad8[$k]:-}" ]; then
		# jq would agree (it accepts invalid UTF-8), grep does not
		echo "mutant $k: lib/ accepts invalid UTF-8"
		fails=$((fails + 1))
		continue
	fi
	if [ "$ours" = ok ]; then
		[ "$jq" = ok ] && { both_ok=$((both_ok + 1)); continue; }
	else
		[ "$jq" = bad ] && { both_bad=$((both_bad + 1)); continue; }
		[ "$jq" = notobject ] && case $msg in
			"expected a JSON object, got"*)
				both_bad=$((both_bad + 1)); continue ;;
		esac
	fi
	# they disagree: lib/ must have rejected, for a documented reason
	why=
	if [ "$ours" = bad ]; then
		line=${lines[$((k - 1))]}
		at=${line:$((off - 1))}
		case $msg in
		"invalid UTF-8 in string")
			# jq 1.6 replaces invalid UTF-8 with U+FFFD
			[ -n "${bad8[$k]:-}" ] && why="invalid UTF-8 (jq replaces it)" ;;
		"lone low surrogate in string")
			# jq 1.6 turns a lone \uDC00-\uDFFF into U+FFFD
			[[ $at =~ ^\\u[dD][c-fC-F][0-9a-fA-F]{2} ]] &&
				why="lone low surrogate escape (jq replaces it)" ;;
		"control character in string"*)
			# jq 1.6 lets 0x1f through (its check stops at 0x1e)
			[ "${at:0:1}" = $'\x1f' ] && why="raw 0x1f in a string (jq accepts it)" ;;
		*)
			# jq 1.6 reads number tokens with strtod: 01, 1., .5, -0.
			pre=${line:0:$((off - 1))}
			pre=${pre##*[!0-9eE.+-]}
			post=${at%%[!0-9eE.+-]*}
			tok=$pre$post
			[ -n "$tok" ] && ! [[ $tok =~ $num_re ]] &&
				why="number form outside RFC 8259 (jq accepts it)" ;;
		esac
	fi
	if [ -n "$why" ]; then
		known[$why]=$((${known[$why]:-0} + 1))
	else
		[ $fails -lt 20 ] &&
			echo "mutant $k: lib/ says $ours ($msg at byte $off), jq says $jq"
		fails=$((fails + 1))
	fi
done < <(paste lib.chk jq.chk | awk -F '\t' 'BEGIN { OFS = "\t" }
	{ if ($2 == "ok") print $1, $2, 0, "-", $3; else print }')

echo "mutants: $n lines, the same verdict as jq or a documented jq 1.6 leniency: $([ $fails = 0 ] && echo yes || echo "no, $fails not")"
{
	echo "mutants: $both_ok accepted by both, $both_bad rejected by both, $nul_rejected with NUL rejected"
	for w in "${!known[@]}"; do echo "  jq 1.6 only: ${known[$w]} $w"; done
} >&2
[ "${#known[@]}" -gt 0 ] || echo "mutants: no jq 1.6 leniency met (suspicious)"
