# --sorted on input that is not grouped by user_id: an event of a user
# whose group has ended is a bad record (fail: exit 65, nothing written;
# skip: the user keeps what its group had).
ev="$ROOT/tests/e2e/sankey/events.ndjson"
echo '# fail'
pulse-sankey --sorted "$ev" 2>err || echo "exit $?"
sed "s|$ev|events.ndjson|" err
echo '# skip: lines 3, 4, 6, 9 and 11'
pulse-sankey --sorted --on-error=skip "$ev" 2>err
sed "s|$ev|events.ndjson|" err
