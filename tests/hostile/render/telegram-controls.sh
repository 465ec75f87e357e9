# telegram: a metric title with DEL or C1 controls went into the message
# as they were (NUL and other C0 were already spaces); now they are spaces
printf '%s\n' '{"kind":"metric","name":"m","title":"del \u007f nel \u0085 csi \u009b[31m nul \u0000 end","day":"2025-03-01","value":3}' |
	pulse-render --format telegram --chat-id 1 --title "$(printf 'Daily\177\302\205 report')"
