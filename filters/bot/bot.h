/*
 * bot.h - pulse-bot's engine: a Telegram bot that answers the sales
 * people from what the daily jobs last published (STATE/JOB/published/
 * latest), never by recounting the archive.
 *
 *   bot_conf.c    the keyboard's configuration file
 *   bot_state.c   the update offset and the refused chats, in STATE/bot
 *   bot_tg.c      the Bot API calls (getUpdates, sendMessage, sendPhoto)
 *                 with the waits a 429, a 5xx or a lost connection ask for
 *   bot_answer.c  the answers: texts from the published records, charts
 *                 drawn by pulse-render and rsvg-convert, cached per run
 *   bot_loop.c    the poll loop: who may ask, what is asked, the offset
 *
 * Nothing here prints but the log lines (stderr, the token masked) and
 * nothing exits: bot_run() returns an exit status with a message.
 */
#ifndef PULSE_BOT_H
#define PULSE_BOT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct http;

/* A button of the reply keyboard and what it answers. */
struct bot_button {
	char *label;  /* the text the button sends */
	char *metric; /* the metric's name in metrics.ndjson */
	char *hist;   /* the event of its histogram (durations.ndjson), or
			 NULL */
};

struct bot_conf {
	struct bot_button *b;
	size_t n;
	int columns; /* buttons per keyboard row */
	int days;    /* days in a metric's chart */
	int ru;	     /* the bot's own words in Russian (lang = ru) */
};

/*
 * Reads the configuration at path (NULL: the built-in one for the sales
 * job).  @return 0, or EX_NOINPUT / EX_DATAERR with "file:line: what" in
 * err.
 */
int bot_conf_load(const char *path, struct bot_conf *c, struct buf *err);
/* As bot_conf_load(), of the bytes p[0..n) of the file named name. */
int bot_conf_parse(const char *name, const char *p, size_t n,
		   struct bot_conf *c, struct buf *err);
void bot_conf_release(struct bot_conf *c);

/* The bot's state: STATE/bot/offset and STATE/bot/refused. */
struct bot_state {
	char *dir;	  /* STATE/bot, or --bot-dir */
	int64_t offset;	  /* the next update to ask for */
	int64_t *refused; /* chats told once that they are not served */
	size_t nrefused, caprefused;
};

/* Creates dir (STATE/bot) when missing and reads what is there.  @return 0, or
 * an exit status with the message in err. */
int bot_state_open(struct bot_state *s, const char *dir, struct buf *err);
/* Writes the offset (a temporary file renamed over the old). */
int bot_state_set_offset(struct bot_state *s, int64_t offset, struct buf *err);
int bot_state_refused(const struct bot_state *s, int64_t chat);
int bot_state_add_refused(struct bot_state *s, int64_t chat, struct buf *err);
void bot_state_release(struct bot_state *s);

/* The Bot API. */
struct bot_tg {
	struct http *h;
	struct buf url; /* API/bot<TOKEN>/ */
	size_t url_base;
	long backoff_ms; /* the first wait after a 5xx or no connection */
	int max_tries;	 /* attempts of a message (getUpdates: no limit) */
	int verbose;
	volatile sig_atomic_t *stop;
	struct buf body; /* the last answer's bytes */
};

struct bot_update {
	int64_t id;
	int has_msg;
	int64_t chat, user; /* user: 0 when none */
	struct buf text;    /* "" when the message has none */
};

int bot_tg_init(struct bot_tg *t, const char *api, const char *token,
		long timeout_s, struct buf *err);
void bot_tg_release(struct bot_tg *t);
/*
 * getUpdates from offset, waiting up to timeout seconds: the updates go
 * into *u (n of them; released with bot_updates_free(), also after an
 * error).  A 429, a 5xx or no connection is waited out and asked again:
 * max_tries times, persistent until *stop.  @return 0,
 * or an exit status with the message in err (a 4xx: a bad token, another
 * bot polling).
 */
int bot_tg_updates(struct bot_tg *t, int64_t offset, long timeout,
		   int persistent, struct bot_update **u, size_t *n,
		   struct buf *err);
void bot_updates_free(struct bot_update *u, size_t n);
/* A JSON body to method; retried as the API asks, max_tries times.
 * @return 0, or an exit status with the message in err. */
int bot_tg_json(struct bot_tg *t, const char *method, const char *body,
		size_t len, struct buf *err);
/* sendPhoto of the PNG bytes png[0..n) to chat, with a caption ("" none)
 * and reply_markup (JSON, NULL none). */
int bot_tg_photo(struct bot_tg *t, int64_t chat, const char *png, size_t n,
		 const char *caption, const char *markup, struct buf *err);

/* Writes "pulse-bot: message" on stderr, the token masked. */
void bot_log(const struct bot_tg *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The answers. */
struct bot_ans {
	const char *state_dir;
	const char *bot_dir;
	const struct bot_conf *conf;
	const char *render; /* pulse-render's path */
	struct bot_tg *tg;
	struct buf keyboard; /* reply_markup JSON */
	int no_rsvg;	     /* rsvg-convert was not found: no charts */
};

void bot_ans_init(struct bot_ans *a, const char *state_dir, const char *bot_dir,
		  const struct bot_conf *c, const char *render,
		  struct bot_tg *tg);
void bot_ans_release(struct bot_ans *a);
/* Draws the buttons' answers of the last sales run, unless drawn: a
 * press then only reads files. */
void bot_ans_warm(struct bot_ans *a);
/* Answers text from an allowed chat.  @return 0, or an exit status (a
 * message that could not be delivered) with the message in err. */
int bot_ans_text(struct bot_ans *a, int64_t chat, const char *text,
		 struct buf *err);
/* The one refusal a foreign chat gets. */
int bot_ans_refuse(struct bot_ans *a, int64_t chat, struct buf *err);

/* The whole bot. */
struct bot_opts {
	const char *state_dir;
	const char *bot_dir; /* the bot's own state: STATE/bot */
	const int64_t *allow;
	size_t nallow;
	int once;
	long poll_timeout; /* seconds */
	const char *render;
	volatile sig_atomic_t *stop;
	volatile sig_atomic_t *in_poll; /* set while waiting for updates */
};

int bot_run(const struct bot_opts *o, const struct bot_conf *c,
	    struct bot_tg *t, struct buf *err);

#endif
