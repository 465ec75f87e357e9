# The sources each fuzz target needs besides lib/ (the Makefile reads this).
# FUZZ_SRC_NAME for tests/fuzz/NAME_fuzz.c; none: lib/ alone.
FUZZ_SRC_record =
FUZZ_SRC_csv =
FUZZ_SRC_rules =
