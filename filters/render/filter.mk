# pulse-render: the dashboard's script and style (render_html.c), built in as
# C strings.  Neither may hold "</script", "</style" or "<!--": they go
# inside the page's <script> and <style> elements as they are.  The rules
# here must not become the default goal (this file is read before `all`).
render_goal := $(.DEFAULT_GOAL)
$(B)/gen/render_page.c: filters/render/dashboard.js filters/render/dashboard_explore.js filters/render/dashboard.css
	@mkdir -p $(@D)
	@if grep -il '</script\|</style\|<!--' $^; then \
		echo "$@: the files above may not hold </script, </style or <!--" >&2; exit 1; fi
	$(QUIET_GEN){ echo '/* generated from $^ by filters/render/filter.mk: do not edit */'; \
	  echo 'extern const char render_page_js[], render_page_css[];'; \
	  echo 'const char render_page_js[] = {'; \
	  cat filters/render/dashboard.js filters/render/dashboard_explore.js | od -An -v -tx1 | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; \
	  echo 'const char render_page_css[] = {'; \
	  od -An -v -tx1 filters/render/dashboard.css | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } > $@.tmp
	$(Q)mv $@.tmp $@

$(B)/bin/pulse-render: $(B)/gen/render_page.o

.DEFAULT_GOAL := $(render_goal)

# --format xlsx: libxlsxwriter (Debian libxlsxwriter-dev)
FILTER_LIBS_render := $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
