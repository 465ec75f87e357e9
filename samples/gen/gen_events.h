/*
 * gen_events.h - the sales-events sample of pulse-gen (gen_events.c).
 *
 * pulse-gen events writes the three PostgreSQL tables of an online English
 * school's CRM (synthetic): events (id, user_id, event_id, created_at),
 * events_dict (id, name, description) and payments (id, user_id, amount,
 * created_at), as CSV with a header (what COPY ... TO (FORMAT csv, HEADER)
 * writes; samples/sales-schema.sql loads it) or NDJSON (row_to_json shape),
 * and on request the `event` records pulse-extract must make of them.
 */
#ifndef PULSE_GEN_EVENTS_H
#define PULSE_GEN_EVENTS_H

/* pulse-gen events [options]: argv[0] is the program.  @return the status. */
int events_main(int argc, char **argv);

#endif
