-- sales-schema.sql - the tables pulse-extract pg reads by default, as the
-- sales-analytics task has them: events, events_dict and payments.
-- pulse-gen events writes them as CSV (samples/sales/*.csv.zst); load with
--   psql -f samples/sales-schema.sql
--   psql -c "\copy events_dict FROM 'events_dict.csv' (FORMAT csv, HEADER)"
-- (and the same for events and payments).
CREATE TABLE events_dict (
	id integer PRIMARY KEY,
	name text NOT NULL,
	description text
);

CREATE TABLE events (
	id bigserial PRIMARY KEY,
	user_id bigint NOT NULL,
	event_id integer NOT NULL,
	created_at timestamptz NOT NULL
);

CREATE TABLE payments (
	id bigserial PRIMARY KEY,
	user_id bigint NOT NULL,
	amount numeric(12, 2) NOT NULL,
	created_at timestamptz NOT NULL
);

-- pulse-extract pg reads each table in (created_at, id) order and resumes
-- from a bookmark on that pair (--state).
CREATE INDEX events_created_at_id ON events (created_at, id);
CREATE INDEX payments_created_at_id ON payments (created_at, id);
