/*
 * gen_bitrix.h - the Bitrix24 sample of pulse-gen (gen_bitrix*.c).
 *
 * bitrix_generate() writes the CRM export of a fictitious car-parts shop
 * (bumpers, optics, grilles, body parts, accessories) that sells through
 * Avito, Yandex Direct, VK, its website and calls: crm.lead.list pages, and
 * on request crm.deal.list pages, the crm.stagehistory.list pages of leads
 * and of deals, the CSV export of the leads (Windows-1251, ';', Russian
 * headers), user.get and crm.status.list pages, the ad map and the alias
 * file pulse-utm reads, and the facts the sample was built to show.
 *
 * What the sample shows, as in the call of seeds/001 (scaled to --leads;
 * exact at the default 1200): 317 leads with no UTM source whose ad is
 * named only by utm_content (220) or by a URL (97), 45 leads without any
 * stage history, one hot lead lying 24 days in its stage, leads passed
 * between managers (the creator, the last mover and the deal's manager
 * differ from the responsible), managers with uneven loads (one who joins
 * late), skipped stages, histories that miss their first row, lost leads
 * and deals with reasons, a second pipeline, sources shifting month by
 * month over six months, won deals with amounts in RUB.
 *
 * Memory does not grow with --leads: one lead (and its deals) is built,
 * written and forgotten at a time.
 */
#ifndef PULSE_GEN_BITRIX_H
#define PULSE_GEN_BITRIX_H

#include <stdint.h>

struct bitrix_opts {
	uint64_t leads;
	uint64_t seed;
	int64_t as_of; /* seconds since the epoch, UTC */
	int64_t days;
	const char *leads_out; /* NULL: stdout */
	const char *deals;
	const char *history;
	const char *deal_history;
	const char *csv;
	const char *users;
	const char *statuses;
	const char *categories;
	const char *ad_map;
	const char *aliases;
	const char *facts;
};

void bitrix_opts_init(struct bitrix_opts *o);

/* Writes everything o asks for.  @return the exit status (dies on errors). */
int bitrix_generate(const struct bitrix_opts *o);

#endif
