# pulse-extract bitrix --fetch: no webhook, an empty file, a URL that is
# not an inbound webhook's (it is not shown: it may hold a secret) are
# exit 78; a file that cannot be read 66; files or the dictionaries'
# options with --fetch, and --state or --webhook-file without it, 64
unset PULSE_BITRIX_WEBHOOK
pulse-extract bitrix --fetch || echo "exit $?"
: > empty
pulse-extract bitrix --fetch --webhook-file empty || echo "exit $?"
pulse-extract bitrix --fetch --webhook-file missing || echo "exit $?"
for u in 'https://portal.example/rest/crm.lead.list?auth=Tok3nSecret' \
	'ftp://portal.example/rest/1/Tok3nSecret/' \
	'https://portal.example/rest/1//' \
	'https://portal.example/rest/1/Tok3nSecret/crm.lead.list'; do
	PULSE_BITRIX_WEBHOOK=$u pulse-extract bitrix --fetch || echo "exit $?"
done
export PULSE_BITRIX_WEBHOOK=https://portal.example/rest/1/Tok3nSecret/
pulse-extract bitrix --fetch leads.json 2>&1 | head -1
pulse-extract bitrix --fetch --users u.json 2>&1 | head -1
pulse-extract bitrix --state st leads.json 2>&1 | head -1
pulse-extract bitrix --fetch --rate 0 2>&1 | head -1
