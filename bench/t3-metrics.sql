-- T3 for DuckDB: pulse-metrics' payments_with_second_line per UTC day: the
-- payments whose same user's immediately preceding event (by time, equal
-- times in input order: rn, the row's place in the file) is a second-line
-- event.  The times are all RFC 3339 in UTC ("...Z", or in the second
-- shape "2025-12-08 12:11:56"), so ordering the
-- strings orders the times and their first ten characters are the day.
-- Only days with at least one such payment come out (pulse-metrics also
-- writes the days between with 0; the runner compares the others).
-- ${events}: the NDJSON event records; ${uid}: user_id's type (BIGINT,
-- or VARCHAR for the second shape's UUIDs).  Output: day TAB count.
WITH e AS (
	SELECT ts, event,
		lag(event) OVER (PARTITION BY user_id ORDER BY ts, rn) AS prev
	FROM (SELECT *, row_number() OVER () AS rn
		FROM read_json(${events}, format = 'newline_delimited',
			columns = {user_id: ${uid}, ts: 'VARCHAR', event: 'VARCHAR'}))
)
SELECT substr(ts, 1, 10) AS day, count(*) AS n
FROM e
WHERE event = 'payment'
	AND prev IN ('Назначена задача на вторую линию', 'Дозвон 2Л')
GROUP BY day;
