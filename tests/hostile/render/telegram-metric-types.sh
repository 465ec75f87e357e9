# telegram of a metric whose value is -2.5 and prev_day 1e300: it sent
# "-2.5" and "-100.0% vs the day before (1e+300)"; now the record is a
# named bad record, exit 65, no payload
echo '{"kind":"metric","name":"m","day":"2025-03-01","value":-2.5,"prev_day":1e300}' |
	pulse-render --format telegram --chat-id 1
