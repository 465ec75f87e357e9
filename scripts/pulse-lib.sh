# pulse-lib.sh - what the pulse scripts share.  Sourced, not run: each
# script finds it beside itself (in the checkout's scripts/, or in the
# directory make install put both in), following a symlink to the script:
#
#	lib=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/pulse-lib.sh
#	[ -r "$lib" ] || { echo "${0##*/}: cannot find '$lib'" >&2; exit 69; }
#	. "$lib"
#
# Before calling these, a script sets prog (its name, for messages) and
# defines usage(), which prints its one-line usage.
#
#	die CODE MESSAGE...   "prog: MESSAGE" on stderr, exit CODE
#	die_usage MESSAGE...  "prog: MESSAGE" and the usage line, exit 64
#	need OPTION "$@"      die_usage unless OPTION has a value after it
#	find_prog NAME        the path of pulse-NAME: PATH first, then this
#	                      directory, then ../build/bin (a checkout); 69
#	                      when there is none
#	first_failure S...    the first non-zero status of S..., else 0
#	pulse_version         prints "prog (pulse) VERSION"
#	pulse_tz_date ZONE WHEN
#	                      the local date (YYYY-MM-DD) in ZONE (UTC, an
#	                      offset +03:00, or a name) of WHEN, a date(1) -d
#	                      time ("yesterday", "2026-01-14T12:00:00Z")
#	pulse_seconds DURATION
#	                      the seconds of 90s, 30m, 1h (status 1 otherwise)
#
# Exit codes are sysexits' (64 usage, 65 data, 66 no input, 69
# unavailable, 73 cannot create, 75 temporary failure), as the programs'.

PULSE_VERSION=0.1.0
PULSE_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() {
	local code=$1
	shift
	printf '%s: %s\n' "$prog" "$*" >&2
	exit "$code"
}

die_usage() {
	printf '%s: %s\n' "$prog" "$*" >&2
	usage >&2
	exit 64
}

need() {
	[ $# -ge 2 ] || die_usage "option '$1' needs an argument"
}

find_prog() {
	local name=pulse-$1 dir
	if command -v "$name" >/dev/null 2>&1; then
		command -v "$name"
		return
	fi
	for dir in "$PULSE_LIB_DIR" "$PULSE_LIB_DIR/../build/bin"; do
		if [ -x "$dir/$name" ]; then
			echo "$dir/$name"
			return
		fi
	done
	die 69 "cannot find '$name' on PATH or beside $PULSE_LIB_DIR"
}

first_failure() {
	local s
	for s in "$@"; do
		if [ "$s" -ne 0 ]; then
			echo "$s"
			return
		fi
	done
	echo 0
}

pulse_version() {
	echo "$prog (pulse) $PULSE_VERSION"
}

# ---- what the daily jobs share (pulse-daily tickets, leads) ----------------
#
# An archive is a directory of chunks, CHUNK.ndjson.zst, one per run, named
# after the time they were kept (UTC, then the process): their names' order
# is the order they were kept in, and a later version of a record (the same
# key) replaces an earlier one.  Each chunk is written beside its name and
# renamed into place, so a run killed on the way leaves no half chunk.
#
#	archive_chunks DIR          the chunks of DIR, oldest first, in the
#	                            array chunks (.tmp leftovers removed); 65
#	                            when one is not a whole zstd file
#	archive_add DIR FILE        FILE (NDJSON) as DIR's newest chunk; its
#	                            name in the variable chunk
#	archive_latest KEY TMP OUT FILE...
#	                            the records of FILE... (plain or zstd), the
#	                            last version of each KEY (a jq expression)
#	                            only, in the order of those versions, to
#	                            OUT; sort(1) in bounded memory with its
#	                            temporary files in TMP; 65 when a record
#	                            is not JSON or has no key
#	archive_compact DIR DAYS KEY TMP
#	                            the chunks kept more than DAYS days ago
#	                            become one, the last version of each key
#	publish DIR STAMP FILE...   copies FILE... into DIR/STAMP (complete,
#	                            then renamed into place) and points the
#	                            symlink DIR/latest at it with a rename:
#	                            a reader sees the old run or the new one

archive_chunks() {
	local f
	chunks=()
	rm -f "$1/"*.tmp
	for f in "$1/"*.ndjson.zst; do
		[ -f "$f" ] || continue
		zstd -tq -- "$f" 2>/dev/null || die 65 "$f: not a zstd file, or a damaged one: move it away, and run with --full to extract its records again"
		chunks+=("$f")
	done
	return 0
}

archive_add() {
	local dir=$1 file=$2
	chunk=$(date -u +%Y%m%dT%H%M%SZ)-$$
	zstd -q -c -- "$file" >"$dir/$chunk.ndjson.zst.tmp" || die 74 "cannot write '$dir/$chunk.ndjson.zst'"
	sync "$dir/$chunk.ndjson.zst.tmp" 2>/dev/null || true
	mv "$dir/$chunk.ndjson.zst.tmp" "$dir/$chunk.ndjson.zst"
}

archive_latest() {
	local key=$1 tmpd=$2 out=$3 tab=$'\t'
	shift 3
	# one stream of every record, in the order kept
	zstd -dcqf -- "$@" >"$tmpd/all.ndjson" || die 65 "cannot read the archive ($*)"
	if ! jq -r "($key) | tojson" "$tmpd/all.ndjson" >"$tmpd/keys" 2>"$tmpd/jq.err"; then
		die 65 "a record without its key ($key): $(head -n 1 "$tmpd/jq.err")"
	fi
	[ "$(wc -l <"$tmpd/keys")" = "$(wc -l <"$tmpd/all.ndjson")" ] ||
		die 65 "a line of the archive holds more or less than one record"
	# the line of each key's last version, in the lines' order
	LC_ALL=C awk -v OFS="$tab" '{ print $0, NR }' "$tmpd/keys" |
		LC_ALL=C sort -S 64M -T "$tmpd" -t "$tab" -k1,1 -k2,2nr |
		LC_ALL=C awk -F "$tab" '$1 != prev { print $2 } { prev = $1 }' |
		LC_ALL=C sort -S 64M -T "$tmpd" -n >"$tmpd/last"
	LC_ALL=C awk -v last="$tmpd/last" '
		function next_last() { return (getline l < last) > 0 ? l + 0 : 0 }
		BEGIN { want = next_last() }
		FNR == want { print; want = next_last() }' "$tmpd/all.ndjson" >"$out"
	rm -f "$tmpd/all.ndjson" "$tmpd/keys" "$tmpd/last"
}

archive_compact() {
	local dir=$1 days=$2 key=$3 tmpd=$4 f old=() cut name
	cut=$(date -u -d "-$days days" +%Y%m%dT%H%M%SZ)
	archive_chunks "$dir"
	for f in ${chunks[@]+"${chunks[@]}"}; do
		name=${f##*/}
		[[ ${name%%-*} < $cut ]] && old+=("$f")
	done
	[ ${#old[@]} -gt 1 ] || return 0
	archive_latest "$key" "$tmpd" "$tmpd/compact.ndjson" "${old[@]}"
	# the compacted chunk takes the newest old name: it sorts where they did
	name=${old[${#old[@]} - 1]}
	zstd -q -c -- "$tmpd/compact.ndjson" >"$name.tmp" || die 74 "cannot write '$name'"
	sync "$name.tmp" 2>/dev/null || true
	mv "$name.tmp" "$name"
	unset 'old[${#old[@]}-1]'
	rm -f -- "${old[@]}"
	rm -f "$tmpd/compact.ndjson"
}

publish() {
	local dir=$1 stamp=$2
	shift 2
	mkdir -p "$dir" || die 73 "cannot create '$dir'"
	rm -rf "$dir/.$stamp.tmp"
	mkdir "$dir/.$stamp.tmp" || die 73 "cannot create '$dir/.$stamp.tmp'"
	cp -- "$@" "$dir/.$stamp.tmp/" || die 74 "cannot write into '$dir'"
	sync "$dir/.$stamp.tmp"/* 2>/dev/null || true
	rm -rf "$dir/$stamp"
	mv "$dir/.$stamp.tmp" "$dir/$stamp"
	ln -sfn "$stamp" "$dir/.latest.tmp"
	mv -T "$dir/.latest.tmp" "$dir/latest"
}

pulse_tz_date() {
	local tz=$1 when=$2 zone s hh mm w
	case $tz in
	UTC|utc|Z) zone=UTC0 ;;
	[+-][0-9][0-9]:[0-9][0-9]|[+-][0-9][0-9][0-9][0-9]|[+-][0-9][0-9])
		# POSIX TZ names the offset west of UTC: +03:00 is "<+03>-03"
		s=${tz:0:1} hh=${tz:1:2} mm=${tz:3}
		mm=${mm#:}
		[ "$s" = + ] && w=- || w=+
		zone="<${s}${hh}${mm}>${w}${hh}${mm:+:$mm}" ;;
	*) zone=$tz ;;
	esac
	TZ=$zone date -d "$when" +%F
}

pulse_seconds() {
	local n
	case $1 in
	*s) n=${1%s} ;;
	*min) n=${1%min}; [[ $n =~ ^[0-9]+$ ]] && n=$((n * 60)) ;;
	*m) n=${1%m}; [[ $n =~ ^[0-9]+$ ]] && n=$((n * 60)) ;;
	*h) n=${1%h}; [[ $n =~ ^[0-9]+$ ]] && n=$((n * 3600)) ;;
	*) return 1 ;;
	esac
	[[ $n =~ ^[0-9]+$ ]] && [ "$n" -gt 0 ] || return 1
	echo "$n"
}
