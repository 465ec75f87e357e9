# Odoo's dates ("2025-10-06 18:00:18", UTC) in their plain ranges are
# copied into ts; any other is parsed (ptime_parse).  Each date of a grid
# over the edges (year 0000, month 00/13, days 28 to 32 in every month of
# a leap and a common year, hour 24, minute and second 60) comes twice:
# as Odoo writes it and with a 'T' (the parser's), and both must give the
# same ts or both be refused.
for y in 0000 0001 1900 2000 2023 2024 9999; do
	for mo in 00 01 02 04 12 13; do
		for d in 00 01 28 29 30 31 32; do
			for t in 00:00:00 23:59:59 24:00:00 12:60:00 12:00:60; do
				echo "$y-$mo-$d $t"
			done
		done
	done
done >dates
awk '{ printf "{\"id\":%d,\"date\":\"%s %s\",\"model\":\"helpdesk.ticket\",\"res_id\":7,\"body\":false}\n", NR, $1, $2
       printf "{\"id\":%d,\"date\":\"%sT%s\",\"model\":\"helpdesk.ticket\",\"res_id\":7,\"body\":false}\n", NR, $1, $2 }' dates >in.ndjson
pulse-extract odoo --no-default-rules --on-error skip in.ndjson >out.ndjson 2>err || true
# each id's ts, or "refused" (the line of the error names the record)
sed -E 's/.*"message_id":([0-9]+),"ts":"([^"]*)".*/\1 \2/' out.ndjson >ts
sed -nE 's/^pulse-extract: in.ndjson:([0-9]+): .*/\1/p' err |
	awk '{ printf "%d refused\n", ($1 + 1) / 2 }' >>ts
sort -n ts | uniq -c | awk '$1 != 2 { print "differs:", $0; bad = 1 } END { exit bad }'
echo "$(wc -l <dates) dates: $(sort -u ts | grep -c refused) refused, $(sort -u ts | grep -vc refused) times, the same both ways"
sort -n ts | uniq | sed -n '1,3p;/ 2024-02-29/p;/ 0001-01-01/p'
