-- T2 for DuckDB: the links of each user's first 7 events in time order,
-- as pulse-sankey counts them.  Equal times keep their input order, as in
-- pulse-sankey: rn, the row's place in the file, breaks the ties.  The
-- times are all RFC 3339 in UTC ("...Z", or in the second shape
-- "2025-12-08 12:11:56": one format a file), so ordering the
-- strings orders the times.  The k-th event and the next make a link of
-- step k, for k < 7.
-- ${events}: the NDJSON event records; ${uid}: user_id's type (BIGINT,
-- or VARCHAR for the second shape's UUIDs).  Output: step TAB from TAB to TAB users.
WITH e AS (
	SELECT event,
		row_number() OVER w AS k,
		lead(event) OVER w AS nxt
	FROM (SELECT *, row_number() OVER () AS rn
		FROM read_json(${events}, format = 'newline_delimited',
			columns = {user_id: ${uid}, ts: 'VARCHAR', event: 'VARCHAR'}))
	WINDOW w AS (PARTITION BY user_id ORDER BY ts, rn)
)
SELECT k AS step, event, nxt, count(*) AS users
FROM e
WHERE k < 7 AND nxt IS NOT NULL
GROUP BY ALL;
