# The record fuzz target's invariants (tests/fuzz/record_fuzz.c) over its
# seed corpus and 2000 seeded mutants of it, without clang or libFuzzer:
# `make fuzz` runs the real thing.
"$B/tests/tools/fuzz_replay" --mutants 2000 --seed 1 "$ROOT/tests/fuzz/corpus" >&2
echo "fuzz target: invariants hold on the corpus and 2000 mutants"
