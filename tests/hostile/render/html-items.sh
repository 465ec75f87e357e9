# pulse-render --format html takes the lead, deal and stage records behind
# the counts: one without a string id (a stage row without its entity, id,
# stage or time) is a bad record, not a list row that links nowhere; a
# title that would close the script block stays text; --portal-url takes
# only http(s)://HOST[/path], never javascript: or a quote that would
# leave the href
F=$ROOT/tests/e2e/render/funnel.ndjson
{
	echo '{"kind":"lead","id":{"x":1},"title":"object id"}'
	echo '{"kind":"deal","title":"no id"}'
	echo '{"kind":"stage","entity":"lead","id":"1","ts":"2026-01-01T00:00:00Z"}'
	echo '{"kind":"stage","entity":"lead","id":1,"stage":"NEW","ts":"2026-01-01T00:00:00Z","type":1}'
	echo '{"kind":"lead","id":"7","title":"</script><script>alert(1)</script>","manager":["a"]}'
} >items.ndjson
pulse-render --format html --on-error=skip items.ndjson "$F" -o page.html || echo "exit $?"
sed -n '/id="pulse-data"/,/^<\/script>$/p' page.html | grep -c '"items":\[{"e":"lead","id":"7","t":"\\u003c/script'
grep -c '</script><script>alert' page.html || true
for u in 'javascript:alert(1)' 'https://x.example/"onmouseover=1' 'https://' 'https:///path' 'https://x.example/?a=1' 'ftp://x.example'; do
	pulse-render --format html --portal-url "$u" "$F" -o /dev/null 2>/dev/null || echo "$u: exit $?"
done
pulse-render --format html --portal-url https://x.example/crm// "$F" | grep -o '"portal":"[^"]*"'
