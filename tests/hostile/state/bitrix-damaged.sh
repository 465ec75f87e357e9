# pulse-extract bitrix --fetch --state: a bookmark that is empty, not JSON,
# another program's, or of the wrong types is exit 65 naming it, before
# any request (never taken for a first run, which would fetch every lead
# again); a directory is 66; a UTF-8 BOM and CRLF (an editor's) are read
export PULSE_BITRIX_WEBHOOK=http://127.0.0.1:9/rest/1/nowhere1/
good='{"source":"bitrix","lead":{"date_modify":"2026-01-21T15:26:33+03:00","id":20120},"deal":null,"lead_stages":{"id":5},"deal_stages":null}'
: > empty
echo 'not json' > garbage
echo '{"source":"pg","query":"default","events":null,"payments":null}' > pg
echo "$good" | sed 's/"id":20120/"id":"x"/' > badid
echo "$good" | sed 's/+03:00//' > nooffset
echo "$good" | sed 's/"lead_stages":{"id":5}/"lead_stages":[5]/' > array
printf '%s' "$good" | head -c 60 > cut
mkdir dir
for f in empty garbage pg badid nooffset array cut dir; do
	echo "# $f"
	pulse-extract bitrix --fetch --state $f || echo "exit $?"
done
. "$ROOT/tests/fake/env.sh"
bitrix_data d 120 2> /dev/null
bitrix_start d
{ printf '\357\273\277'; printf '%s\r\n' "$good"; } > bom
pulse-extract bitrix --fetch --rate 1000 --state bom | wc -l
grep '^crm.lead.list' fake.log | head -1
