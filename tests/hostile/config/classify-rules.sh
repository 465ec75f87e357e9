# pulse-classify --rules: a rules file as Notepad saves it (a byte order mark,
# CRLF) is read; an empty one, one of comments only, or one that is not a
# rules file (a JSON file given by mistake) is exit 65 naming the file (an
# empty one was taken as no rules, and a BOM gave a message with an
# invisible character in it)
m='{"kind":"message","ticket_id":1,"message_id":1,"ts":"2026-01-20T09:00:00Z","direction":"in","email":"a@b.example","subject":"Casino bonus","text":"x"}'
printf '\xef\xbb\xbf[spam]\r\nsubject casino\r\n' >notepad.rules
echo "$m" | pulse-classify --no-default-rules --rules notepad.rules --as-of 2026-01-21T18:00:00Z | jq -r .category
: >empty.rules
echo "$m" | pulse-classify --no-default-rules --rules empty.rules || echo "exit $?"
printf '# nothing yet\r\n\r\n' >comments.rules
echo "$m" | pulse-classify --rules comments.rules || echo "exit $?"
echo '{"metrics":[]}' >defs.json
echo "$m" | pulse-classify --rules defs.json || echo "exit $?"
printf '\xef\xbb\xbf[spam\r\n' >bad.rules
echo "$m" | pulse-classify --rules bad.rules || echo "exit $?"
echo '# PULSE_RULES naming an empty file'
echo "$m" | PULSE_RULES=empty.rules pulse-classify || echo "exit $?"
