# the ticket report of Sankey link records: not a report of 0 tickets with
# nothing on stderr, but exit 65 naming the ignored records
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}' |
	pulse-render --format md
