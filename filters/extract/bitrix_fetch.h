/*
 * bitrix_fetch.h - pulse-extract bitrix --fetch: the pages of a Bitrix24
 * portal read over its inbound webhook (lib/http.h) and handed to the
 * bitrix engine one at a time (bitrix_page()), so that the records are
 * those the same pages saved as files give.
 *
 * Calls, each a POST of JSON to WEBHOOK/METHOD: crm.status.list and
 * user.get (the dictionaries, paged by start/next), crm.category.list
 * (entityTypeId 2: the deal pipelines, named as --categories names them
 * from a file), then
 * crm.lead.list, crm.deal.list and crm.stagehistory.list (entityTypeId 1,
 * then 2), paged as Bitrix's docs advise for large lists: start=-1, order
 * by ID, filter ">ID" of the last row, until a page holds fewer than 50.
 *
 * The bookmark (--state FILE), one line of JSON:
 *
 *   {"source":"bitrix",
 *    "lead":{"date_modify":"2026-01-21T17:55:00+03:00","id":20120},
 *    "deal":null,"lead_stages":{"id":100431},"deal_stages":null}
 *
 * For leads and deals the mark is the last (DATE_MODIFY, ID) taken: the
 * next run asks for ">=DATE_MODIFY" of it and leaves out the rows of that
 * same instant whose ID is not above the mark's, so a lead changed since
 * comes again (downstream, the latest version of an id wins); a mark is
 * never later than the portal's clock at the start of the run (the
 * answer's time.date_start), so that a change made during the run is
 * fetched again rather than lost.  For the stage histories, which only
 * grow, it is the last ID.  null: nothing taken yet.  The caller moves the
 * bookmark (bitrix_state_save()) only after a complete run whose records
 * are all written.
 *
 * With names set, the 'name' records of the dictionaries (stages,
 * sources, pipelines) come first, as --names writes them from files.
 *
 * Nothing here prints or exits: errors come back as an exit status and a
 * message, with the webhook's secret masked.
 */
#ifndef PULSE_BITRIX_FETCH_H
#define PULSE_BITRIX_FETCH_H

#include <stdint.h>

#include "bitrix.h"
#include "buf.h"
#include "http.h"

struct bitrix_mark {
	struct buf dm; /* DATE_MODIFY as the portal wrote it; empty: none */
	int64_t dm_sec;
	int64_t id;
	int set;
};

enum { BX_LEAD, BX_DEAL, BX_LEAD_STAGES, BX_DEAL_STAGES, BX_NMARKS };

struct bitrix_state {
	struct bitrix_mark m[BX_NMARKS];
};

struct bitrix_fetch_opts {
	const char *webhook; /* https://PORTAL/rest/USER/SECRET/ */
	int names; /* --names: the dictionaries' 'name' records first */
	struct http_opts net; /* --rate, --cacert, --timeout, --retries, -v */
};

/*
 * Reads the bookmark at path.  @return 0 (a missing file: a first run,
 * every mark unset), or an exit status with the message in err: 65 when
 * it is damaged (never taken for a first run), 66 when it cannot be read.
 */
int bitrix_state_load(struct bitrix_state *s, const char *path,
		      struct buf *err);

/* Writes s to path atomically.  @return 0, or 73/74 with err. */
int bitrix_state_save(const struct bitrix_state *s, const char *path,
		      struct buf *err);

void bitrix_state_release(struct bitrix_state *s);

/*
 * Fetches what changed since the marks of s, writing the records to out
 * (bad items to rep) and moving the marks of s to what was taken.
 * @return 0, or an exit status with the message in err: 78 (a webhook
 * URL that is not one), 77 (the portal refuses the webhook: expired,
 * invalid, without the crm or user scope, access denied), 69 (no answer
 * after the retries, the rate limit, another error of the portal), 76 (an
 * answer that is not a Bitrix24 page), 65 (a dictionary's bad item).
 */
int bitrix_fetch(struct bitrix *x, const struct bitrix_fetch_opts *o,
		 struct bitrix_state *s, struct sink *out, struct report *rep,
		 struct buf *err);

#endif
