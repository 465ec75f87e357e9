/*
 * bot_answer.c - what pulse-bot says, from what the daily jobs last
 * published (STATE/JOB/published/latest: run.json and the records).
 *
 * A button's answer is its metric's numbers of the report's day with
 * their comparisons (pulse-render --format telegram of that metric's
 * records) and its charts as photos (pulse-render --format svg of the
 * last days of the metric, and of the histogram of its event, turned into
 * PNG by rsvg-convert).  They are made once per published run and kept in
 * STATE/bot/cache/JOB-STAMP, so a press costs reading a few files, never
 * a count of the archive.  Each answer says how old the data is (run.json
 * computed_at).
 */
#include "bot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "hmap.h"
#include "json.h"
#include "jw.h"

extern char **environ;

/* A published run of a job. */
struct run {
	char job[16];
	char stamp[NAME_MAX + 1];
	struct buf dir;	  /* STATE/JOB/published/STAMP */
	struct buf cache; /* STATE/bot/cache/JOB-STAMP */
	char day[16];	  /* run.json day, "" when none */
	time_t computed;  /* run.json computed_at, 0 when none */
};

static void run_release(struct run *r)
{
	buf_release(&r->dir);
	buf_release(&r->cache);
}

static struct json_span member(struct json_span o, const char *key)
{
	struct json_iter it;
	struct json_span k, v, none;

	memset(&none, 0, sizeof none);
	if (o.type != JSON_OBJECT || json_iter_init(&it, o) < 0)
		return none;
	while (json_iter_next(&it, &k, &v))
		if (json_str_eq(k, key, strlen(key)))
			return v;
	return none;
}

/* The JSON object on p[0..n) (one line), JSON_NONE when it is not one. */
static struct json_span object(const char *p, size_t n)
{
	struct json_span o;

	memset(&o, 0, sizeof o);
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
		n--;
	if (!n || json_validate(p, n, NULL) < 0 ||
	    !json_scan_value(p, p, p + n, &o, NULL) || o.type != JSON_OBJECT)
		memset(&o, 0, sizeof o);
	return o;
}

static void str_of(struct json_span v, char *out, size_t sz)
{
	struct buf b = BUF_INIT;

	out[0] = '\0';
	if (v.type == JSON_STRING && json_str_decode(v, &b) == 0 && b.p)
		snprintf(out, sz, "%s", b.p);
	buf_release(&b);
}

/* YYYY-MM-DD[THH:MM:SSZ] into tm.  @return the fields read. */
static int parse_time(const char *s, struct tm *tm)
{
	int n;

	memset(tm, 0, sizeof *tm);
	n = sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm->tm_year, &tm->tm_mon,
		   &tm->tm_mday, &tm->tm_hour, &tm->tm_min, &tm->tm_sec);
	tm->tm_year -= 1900;
	tm->tm_mon -= 1;
	return n;
}

static void rm_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	struct buf p = BUF_INIT;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", path, e->d_name);
		unlink(p.p);
	}
	closedir(d);
	rmdir(path);
	buf_release(&p);
}

/* Opens the last published run of job; the cache of other runs of the
 * job is removed.  @return 0, or -1 when the job has published nothing. */
static int run_open(const struct bot_ans *a, const char *job, struct run *r)
{
	struct buf path = BUF_INIT, b = BUF_INIT, e = BUF_INIT;
	char link[NAME_MAX + 1], at[32];
	ssize_t n;
	struct json_span o;
	struct tm tm;
	DIR *d;
	struct dirent *de;

	memset(r, 0, sizeof *r);
	snprintf(r->job, sizeof r->job, "%s", job);
	buf_addf(&path, "%s/%s/published/latest", a->state_dir, job);
	n = readlink(path.p, link, sizeof link - 1);
	if (n > 0 && !memchr(link, '/', (size_t)n)) {
		link[n] = '\0';
		snprintf(r->stamp, sizeof r->stamp, "%s", link);
	} else
		snprintf(r->stamp, sizeof r->stamp, "latest");
	buf_addf(&r->dir, "%s/%s/published/%s", a->state_dir, job, r->stamp);
	buf_reset(&path);
	buf_addf(&path, "%s/run.json", r->dir.p);
	if (file_slurp(NULL, path.p, &b, &e)) {
		buf_release(&path);
		buf_release(&b);
		buf_release(&e);
		return -1;
	}
	o = object(b.p ? b.p : "", b.len);
	str_of(member(o, "day"), r->day, sizeof r->day);
	str_of(member(o, "computed_at"), at, sizeof at);
	if (strlen(at) == 20 && parse_time(at, &tm) == 6)
		r->computed = timegm(&tm);
	buf_addf(&r->cache, "%s/cache", a->bot_dir);
	mkdir(r->cache.p, 0750);
	/* the runs before this one are of no more use */
	if ((d = opendir(r->cache.p))) {
		size_t jl = strlen(job);
		while ((de = readdir(d)))
			if (!strncmp(de->d_name, job, jl) &&
			    de->d_name[jl] == '-' &&
			    strcmp(de->d_name + jl + 1, r->stamp)) {
				buf_reset(&path);
				buf_addf(&path, "%s/%s", r->cache.p,
					 de->d_name);
				rm_tree(path.p);
			}
		closedir(d);
	}
	buf_addf(&r->cache, "/%s-%s", job, r->stamp);
	mkdir(r->cache.p, 0750);
	buf_release(&path);
	buf_release(&b);
	buf_release(&e);
	return 0;
}

/* Runs argv with stdin from in (NULL: /dev/null) and stdout into out.
 * @return its exit status, or -1 when it could not start. */
static int spawn(char *const argv[], const char *in, const char *out)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int st, rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null",
					 O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out,
					 O_WRONLY | O_CREAT | O_TRUNC, 0640);
	rc = strchr(argv[0], '/')
		     ? posix_spawn(&pid, argv[0], &fa, NULL, argv, environ)
		     : posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc)
		return -1;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/*
 * Copies the lines of file in whose record has field == val (and, with
 * from, a "day" in [from, to]) into out.  @return the lines copied, -1
 * when in cannot be read.
 */
static long pick(const char *in, const char *field, const char *val,
		 const char *from, const char *to, const char *out)
{
	struct buf b = BUF_INIT, e = BUF_INIT, o = BUF_INIT;
	const char *p, *end;
	long n = 0;
	FILE *f;

	if (file_slurp(NULL, in, &b, &e)) {
		buf_release(&e);
		return -1;
	}
	p = b.p ? b.p : "";
	end = p + b.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct json_span r = object(p, len);
		char day[16];
		if (r.type && json_str_eq(member(r, field), val, strlen(val))) {
			str_of(member(r, "day"), day, sizeof day);
			if (!from ||
			    (strcmp(day, from) >= 0 && strcmp(day, to) <= 0)) {
				buf_add(&o, p, len);
				buf_addc(&o, '\n');
				n++;
			}
		}
		p = nl ? nl + 1 : end;
	}
	f = fopen(out, "w");
	if (!f || fwrite(o.p ? o.p : "", 1, o.len, f) != o.len)
		n = -1;
	if (f && fclose(f))
		n = -1;
	buf_release(&b);
	buf_release(&e);
	buf_release(&o);
	return n;
}

/* svg into png with rsvg-convert, small charts at twice their size (a
 * phone scales photos to about 1280 pixels).  @return 0 or -1. */
static int to_png(struct bot_ans *a, const char *svg, const char *png)
{
	char head[2048], *w;
	const char *zoom = "1";
	FILE *f = fopen(svg, "r");
	size_t n;
	int st;

	if (!f)
		return -1;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if ((w = strstr(head, " width=\"")) && atof(w + 8) > 0 &&
	    atof(w + 8) < 1200)
		zoom = "2";
	{
		char *argv[] = {"rsvg-convert", "-z", (char *)zoom, (char *)svg,
				NULL};
		st = spawn(argv, NULL, png);
	}
	if (st == 127 || st < 0) {
		if (!a->no_rsvg)
			bot_log(a->tg, "no charts: cannot run rsvg-convert "
				       "(Debian: librsvg2-bin)");
		a->no_rsvg = 1;
	}
	return st ? -1 : 0;
}

/* Day d (YYYY-MM-DD) minus days-1, into out. */
static void first_day(const char *d, int days, char *out, size_t sz)
{
	struct tm tm;
	time_t t;

	if (parse_time(d, &tm) < 3) {
		snprintf(out, sz, "0000-00-00");
		return;
	}
	t = timegm(&tm) - (time_t)(days - 1) * 86400;
	gmtime_r(&t, &tm);
	strftime(out, sz, "%Y-%m-%d", &tm);
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* path = cache/name */
static const char *cpath(struct buf *b, const struct run *r, const char *key,
			 const char *suffix)
{
	buf_reset(b);
	buf_addf(b, "%s/%s%s", r->cache.p, key, suffix);
	return b->p;
}

/* Makes the cached files of button bt (KEY.tg, KEY.chart.png,
 * KEY.hist.png, KEY.done) unless done. */
static void make_button(struct bot_ans *a, const struct run *r,
			const struct bot_button *bt, const char *key)
{
	struct buf in = BUF_INIT, recs = BUF_INIT, out = BUF_INIT,
		   svg = BUF_INIT;
	char from[16];
	const char *lang = a->conf->ru ? "ru" : "en";
	int st;

	if (exists(cpath(&out, r, key, ".done")))
		goto done;
	buf_addf(&in, "%s/metrics.ndjson", r->dir.p);
	cpath(&recs, r, key, ".metric.ndjson");
	if (pick(in.p, "name", bt->metric, NULL, NULL, recs.p) > 0) {
		char *argv[] = {(char *)a->render,
				"-f",
				"telegram",
				"--chat-id",
				"0",
				"--lang",
				(char *)lang,
				r->day[0] ? "--day" : NULL,
				(char *)r->day,
				NULL};
		cpath(&out, r, key, ".tg.tmp");
		st = spawn(argv, recs.p, out.p);
		if (st)
			bot_log(a->tg,
				"%s: pulse-render telegram failed "
				"(exit %d)",
				bt->label, st);
		else
			rename(out.p, cpath(&svg, r, key, ".tg"));
	}
	first_day(r->day, a->conf->days, from, sizeof from);
	if (r->day[0] &&
	    pick(in.p, "name", bt->metric, from, r->day, recs.p) > 0) {
		char *argv[] = {(char *)a->render,
				"-f",
				"svg",
				"--chart",
				"metrics",
				"--lang",
				(char *)lang,
				"--width",
				"1080",
				NULL};
		cpath(&svg, r, key, ".chart.svg");
		if (spawn(argv, recs.p, svg.p) == 0 &&
		    to_png(a, svg.p, cpath(&out, r, key, ".chart.tmp")) == 0)
			rename(out.p, cpath(&in, r, key, ".chart.png"));
		unlink(svg.p);
	}
	if (bt->hist) {
		buf_reset(&in);
		buf_addf(&in, "%s/durations.ndjson", r->dir.p);
		if (pick(in.p, "event", bt->hist, NULL, NULL, recs.p) > 0) {
			char *argv[] = {
				(char *)a->render, "-f",      "svg",  "--lang",
				(char *)lang,	   "--width", "1080", NULL};
			cpath(&svg, r, key, ".hist.svg");
			if (spawn(argv, recs.p, svg.p) == 0 &&
			    to_png(a, svg.p,
				   cpath(&out, r, key, ".hist.tmp")) == 0)
				rename(out.p, cpath(&in, r, key, ".hist.png"));
			unlink(svg.p);
		}
	}
	unlink(recs.p);
	/* a SIGTERM may have ended what it ran (systemd stops them all):
	 * drawn again next time */
	if (!(a->tg->stop && *a->tg->stop))
		close(open(cpath(&out, r, key, ".done"), O_WRONLY | O_CREAT,
			   0640));
done:
	buf_release(&in);
	buf_release(&recs);
	buf_release(&out);
	buf_release(&svg);
}

void bot_ans_init(struct bot_ans *a, const char *state_dir, const char *bot_dir,
		  const struct bot_conf *c, const char *render,
		  struct bot_tg *tg)
{
	size_t i;

	memset(a, 0, sizeof *a);
	a->state_dir = state_dir;
	a->bot_dir = bot_dir;
	a->conf = c;
	a->render = render;
	a->tg = tg;
	buf_adds(&a->keyboard, "{\"keyboard\":[");
	for (i = 0; i < c->n; i++) {
		if (i % (size_t)c->columns == 0)
			buf_adds(&a->keyboard, i ? "],[" : "[");
		else
			buf_addc(&a->keyboard, ',');
		buf_adds(&a->keyboard, "{\"text\":");
		jw_cstr(&a->keyboard, c->b[i].label);
		buf_addc(&a->keyboard, '}');
	}
	buf_adds(&a->keyboard,
		 "]],\"resize_keyboard\":true,\"is_persistent\":true}");
}

void bot_ans_release(struct bot_ans *a)
{
	buf_release(&a->keyboard);
}

/* sendMessage of HTML text to chat, with the keyboard. */
static int say(struct bot_ans *a, int64_t chat, const char *text, size_t n,
	       struct buf *err)
{
	struct buf b = BUF_INIT;
	int st;

	buf_addf(&b, "{\"chat_id\":%" PRId64 ",\"text\":", chat);
	jw_str(&b, text, n);
	buf_adds(&b, ",\"parse_mode\":\"HTML\",\"reply_markup\":");
	buf_add(&b, a->keyboard.p, a->keyboard.len);
	buf_addc(&b, '}');
	st = bot_tg_json(a->tg, "sendMessage", b.p, b.len, err);
	buf_release(&b);
	return st;
}

static void html(struct buf *b, const char *s)
{
	for (; *s; s++)
		if (*s == '<')
			buf_adds(b, "&lt;");
		else if (*s == '>')
			buf_adds(b, "&gt;");
		else if (*s == '&')
			buf_adds(b, "&amp;");
		else
			buf_addc(b, *s);
}

/* "Data of 2026-01-21 06:00 UTC, 3 h ago." */
static void age(const struct bot_ans *a, const struct run *r, struct buf *b)
{
	int ru = a->conf->ru;
	char at[32];
	long d;
	struct tm tm;

	if (!r->computed) {
		buf_adds(b, ru ? "<i>Время расчёта неизвестно.</i>"
			       : "<i>When it was computed is unknown.</i>");
		return;
	}
	gmtime_r(&r->computed, &tm);
	strftime(at, sizeof at, "%Y-%m-%d %H:%M", &tm);
	d = (long)(time(NULL) - r->computed);
	if (d < 0)
		d = 0;
	buf_addf(b,
		 ru ? "<i>Данные рассчитаны %s UTC, " : "<i>Computed %s UTC, ",
		 at);
	if (d < 3600)
		buf_addf(b, ru ? "%ld мин назад" : "%ld min ago", d / 60);
	else if (d < 172800)
		buf_addf(b, ru ? "%ld ч назад" : "%ld h ago", d / 3600);
	else
		buf_addf(b, ru ? "%ld дн назад" : "%ld days ago", d / 86400);
	buf_adds(b, ".</i>");
}

/*
 * Sends the sendMessage payloads of file (one a line: their text and
 * parse_mode) to chat, the age appended to the last.  @return 0, -1 when
 * the file holds none, or an exit status.
 */
static int say_file(struct bot_ans *a, int64_t chat, const char *file,
		    const struct run *r, struct buf *err)
{
	struct buf b = BUF_INIT, e = BUF_INIT, t = BUF_INIT, last = BUF_INIT;
	const char *p, *end;
	int st = 0, any = 0;

	if (file_slurp(NULL, file, &b, &e)) {
		buf_release(&e);
		return -1;
	}
	p = b.p ? b.p : "";
	end = p + b.len;
	while (p < end && !st) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct json_span o = object(p, len), x = member(o, "text");
		p = nl ? nl + 1 : end;
		if (x.type != JSON_STRING)
			continue;
		buf_reset(&t);
		json_str_decode(x, &t);
		/* plain text becomes HTML as the rest is */
		if (!json_str_eq(member(o, "parse_mode"), "HTML", 4)) {
			struct buf h = BUF_INIT;
			html(&h, t.p ? t.p : "");
			buf_reset(&t);
			buf_add(&t, h.p ? h.p : "", h.len);
			buf_release(&h);
		}
		if (any)
			st = say(a, chat, last.p, last.len, err);
		buf_reset(&last);
		buf_add(&last, t.p ? t.p : "", t.len);
		any = 1;
	}
	if (!st && any) {
		buf_reset(&t);
		age(a, r, &t);
		if (last.len + 2 + t.len <= 4096) {
			buf_adds(&last, "\n\n");
			buf_add(&last, t.p, t.len);
			st = say(a, chat, last.p, last.len, err);
		} else if (!(st = say(a, chat, last.p, last.len, err)))
			st = say(a, chat, t.p, t.len, err);
	}
	buf_release(&b);
	buf_release(&e);
	buf_release(&t);
	buf_release(&last);
	return st ? st : any ? 0 : -1;
}

/* Sends the PNG file, when there is one, as a photo. */
static int photo(struct bot_ans *a, int64_t chat, const char *file,
		 const char *caption, struct buf *err)
{
	struct buf b = BUF_INIT, e = BUF_INIT;
	int st = 0;

	if (!file_slurp(NULL, file, &b, &e) && b.len)
		st = bot_tg_photo(a->tg, chat, b.p, b.len, caption, NULL, err);
	buf_release(&b);
	buf_release(&e);
	return st;
}

static int no_data(struct bot_ans *a, int64_t chat, const char *job,
		   struct buf *err)
{
	struct buf t = BUF_INIT;
	int st;

	buf_addf(&t,
		 a->conf->ru ? "Данных пока нет: ежедневный расчёт (%s) ещё "
			       "ничего не опубликовал."
			     : "No data yet: the daily job (%s) has published "
			       "nothing.",
		 job);
	st = say(a, chat, t.p, t.len, err);
	buf_release(&t);
	return st;
}

/* The cache's name of button bt's files: a new config, new files. */
static void button_key(const struct bot_ans *a, const struct bot_button *bt,
		       struct buf *key)
{
	uint64_t h;

	buf_reset(key);
	buf_addf(key, "%s|%s|%d|%d", bt->metric, bt->hist ? bt->hist : "",
		 a->conf->days, a->conf->ru);
	h = hmap_hash(key->p, key->len);
	buf_reset(key);
	buf_addf(key, "b%016" PRIx64, h);
}

void bot_ans_warm(struct bot_ans *a)
{
	struct buf key = BUF_INIT;
	struct run r;
	size_t i;

	if (run_open(a, "sales", &r) == 0)
		for (i = 0; i < a->conf->n; i++) {
			button_key(a, &a->conf->b[i], &key);
			make_button(a, &r, &a->conf->b[i], key.p);
		}
	run_release(&r);
	buf_release(&key);
}

static int button(struct bot_ans *a, int64_t chat, const struct bot_button *bt,
		  struct buf *err)
{
	struct run r;
	struct buf key = BUF_INIT, p = BUF_INIT, cap = BUF_INIT;
	int st;

	if (run_open(a, "sales", &r) < 0) {
		run_release(&r);
		return no_data(a, chat, "sales", err);
	}
	button_key(a, bt, &key);
	make_button(a, &r, bt, key.p);
	st = say_file(a, chat, cpath(&p, &r, key.p, ".tg"), &r, err);
	if (st < 0) {
		buf_reset(&cap);
		buf_adds(&cap, a->conf->ru ? "Нет чисел показателя <b>"
					   : "No numbers of the metric <b>");
		html(&cap, bt->metric);
		buf_adds(&cap, a->conf->ru ? "</b> в последнем расчёте."
					   : "</b> in the last run.");
		st = say(a, chat, cap.p, cap.len, err);
	}
	buf_reset(&cap);
	buf_addf(&cap,
		 a->conf->ru ? "%s: последние %d дн." : "%s: the last %d days",
		 bt->label, a->conf->days);
	if (!st)
		st = photo(a, chat, cpath(&p, &r, key.p, ".chart.png"), cap.p,
			   err);
	buf_reset(&cap);
	buf_addf(&cap,
		 a->conf->ru ? "%s: время обработки, ч"
			     : "%s: processing time, h",
		 bt->label);
	if (!st && bt->hist)
		st = photo(a, chat, cpath(&p, &r, key.p, ".hist.png"), cap.p,
			   err);
	run_release(&r);
	buf_release(&key);
	buf_release(&p);
	buf_release(&cap);
	return st;
}

/* /report: the morning message again, with its chart. */
static int report(struct bot_ans *a, int64_t chat, struct buf *err)
{
	struct run r;
	struct buf p = BUF_INIT, q = BUF_INIT;
	int st;

	if (run_open(a, "sales", &r) < 0) {
		run_release(&r);
		return no_data(a, chat, "sales", err);
	}
	buf_addf(&p, "%s/report.ndjson", r.dir.p);
	st = say_file(a, chat, p.p, &r, err);
	if (st < 0)
		st = no_data(a, chat, "sales", err);
	cpath(&q, &r, "report", ".png");
	if (!st && !exists(q.p)) {
		buf_reset(&p);
		buf_addf(&p, "%s/chart.svg", r.dir.p);
		if (exists(p.p) &&
		    to_png(a, p.p, cpath(&q, &r, "report", ".tmp")) == 0)
			rename(q.p, cpath(&p, &r, "report", ".png"));
		cpath(&q, &r, "report", ".png");
	}
	if (!st)
		st = photo(a, chat, q.p, "", err);
	run_release(&r);
	buf_release(&p);
	buf_release(&q);
	return st;
}

/* /tickets, /leads: the digest the job published, else pulse-render
 * --format telegram of its records, else the counts of its run.json. */
static int digest(struct bot_ans *a, int64_t chat, const char *job,
		  const char *records, struct buf *err)
{
	struct run r;
	struct buf p = BUF_INIT, q = BUF_INIT, t = BUF_INIT, e = BUF_INIT;
	int st;

	if (run_open(a, job, &r) < 0) {
		run_release(&r);
		return no_data(a, chat, job, err);
	}
	buf_addf(&p, "%s/digest.ndjson", r.dir.p);
	st = say_file(a, chat, p.p, &r, err);
	if (st < 0) {
		cpath(&q, &r, job, ".tg");
		/* .tried: pulse-render was run, whatever came of it */
		if (!exists(cpath(&t, &r, job, ".tried"))) {
			char *argv[] = {(char *)a->render,
					"-f",
					"telegram",
					"--chat-id",
					"0",
					"--lang",
					a->conf->ru ? "ru" : "en",
					NULL};
			close(open(t.p, O_WRONLY | O_CREAT, 0640));
			buf_reset(&p);
			buf_addf(&p, "%s/%s", r.dir.p, records);
			if (spawn(argv, p.p, cpath(&t, &r, job, ".tmp")) == 0)
				rename(t.p, q.p);
			else
				unlink(t.p);
		}
		st = say_file(a, chat, q.p, &r, err);
	}
	if (st < 0) {
		struct json_span o;
		buf_reset(&p);
		buf_addf(&p, "%s/run.json", r.dir.p);
		buf_reset(&q);
		file_slurp(NULL, p.p, &q, &e);
		o = object(q.p ? q.p : "", q.len);
		buf_reset(&t);
		buf_addf(&t, "<b>%s</b>\n",
			 !strcmp(job, "tickets")
				 ? (a->conf->ru ? "Тикеты" : "Tickets")
				 : (a->conf->ru ? "Лиды" : "Leads"));
		if (member(o, "records").type == JSON_NUMBER)
			buf_addf(&t,
				 a->conf->ru ? "записей: %.*s\n"
					     : "records: %.*s\n",
				 (int)member(o, "records").n,
				 member(o, "records").p);
		if (member(o, "new").type == JSON_NUMBER)
			buf_addf(&t,
				 a->conf->ru ? "новых: %.*s\n" : "new: %.*s\n",
				 (int)member(o, "new").n, member(o, "new").p);
		buf_adds(&t, "\n");
		age(a, &r, &t);
		st = say(a, chat, t.p, t.len, err);
	}
	run_release(&r);
	buf_release(&p);
	buf_release(&q);
	buf_release(&t);
	buf_release(&e);
	return st;
}

static int help(struct bot_ans *a, int64_t chat, struct buf *err)
{
	struct buf t = BUF_INIT;
	size_t i;
	int st;

	buf_adds(&t,
		 a->conf->ru
			 ? "Я показываю последние цифры продаж из утреннего "
			   "расчёта. Кнопки внизу:\n"
			 : "I show the latest sales numbers of the morning "
			   "run. The buttons below:\n");
	for (i = 0; i < a->conf->n; i++) {
		buf_adds(&t, "• ");
		html(&t, a->conf->b[i].label);
		buf_addc(&t, '\n');
	}
	buf_adds(&t, a->conf->ru
			     ? "\nКоманды:\n/report — утренний отчёт ещё раз\n"
			       "/tickets — сводка по тикетам\n/leads — воронка "
			       "лидов\n/help — эта справка"
			     : "\nCommands:\n/report — the morning message "
			       "again\n/tickets — the ticket digest\n/leads — "
			       "the leads funnel\n/help — this help");
	st = say(a, chat, t.p, t.len, err);
	buf_release(&t);
	return st;
}

/* Whether text is the command cmd ("/cmd" or "/cmd@botname"). */
static int is_cmd(const char *text, const char *cmd)
{
	size_t n = strlen(cmd);

	return !strncmp(text, cmd, n) &&
	       (!text[n] || text[n] == '@' || text[n] == ' ');
}

int bot_ans_text(struct bot_ans *a, int64_t chat, const char *text,
		 struct buf *err)
{
	size_t i;

	for (i = 0; i < a->conf->n; i++)
		if (!strcmp(text, a->conf->b[i].label))
			return button(a, chat, &a->conf->b[i], err);
	if (is_cmd(text, "/start") || is_cmd(text, "/help"))
		return help(a, chat, err);
	if (is_cmd(text, "/report"))
		return report(a, chat, err);
	if (is_cmd(text, "/tickets"))
		return digest(a, chat, "tickets", "tickets.ndjson", err);
	if (is_cmd(text, "/leads"))
		return digest(a, chat, "leads", "funnel.ndjson", err);
	return say(a, chat,
		   a->conf->ru ? "Не понимаю. Нажмите кнопку внизу или "
				 "отправьте /help."
			       : "I do not understand. Press a button below "
				 "or send /help.",
		   strlen(a->conf->ru ? "Не понимаю. Нажмите кнопку внизу или "
					"отправьте /help."
				      : "I do not understand. Press a button "
					"below or send /help."),
		   err);
}

int bot_ans_refuse(struct bot_ans *a, int64_t chat, struct buf *err)
{
	struct buf b = BUF_INIT, t = BUF_INIT;
	int st;

	buf_addf(&t,
		 a->conf->ru ? "Извините, этот бот отвечает только тем, кому "
			       "открыт доступ. Если он вам нужен, передайте "
			       "администратору номер этого чата: %" PRId64 "."
			     : "Sorry, this bot answers only the people it is "
			       "allowed to. If you need it, give its "
			       "administrator this chat's number: %" PRId64 ".",
		 chat);
	/* no keyboard: nothing here is for them */
	buf_addf(&b, "{\"chat_id\":%" PRId64 ",\"text\":", chat);
	jw_str(&b, t.p, t.len);
	buf_adds(&b, ",\"reply_markup\":{\"remove_keyboard\":true}}");
	st = bot_tg_json(a->tg, "sendMessage", b.p, b.len, err);
	buf_release(&b);
	buf_release(&t);
	return st;
}
