# The sources each fuzz target needs besides lib/ (the Makefile reads this).
# FUZZ_SRC_NAME for tests/fuzz/NAME_fuzz.c; none: lib/ alone.
FUZZ_SRC_record =
FUZZ_SRC_csv =
FUZZ_SRC_rules =
# pulse-extract's engines, called without the command line
FUZZ_EXTRACT = tests/fuzz/fuzz_extract.c filters/extract/show.c
FUZZ_SRC_events = $(FUZZ_EXTRACT) filters/extract/events_read.c \
	filters/extract/events_write.c filters/extract/sales.c
FUZZ_SRC_bitrix = $(FUZZ_EXTRACT) $(wildcard filters/extract/bitrix_*.c) \
	filters/extract/fetch.c
FUZZ_SRC_odoo = $(FUZZ_EXTRACT) filters/extract/odoo_aux.c \
	filters/extract/odoo_message.c filters/extract/html.c
# pulse-metrics' --defs file
FUZZ_SRC_defs = filters/metrics/metrics_defs.c
FUZZ_SRC_botconf = filters/bot/bot_conf.c
