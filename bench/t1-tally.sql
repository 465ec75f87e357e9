-- T1 for DuckDB: events per name, as pulse-tally -b event counts them.
-- ${events}: the NDJSON event records; ${uid}: user_id's type (BIGINT,
-- or VARCHAR for the second shape's UUIDs).  Output: event TAB count.
SELECT event, count(*) AS n
FROM read_json(${events}, format = 'newline_delimited',
	columns = {user_id: ${uid}, ts: 'VARCHAR', event: 'VARCHAR'})
GROUP BY event;
