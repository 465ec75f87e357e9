# pulse-render --format html: a name record (pulse-extract bitrix --names)
# that is not one is a bad record naming the field, never a silent label:
# an unknown 'of', a stage without its entity, an empty code or name, a
# name that is not a string; a good one goes into the page, and a
# name that would close the script block is escaped there
F=$ROOT/tests/e2e/render/funnel.ndjson
{
	echo '{"kind":"name","of":"colour","entity":null,"category":null,"code":"X","name":"x"}'
	echo '{"kind":"name","of":"stage","entity":null,"category":null,"code":"NEW","name":"New"}'
	echo '{"kind":"name","of":"source","entity":null,"category":null,"code":"","name":"x"}'
	echo '{"kind":"name","of":"source","entity":null,"category":null,"code":"CALL","name":""}'
	echo '{"kind":"name","of":"category","entity":"deal","category":null,"code":"1","name":7}'
	echo '{"kind":"name","of":"stage","entity":"lead","category":null,"code":"UC_HOT","name":"</script><b>hot"}'
} >names.ndjson
pulse-render --format html --on-error=skip names.ndjson "$F" -o page.html || echo "exit $?"
grep -c '"kind":"name"' page.html
grep -c '</script><b>' page.html || true
