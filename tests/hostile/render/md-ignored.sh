# the ticket report does not draw link or metric records: they are
# counted on stderr by kind (they were kept and dropped without a word)
{
echo '{"kind":"ticket","ticket_id":1,"state":"closed","category":"SPAM"}'
echo '{"kind":"link","step":1,"from":"a","to":"b","value":2}'
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":3}'
echo '{"kind":"metric","name":"m","day":"2025-03-02","value":4}'
} | pulse-render --format md | grep '^\*\*Source'
