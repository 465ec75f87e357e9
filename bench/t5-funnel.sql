-- T5 for DuckDB: the funnel per manager, the tables pulse-funnel --by
-- manager writes that are plain counts and sums:
--   stages: per manager (a lead's current responsible; a deal's own), per
--     pipeline (leads; deals per category) and stage: the records that ever
--     reached the stage (entered it in their stage history, or are in it
--     now), and the records of the pipeline (total); the records without
--     any stage history count in '(no stage)' alone;
--   managers: per manager, the leads, the won deals (semantic S) and their
--     revenue per currency.
-- A lead or deal read twice counts once: the copy with the latest modified
-- wins.  Rows with nothing reached are left out (pulse-funnel writes them,
-- the runner drops them from its answer too).
-- ${crm}: the lead, deal and stage records of pulse-extract bitrix.
-- Output: stages TAB manager TAB entity TAB category TAB stage TAB reached
-- TAB total, and managers TAB manager TAB leads TAB won TAB revenue
-- (CUR=amount, comma-separated by currency).
CREATE TEMP TABLE r AS
SELECT *, row_number() OVER () AS rn
FROM read_json(${crm}, format = 'newline_delimited',
	columns = {kind: 'VARCHAR', entity: 'VARCHAR', id: 'VARCHAR',
		status: 'VARCHAR', semantic: 'VARCHAR', manager: 'VARCHAR',
		modified: 'TIMESTAMPTZ', amount: 'DECIMAL(38,2)',
		currency: 'VARCHAR', category: 'VARCHAR', stage: 'VARCHAR'});

CREATE TEMP TABLE rec AS
SELECT kind AS entity, id, status, semantic, manager, amount, currency,
	coalesce(category, '') AS category -- leads have none: '' joins
FROM r
WHERE kind IN ('lead', 'deal')
QUALIFY row_number() OVER (PARTITION BY kind, id ORDER BY modified DESC, rn DESC) = 1;

CREATE TEMP TABLE hist AS
SELECT DISTINCT entity, id, coalesce(category, '') AS category, stage
FROM r
WHERE kind = 'stage';

WITH
-- each record's pipelines: where it is now and where its history went
pipe AS (
	SELECT entity, id, manager, category FROM rec
	UNION
	SELECT h.entity, h.id, rec.manager, h.category
	FROM hist h JOIN rec USING (entity, id)
),
reach AS (
	SELECT entity, id, manager, category, status AS stage FROM rec
	WHERE EXISTS (SELECT 1 FROM hist h
		WHERE h.entity = rec.entity AND h.id = rec.id)
	UNION
	SELECT h.entity, h.id, rec.manager, h.category, h.stage
	FROM hist h JOIN rec USING (entity, id)
),
nohist AS (
	SELECT entity, id, manager, category, '(no stage)' AS stage
	FROM rec
	WHERE NOT EXISTS (SELECT 1 FROM hist h
		WHERE h.entity = rec.entity AND h.id = rec.id)
),
total AS (
	SELECT entity, manager, category, count(*) AS total
	FROM pipe GROUP BY ALL
)
SELECT concat_ws(chr(9), 'stages', manager, entity, category, stage, count(*), any_value(total.total))
FROM (SELECT * FROM reach UNION ALL SELECT * FROM nohist)
	JOIN total USING (entity, manager, category)
GROUP BY manager, entity, category, stage
UNION ALL
SELECT concat_ws(chr(9), 'managers', manager, coalesce(l.leads, 0),
	coalesce(w.won, 0), coalesce(w.revenue, ''))
FROM (SELECT manager, count(*) AS leads FROM rec WHERE entity = 'lead'
	GROUP BY manager) l
FULL JOIN (SELECT manager, sum(n) AS won,
		string_agg(currency || '=' || sum::VARCHAR, ',' ORDER BY currency) AS revenue
	FROM (SELECT manager, coalesce(currency, 'XXX') AS currency,
			count(*) AS n, sum(amount) AS sum
		FROM rec WHERE entity = 'deal' AND semantic = 'S'
		GROUP BY ALL)
	GROUP BY manager) w USING (manager);
