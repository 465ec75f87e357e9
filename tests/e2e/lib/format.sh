# The C sources are as clang-format (.clang-format) writes them: make fmt
# formats what you changed, make fmt-check lists what it would change.
command -v clang-format >/dev/null || {
	echo "no clang-format (scripts/install-deps installs it)" >&2
	exit 77
}
cd "$ROOT"
git rev-parse --git-dir >/dev/null 2>&1 || { echo "not a git checkout: nothing to list" >&2; exit 77; }
make -s fmt-check && echo "every C source is formatted"
