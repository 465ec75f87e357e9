FILTER_LIBS_extract = $(shell $(PKG_CONFIG) --libs libpq 2>/dev/null || echo -lpq)
$(B)/filters/extract/extract_pg.o: CPPFLAGS += $(shell $(PKG_CONFIG) --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
$(B)/filters/extract/pgconn.o: CPPFLAGS += $(shell $(PKG_CONFIG) --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
