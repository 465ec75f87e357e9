# pulse-extract bitrix, --on-error=skip: two crm.lead.list pages with a
# garbage line between them, a page cut short, and a page cut short in
# the middle of a string: the reader goes on at the next page, keeps the
# whole leads of a page cut short, and says what was lost (the page after
# the bad line used to be swallowed, or the run ended with 65)
page() { # start count next
	jq -cn --argjson s "$1" --argjson n "$2" --argjson next "$3" '{result:
	  [range($s; $s + $n) | {ID: tostring, TITLE: "Lead \(.)",
	   STATUS_ID: "NEW", DATE_CREATE: "2026-01-02T10:00:00+03:00"}],
	  next: $next, total: 150}'
}
page 1 50 50 >p1.json
page 51 50 100 >p2.json
page 101 50 null >p3.json
{ cat p1.json; echo 'garbage line'; cat p2.json; cat p3.json; } >garbage.json
pulse-extract bitrix --entity lead --on-error=skip garbage.json | wc -l
echo '# the middle page cut short after its 30th lead'
{ cat p1.json; head -c "$(grep -bo '"ID":"81"' p2.json | cut -d: -f1)" p2.json; echo; cat p3.json; } >cut.json
pulse-extract bitrix --entity lead --on-error=skip cut.json | jq -r .id | awk 'NR == 1 || NR == 80 || NR == 81 {print} END {print NR " leads"}'
echo '# cut in the middle of a string, quarantined'
{ cat p1.json; head -c 2000 p2.json; echo; cat p3.json; } >cutstr.json
pulse-extract bitrix --entity lead --on-error=quarantine:bad.json cutstr.json | wc -l
wc -c <bad.json
echo '# the same pages, pretty-printed'
{ jq . p1.json; echo 'garbage'; jq . p2.json | head -n 40; jq . p3.json; } >pretty.json
pulse-extract bitrix --entity lead --on-error=skip pretty.json | wc -l
