/*
 * gen_odoo.h - the Odoo Helpdesk sample of pulse-gen (gen_odoo*.c).
 *
 * odoo_generate() writes a synthetic export of a fictitious German cooking
 * course marketplace: mail.message records (search_read shape, id
 * ascending), and on request the helpdesk.ticket records, the res.users,
 * a rules file naming the staff and partner domains, and the labels: the
 * category, priority, days waiting, topics and first response time each
 * ticket must get from pulse-classify.
 *
 * Every thread is built for one category (gen_odoo_thread.c) from texts
 * whose keywords are known (gen_odoo_text.c: each phrase carries the bits
 * of the rules it triggers), and the labels are then derived from the built
 * messages by the classification rules (odoo_derive()); a thread whose
 * derived category is not the one it was built for is a bug (exit 70).
 *
 * Memory does not grow with the number of tickets: one ticket is built,
 * written and forgotten at a time.
 */
#ifndef PULSE_GEN_ODOO_H
#define PULSE_GEN_ODOO_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "gen.h"

/* ---- options (main.c) ---------------------------------------------- */

struct odoo_opts {
	uint64_t tickets;
	uint64_t seed;
	int64_t as_of; /* seconds since the epoch, UTC */
	int64_t days;
	int ndjson;	      /* --format ndjson */
	int oca;	      /* --variant oca */
	const char *messages; /* NULL: stdout */
	const char *tickets_out;
	const char *users;
	const char *labels;
	const char *rules_out;
};

void odoo_opts_init(struct odoo_opts *o);

/* Writes everything o asks for.  @return the exit status (dies on errors). */
int odoo_generate(const struct odoo_opts *o);

/* ---- between the gen_odoo*.c files --------------------------------- */

/* Keyword bits of a text: the rules sections it triggers. */
enum kw {
	KW_DATES = 1 << 0,   /* topic:course_dates */
	KW_VOUCHER = 1 << 1, /* topic:voucher_delivery */
	KW_ONLINE = 1 << 2,  /* topic:online_materials */
	KW_GROUP = 1 << 3,   /* topic:group_booking */
	KW_INSOLV = 1 << 4,  /* topic:insolvency and [insolvency] alike */
	KW_SPAM = 1 << 5,    /* [spam] */
	KW_ORDER = 1 << 6,   /* [order_confirmation] (subject or sender) */
	KW_AUTO = 1 << 7,    /* [autoreply] */
};
#define KW_TOPICS (KW_DATES | KW_VOUCHER | KW_ONLINE | KW_GROUP | KW_INSOLV)
#define KW_NTOPICS 5

enum lang { L_DE, L_EN, L_RU };

enum cat {
	C_NO_RESPONSE,
	C_RECENT_RESPONSE,
	C_PARTNER_NO_RESPONSE,
	C_PARTNER_RECENT,
	C_CUSTOMER_FOLLOWUP,
	C_UNCLEAR,
	C_INSOLVENCY_RESPONDED,
	C_SPAM,
	C_ORDER_CONFIRMATION,
	C_RESPONDED_NO_FOLLOWUP,
	C_NCAT
};

enum prio { P_NONE, P_CRITICAL, P_HIGH, P_URGENT, P_MEDIUM, P_LOW, P_MONITOR };

/* The direction pulse-extract must find, and the auto-reply kind. */
enum dir { D_IN, D_OUT, D_NOTE, D_SYSTEM, D_AUTOREPLY };

enum mtype {
	MT_EMAIL,
	MT_COMMENT,
	MT_NOTIFICATION,
	MT_AUTO_COMMENT,
	MT_USER_NOTIFICATION,
	MT_EMAIL_OUTGOING,
};

enum subtype { ST_NONE, ST_DISCUSSIONS, ST_NOTE, ST_STAGE, ST_CREATED };

/* Variants: the tricky shapes a category can take. */
enum variant {
	V_PLAIN,
	V_BOUNDARY,	       /* exactly on a day or 72 h boundary */
	V_ORDER_THEN_QUESTION, /* an order confirmation, then a customer */
	V_SPAM_ANSWERED,       /* spam that got an answer: not spam */
	V_NOTE_ONLY,	       /* the only "answer" is an internal note */
	V_ACK_ONLY,	       /* the only "answer" is an auto_comment */
	V_OOO_AFTER,	       /* a customer auto-reply after our answer */
	V_AUTOREPLY_ONLY,      /* UNCLEAR: a lone auto-reply */
	V_NOTES_ONLY,	       /* UNCLEAR: notes */
	V_SYSTEM_ONLY,	       /* UNCLEAR: stage changes and notifications */
	V_OUT_ONLY_INSOLV,     /* insolvency named only in our answer */
	V_NOTE_INSOLV,	     /* insolvency named only in a note: not counted */
	V_TWO_CONFIRMATIONS, /* order and payment confirmation */
	V_SPAM_TWICE,	     /* two spam mails, no answer */
	V_RUSSIAN,	     /* a Cyrillic thread */
	V_STAFF_NO_AUTHOR,   /* staff reply without author_id, by domain */
	V_PORTAL,	     /* the customer writes through the portal */
	V_EMAIL_OUTGOING,    /* our answer is an email_outgoing */
	V_NO_SUBJECT,	     /* subject false and author_id false */
	V_AFTER_CUSTOMER,    /* a partner writes into a customer's ticket */
	V_NVARIANT
};

#define SEC_DAY 86400
#define SEC_HOUR 3600

struct person {
	char name[96];	/* display name, UTF-8; "" when unknown */
	char first[48]; /* for greetings */
	char email[112];
	int64_t partner_id; /* res.partner id, 0 when none */
	int lang;
	int school; /* partner school index + 1, 0 for others */
	int female;
};

struct staff {
	const char *name;
	const char *email;
	int64_t partner_id;
	int64_t user_id;
	int active;
};

struct school {
	const char *name;
	const char *domain;
	const char *contact;
	const char *contact_first;
	const char *local; /* the contact's mailbox */
};

extern const struct staff odoo_staff[];
extern const size_t odoo_nstaff;
/* gen_odoo_text.c: the rules file's entity sections (courses, cities,
 * order numbers), from the same tables the texts use. */
void odoo_write_entities(struct buf *b);
extern const struct school odoo_schools[];
extern const size_t odoo_nschools;

#define STAFF_DOMAIN "kochfreunde.example"
#define BRAND "Kochfreunde"
#define COMPANY "Kochfreunde Marktplatz GmbH"
#define OLD_COMPANY "Kursfabrik GmbH"
#define SUPPORT_EMAIL "support@kochfreunde.example"
#define SUPPORT_NAME "Kochfreunde Support"
#define SUPPORT_PARTNER 5
#define BOT_PARTNER 2
#define NPORTAL 12
#define PORTAL_PARTNER_BASE 7001
#define PORTAL_USER_BASE 40

struct msg {
	int64_t id;
	int64_t ts;
	int mtype;   /* enum mtype */
	int subtype; /* enum subtype */
	int internal;
	int dir;	   /* enum dir */
	int partner;	   /* sent by a partner school */
	int64_t author_id; /* 0: false */
	struct buf author; /* author_id's name */
	struct buf from;   /* email_from; empty: false */
	int has_subject;
	struct buf subject;
	struct buf body;   /* HTML */
	struct buf plain;  /* the new text, for quoting by later messages */
	unsigned kw;	   /* enum kw of subject and new text */
	int64_t recipient; /* partner_ids: one partner or none */
	int parent;	   /* index of the parent message + 1, 0: none */
	int ntracking;
};

#define MAXMSG 24

/* The per-ticket values texts refer to, fixed for one thread. */
struct tvals {
	const char *course;
	const char *online; /* an online course */
	const char *city;
	const char *month;
	int people;
	int euro;
	char order[16];
	char date[16]; /* a course date ahead, dd.mm.yyyy */
	char date_en[24];
	char past[16]; /* a purchase date before the ticket */
	char past_en[24];
	char until[16]; /* the end of an absence, after the message */
	char until_en[24];
};

struct thread {
	int64_t id;
	char ref[8];
	int cat, variant;
	int lang;
	int64_t created;
	struct person cust;
	const struct school *school;
	struct tvals v;
	int topic;  /* the customer's main topic: a KW_ bit or 0 */
	int topic2; /* a second topic, or 0 */
	int staff;  /* index of the assigned staff member */
	int has_name;
	struct buf name;  /* helpdesk.ticket name */
	unsigned subj_kw; /* keyword bits of the first mail's subject */
	int entities;	  /* HTML entity style of the customer's mail client */
	int quote_style;
	struct msg m[MAXMSG];
	int n;
	/* the labels, from odoo_derive() */
	int dcat, prio;
	int64_t days; /* -1: null */
	unsigned topics;
	int64_t frh_sec; /* -1: null */
	int stage;	 /* helpdesk stage index */
};

/* gen_odoo_text.c: people and texts. */
void odoo_person_customer(struct person *p, uint64_t seed, uint64_t idx,
			  int lang);
void odoo_person_portal(struct person *p, uint64_t seed, int k);
void odoo_person_school(struct person *p, const struct school *s);
void odoo_tvals(struct tvals *v, struct rng *r, int64_t created);
void odoo_tvals_until(struct tvals *v, struct rng *r, int64_t ts);
int odoo_pick_lang(struct rng *r);

struct msg *odoo_msg_add(struct thread *t, int64_t ts);
void odoo_customer_first(struct thread *t, struct rng *r, struct msg *m,
			 int allow_no_subject);
void odoo_customer_followup(struct thread *t, struct rng *r, struct msg *m,
			    int kind);
void odoo_partner_mail(struct thread *t, struct rng *r, struct msg *m,
		       int first);
void odoo_staff_reply(struct thread *t, struct rng *r, struct msg *m, int style,
		      int insolv, int spam_reply);
void odoo_ack(struct thread *t, struct rng *r, struct msg *m);
void odoo_note(struct thread *t, struct rng *r, struct msg *m, int kind);
void odoo_stage(struct thread *t, struct rng *r, struct msg *m, int to);
void odoo_assign_notice(struct thread *t, struct rng *r, struct msg *m);
void odoo_autoreply(struct thread *t, struct rng *r, struct msg *m,
		    const char *orig_subject);
void odoo_spam(struct thread *t, struct rng *r, struct msg *m, int second);
void odoo_order(struct thread *t, struct rng *r, struct msg *m, int payment);
void odoo_lead_msg(struct buf *b, struct rng *r, int64_t id, int64_t ts,
		   int64_t lead);

/* Follow-up kinds for odoo_customer_followup(). */
enum { FU_REPLY, FU_REMINDER, FU_THANKS };
/* Staff reply styles. */
enum { SR_COMMENT, SR_EMAIL, SR_OUTGOING, SR_NO_AUTHOR };
/* Note kinds. */
enum { NOTE_ANY, NOTE_INSOLV, NOTE_SPAM, NOTE_CALLBACK };
/* Stages. */
enum {
	STAGE_NEW,
	STAGE_PROGRESS,
	STAGE_WAITING,
	STAGE_SOLVED,
	STAGE_CANCELLED,
	STAGE_N
};
extern const char *const odoo_stage_name[STAGE_N];

/* gen_odoo_thread.c: one thread of a category. */
void odoo_build(struct thread *t, struct rng *r, int64_t as_of);

/* Derives the labels of a built thread by the classification rules. */
void odoo_derive(struct thread *t, int64_t as_of);

extern const char *const odoo_cat_name[C_NCAT];
extern const char *const odoo_prio_name[];
extern const char *const odoo_topic_name[KW_NTOPICS];

#endif
