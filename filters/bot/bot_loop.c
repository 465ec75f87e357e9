/*
 * bot_loop.c - pulse-bot's poll loop: getUpdates from the saved offset, each
 * update answered (or refused) and then the offset saved past it, so that
 * a restart neither answers an update twice nor loses one.  SIGTERM
 * (*stop) ends the loop after the update at hand; while the bot only
 * waits for updates, main() may end it at once (*in_poll): nothing is at
 * hand then.
 */
#include "bot.h"

#include <inttypes.h>
#include <string.h>

/*
 * Whether the chat is served: its id is allowed.  A user's private chat
 * has the user's id; an allowed user in a group that is not allowed is
 * not served there, since the whole group would read the answer.
 */
static int allowed(const struct bot_opts *o, const struct bot_update *u)
{
	size_t i;

	for (i = 0; i < o->nallow; i++)
		if (o->allow[i] == u->chat)
			return 1;
	return 0;
}

/* Handles one update.  @return 0, or an exit status that ends the bot (the
 * state cannot be written); a message that cannot be delivered is
 * logged, not fatal. */
static int handle(const struct bot_opts *o, struct bot_state *s,
		  struct bot_ans *a, const struct bot_update *u,
		  struct buf *err)
{
	struct buf e = BUF_INIT;
	int st = 0;

	if (!u->has_msg)
		return 0;
	if (allowed(o, u)) {
		if (a->tg->verbose)
			bot_log(a->tg, "update %" PRId64 ": chat %" PRId64,
				u->id, u->chat);
		if (bot_ans_text(a, u->chat, u->text.p, &e))
			bot_log(a->tg,
				"update %" PRId64 ": chat %" PRId64
				": not answered: %s",
				u->id, u->chat, e.p);
	} else if (bot_state_refused(s, u->chat)) {
		bot_log(a->tg,
			"update %" PRId64 ": chat %" PRId64 " (user %" PRId64
			") is not allowed (refused before): ignored",
			u->id, u->chat, u->user);
	} else {
		bot_log(a->tg,
			"update %" PRId64 ": chat %" PRId64 " (user %" PRId64
			") is not allowed: refused (add it to --allow to "
			"serve it)",
			u->id, u->chat, u->user);
		if (bot_ans_refuse(a, u->chat, &e))
			bot_log(a->tg,
				"update %" PRId64 ": chat %" PRId64
				": the refusal not delivered: %s",
				u->id, u->chat, e.p);
		st = bot_state_add_refused(s, u->chat, err);
	}
	buf_release(&e);
	return st;
}

int bot_run(const struct bot_opts *o, const struct bot_conf *c,
	    struct bot_tg *t, struct buf *err)
{
	struct bot_state s;
	struct bot_ans a;
	long handled = 0;
	int st;

	st = bot_state_open(&s, o->bot_dir, err);
	if (st) {
		bot_state_release(&s);
		return st;
	}
	bot_ans_init(&a, o->state_dir, o->bot_dir, c, o->render, t);
	bot_log(t, "polling from update %" PRId64 "%s", s.offset,
		o->once ? " (--once)" : "");
	while (!*o->stop) {
		struct bot_update *u;
		size_t n, i;

		bot_ans_warm(&a);
		*o->in_poll = 1;
		if (*o->stop) { /* came while drawing: no wait for updates */
			*o->in_poll = 0;
			break;
		}
		st = bot_tg_updates(t, s.offset, o->once ? 0 : o->poll_timeout,
				    !o->once, &u, &n, err);
		*o->in_poll = 0;
		for (i = 0; !st && i < n; i++) {
			if (u[i].id < s.offset)
				continue; /* answered before */
			st = handle(o, &s, &a, &u[i], err);
			if (!st)
				st = bot_state_set_offset(&s, u[i].id + 1, err);
			handled++;
			if (*o->stop)
				break;
		}
		bot_updates_free(u, n);
		if (st || (o->once && n == 0))
			break;
	}
	bot_log(t, "%ld updates handled; next %" PRId64 "%s", handled, s.offset,
		*o->stop ? " (stopped)" : "");
	bot_ans_release(&a);
	bot_state_release(&s);
	return st;
}
