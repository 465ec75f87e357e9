# pulse - one non-recursive Makefile.  `make help` lists the targets.

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/pulse
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WERROR ?= -Werror
WARNINGS = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wvla
PKG_CONFIG ?= pkg-config

ifeq ($(SAN),1)
B = build/san
SANFLAGS = -fsanitize=address,undefined -g -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
else
B = build
SANFLAGS =
endif

ALL_CFLAGS = -std=c11 -pthread $(WARNINGS) $(CFLAGS) $(SANFLAGS) -MMD -MP
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DVERSION='"$(VERSION)"' -DPULSE_DATADIR='"$(DATADIR)"' -Ilib $(CPPFLAGS)
ZSTD_LIBS = $(shell $(PKG_CONFIG) --libs libzstd 2>/dev/null || echo -lzstd)
# lib/http.c: libcurl (Debian libcurl4-openssl-dev)
CURL_LIBS = $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null || echo -lcurl)
LIBS = $(ZSTD_LIBS) $(CURL_LIBS) -lm -pthread
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

# Quiet by default, a line per target as git's Makefile prints; V=1 shows
# the commands, make -s nothing at all.
ifneq ($(findstring s,$(filter-out --%,$(MAKEFLAGS))),s)
ifndef V
QUIET_CC = @echo '   ' CC $@;
QUIET_LINK = @echo '   ' LINK $@;
QUIET_AR = @echo '   ' AR $@;
QUIET_GEN = @echo '   ' GEN $@;
endif
endif
ifndef V
Q = @
endif

# ---- the shared library ---------------------------------------------------
LIB_SRC = $(wildcard lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/rules_builtin.o
LIBPULSE = $(B)/libpulse.a

# ---- the programs: filters/NAME/*.c -> $(B)/bin/pulse-NAME -------------------
FILTERS = $(notdir $(patsubst %/,%,$(dir $(wildcard filters/*/main.c))))
PROGS = $(FILTERS:%=$(B)/bin/pulse-%)
# The scripts' man pages are scripts/NAME.1, and pulse-lib.sh is the library
# they source from their own directory: neither is a program.
MANS = $(wildcard filters/*/*.1) $(wildcard scripts/*.1)
SCRIPTS = $(filter-out %.cron %.1 %.sh,$(wildcard scripts/pulse-*))
SCRIPT_LIB = scripts/pulse-lib.sh

# Per-filter extra libraries: FILTER_LIBS_name = ...
-include filters/*/filter.mk

# ---- samples ----------------------------------------------------------------
GEN_SRC = $(wildcard samples/gen/*.c)
GEN = $(B)/bin/pulse-gen

# ---- unit tests (Check) -----------------------------------------------------
UNIT_SRC = $(wildcard tests/unit/*_test.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm -lpthread)

# ---- test tools: tests/tools/NAME.c -> $(B)/tests/tools/NAME (e2e cases run "$$B/tests/tools/NAME")
TOOL_SRC = $(wildcard tests/tools/*.c)
TOOLS = $(TOOL_SRC:tests/tools/%.c=$(B)/tests/tools/%)

# ---- fuzzing: a libFuzzer target per reader, tests/fuzz/NAME_fuzz.c, built
# with lib/ and the sources FUZZ_SRC_NAME names (tests/fuzz/fuzz.mk).  make
# check replays each over its corpus (tests/fuzz/corpus/NAME) and mutants of
# it with any compiler ($(B)/tests/fuzz/NAME_replay); make fuzz runs each
# under clang's libFuzzer for FUZZ_SECONDS.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%_fuzz.c,%,$(wildcard tests/fuzz/*_fuzz.c))
-include tests/fuzz/fuzz.mk
FUZZ_REPLAYS = $(FUZZ_TARGETS:%=$(B)/tests/fuzz/%_replay)

.PHONY: all check unit e2e demo install uninstall clean help deps deps-runtime fmt fmt-check fuzz

## all: build the programs and the sample generator (default)
all: $(PROGS) $(GEN)

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The default rules are built into the library (lib/rules.h: rules_builtin).
$(B)/gen/rules_builtin.c: samples/rules/tickets.rules
	@mkdir -p $(@D)
	$(QUIET_GEN){ echo '/* generated from $< by the Makefile: do not edit */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const char rules_builtin[];'; \
	  echo 'extern const size_t rules_builtin_len;'; \
	  echo 'const char rules_builtin[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; \
	  echo 'const size_t rules_builtin_len = sizeof rules_builtin - 1;'; } > $@.tmp
	$(Q)mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(QUIET_CC)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIBPULSE): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	$(QUIET_AR)ar rcs $@ $^

define FILTER_RULE
$(B)/bin/pulse-$(1): $(patsubst %.c,$(B)/%.o,$(wildcard filters/$(1)/*.c)) $(LIBPULSE)
	@mkdir -p $$(@D)
	$$(QUIET_LINK)$$(CC) $$(ALL_LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(filter %.a,$$^) $$(FILTER_LIBS_$(1)) $$(LIBS)
endef
$(foreach f,$(FILTERS),$(eval $(call FILTER_RULE,$(f))))

# The aggregates add up their threads' partial results (-j) with
# pulse-merge's engine (lib/cli.h: cli_run()).
MERGE_ENGINE = $(patsubst %.c,$(B)/%.o,$(filter-out %/main.c,$(wildcard filters/merge/*.c)))
MERGING = tally sankey metrics
$(MERGING:%=$(B)/bin/pulse-%): $(MERGE_ENGINE)
$(MERGING:%=$(B)/filters/%/main.o): ALL_CPPFLAGS += -Ifilters/merge

$(GEN): $(GEN_SRC:%.c=$(B)/%.o) $(LIBPULSE)
	@mkdir -p $(@D)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%_test.o: tests/unit/%_test.c
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CPPFLAGS) -Ifilters/$* $(CHECK_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# A unit test named after a program (tests/unit/classify_test.c) tests its
# engine: it links the program's objects but main.o, and its libraries.
# (In a pattern rule's prerequisites '%' is the stem: the patterns of the
# second expansion are in variables.)
engine_objs = $(patsubst %.c,$(B)/%.o,$(filter-out %/main.c,$(wildcard filters/$(1)/*.c)))
.SECONDEXPANSION:
$(B)/tests/%_test: $(B)/tests/%_test.o $$(call engine_objs,$$*) $(LIBPULSE)
	$(QUIET_LINK)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(FILTER_LIBS_$*) $(LIBS)

$(B)/tests/tools/%: tests/tools/%.c $(LIBPULSE)
	@mkdir -p $(@D)
	$(QUIET_LINK)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBPULSE) $(LIBS)

## deps: install the Debian packages pulse and its tests need (when any is missing)
deps:
	@scripts/install-deps

## deps-runtime: install the Debian packages pulse and its scripts need (when any is missing)
deps-runtime:
	@scripts/install-deps --runtime

## check: install what is missing, build, run the unit then the end-to-end tests (SAN=1: under ASan+UBSan)
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(TOOLS) $(FUZZ_REPLAYS)
	@B=$(B) tests/run.sh

## unit: run the unit tests only
unit: $(UNIT_BIN)
	@B=$(B) tests/run.sh --unit

## e2e: run the end-to-end tests only
e2e: all $(TOOLS) $(FUZZ_REPLAYS)
	@B=$(B) tests/run.sh --e2e

define FUZZ_RULE
$(B)/tests/fuzz/$(1)_replay: $(B)/tests/fuzz/fuzz_replay.o $(B)/tests/fuzz/$(1)_fuzz.o $(patsubst %.c,$(B)/%.o,$(FUZZ_SRC_$(1))) $(LIBPULSE)
	$$(QUIET_LINK)$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(LIBS)

build/fuzz/$(1)_fuzz: $(patsubst %.c,build/fuzz/obj/%.o,tests/fuzz/$(1)_fuzz.c $(FUZZ_SRC_$(1)) $(LIB_SRC)) build/fuzz/obj/gen/rules_builtin.o
	$$(QUIET_LINK)$$(FUZZ_CC) -g -fsanitize=fuzzer,address,undefined -o $$@ $$^ $$(LIBS)

fuzz-$(1): build/fuzz/$(1)_fuzz
	@mkdir -p build/fuzz/corpus/$(1)
	@echo "    FUZZ $(1) for $$(FUZZ_SECONDS) s"
	@build/fuzz/$(1)_fuzz -max_total_time=$$(FUZZ_SECONDS) -timeout=10 \
		-max_len=8192 -print_final_stats=1 build/fuzz/corpus/$(1) \
		tests/fuzz/corpus/$(1) 2>build/fuzz/$(1).log || \
		{ tail -n 40 build/fuzz/$(1).log >&2; exit 1; }
	@grep -h 'stat::number_of_executed_units' build/fuzz/$(1).log | \
		sed "s/^/    $(1): /"
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call FUZZ_RULE,$(t))))

ifneq ($(B),build)
build/gen/rules_builtin.c: samples/rules/tickets.rules
	@$(MAKE) --no-print-directory B=build build/gen/rules_builtin.c
endif

## fuzz: run each reader's libFuzzer target for FUZZ_SECONDS (needs clang; FUZZ_TARGETS="csv rules" picks; -j2 runs two at once)
fuzz: $(FUZZ_TARGETS:%=fuzz-%)

# the sources built once with libFuzzer's instrumentation, for every target
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined
build/fuzz/obj/%.o: %.c | fuzz-cc
	@mkdir -p $(@D)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_FLAGS) $(ALL_CPPFLAGS) -c -o $@ $<
build/fuzz/obj/gen/rules_builtin.o: build/gen/rules_builtin.c | fuzz-cc
	@mkdir -p $(@D)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_FLAGS) $(ALL_CPPFLAGS) -c -o $@ $<

.PHONY: fuzz-cc $(FUZZ_TARGETS:%=fuzz-%)
fuzz-cc:
	@command -v $(FUZZ_CC) >/dev/null || { \
		echo "make fuzz: needs $(FUZZ_CC) (apt-get install clang)" >&2; exit 69; }

## bench: time pulse against jq, Miller and DuckDB (npm) on generated data in build/bench, in two shapes, check their answers agree, write the tables into BENCH.md (not part of check; about 15 minutes)
## bench-scale: time pulse-sankey, also --sorted, at 1x, 4x and 16x a million users (16x: 13 GB, generated and deleted)
.PHONY: bench bench-scale
bench: all $(B)/tests/tools/reshape
	@B=$(B) bench/run

bench-scale: all
	@B=$(B) bench/run --scale

## demo: install what is missing, build quietly, show the ticket report of the bundled Odoo sample, write the leads dashboard of the Bitrix24 sample, the sales charts and the Telegram report (LANG=ru: in Russian)
DEMO_LANG = $(if $(filter ru%,$(LANG)),ru,en)
demo: deps-runtime
	@$(MAKE) -s --no-print-directory all
	@PATH="$(CURDIR)/$(B)/bin:$(CURDIR)/scripts:$$PATH" DEMO_DIR="$(CURDIR)/$(B)/demo" \
		scripts/demo --lang $(DEMO_LANG)

## install: install programs, scripts, man pages and rules under $(DESTDIR)$(PREFIX)
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	cp -f $(PROGS) $(DESTDIR)$(BINDIR)/
	for s in $(SCRIPTS); do cp -f $$s $(DESTDIR)$(BINDIR)/; done
	cp -f $(SCRIPT_LIB) $(DESTDIR)$(BINDIR)/ && chmod 644 $(DESTDIR)$(BINDIR)/$(notdir $(SCRIPT_LIB))
	for m in $(MANS); do cp -f $$m $(DESTDIR)$(MANDIR)/man1/; done
	cp -f samples/rules/*.rules $(DESTDIR)$(DATADIR)/
	cp -f samples/sales-metrics.json $(DESTDIR)$(DATADIR)/

## uninstall: remove what install put there
uninstall:
	for p in $(FILTERS); do rm -f $(DESTDIR)$(BINDIR)/pulse-$$p; done
	for s in $(notdir $(SCRIPTS) $(SCRIPT_LIB)); do rm -f $(DESTDIR)$(BINDIR)/$$s; done
	for m in $(notdir $(MANS)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done
	rm -rf $(DESTDIR)$(DATADIR)

## fmt: clang-format the C sources changed since the last commit (ALL=1: every one)
## fmt-check: list the C sources clang-format would change, and fail if there are any
CLANG_FORMAT ?= clang-format
FMT_ALL = git ls-files '*.c' '*.h'
FMT_CHANGED = { git diff --name-only HEAD; git ls-files --others --exclude-standard; } | grep '\.[ch]$$' | sort -u
fmt:
	@command -v $(CLANG_FORMAT) >/dev/null || { echo "make fmt: needs $(CLANG_FORMAT)" >&2; exit 69; }
	@files=$$($(if $(ALL),$(FMT_ALL),$(FMT_CHANGED))); \
	for f in $$files; do [ -f "$$f" ] && echo "    FMT $$f" && $(CLANG_FORMAT) -i "$$f"; done; true

fmt-check:
	@command -v $(CLANG_FORMAT) >/dev/null || { echo "make fmt-check: needs $(CLANG_FORMAT)" >&2; exit 69; }
	@bad=0; for f in $$($(FMT_ALL)); do \
		$(CLANG_FORMAT) --dry-run -Werror "$$f" 2>/dev/null || { echo "$$f"; bad=1; }; \
	done; exit $$bad

## clean: remove the build directory
clean:
	rm -rf build

## help: list the targets
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
