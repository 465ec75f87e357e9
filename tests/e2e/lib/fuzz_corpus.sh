# Every fuzz target's invariants (tests/fuzz/NAME_fuzz.c) over its seed
# corpus (tests/fuzz/corpus/NAME) and 2000 seeded mutants of it, without
# clang or libFuzzer: `make fuzz` runs the real thing.
for r in "$B"/tests/fuzz/*_replay; do
	t=${r##*/}
	t=${t%_replay}
	"$r" --mutants 2000 --seed 1 "$ROOT/tests/fuzz/corpus/$t" >&2
	echo "fuzz target $t: invariants hold on the corpus and 2000 mutants"
done
