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
