/* pulse-bot - a Telegram bot that answers from what the daily jobs
 * published: a keyboard of sales lines, /report, /tickets, /leads. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bot.h"
#include "cli.h"
#include "file.h"

enum {
	OPT_STATE = CLI_OPT_FIRST_PROGRAM,
	OPT_ALLOW,
	OPT_CONFIG,
	OPT_ONCE,
	OPT_TOKEN_FILE,
	OPT_POLL,
	OPT_BACKOFF,
	OPT_TRIES,
	OPT_CHECK,
	OPT_BOT_DIR,
};

static const struct cli_info info = {
	"pulse-bot",
	"usage: pulse-bot [--state-dir DIR] --allow ID[,ID...] [--config FILE] "
	"[--token-file FILE] [--once] [options]",
	"Answer the people allowed in Telegram from what the daily jobs last\n"
	"published in DIR: a keyboard of buttons (the sales lines), /report,\n"
	"/tickets, /leads, /help.  The token comes from $TELEGRAM_BOT_TOKEN or\n"
	"--token-file, the API from $TELEGRAM_API_BASE (default\n"
	"https://api.telegram.org).\n"
	"\n"
	"      --state-dir DIR    the daily jobs' state (default $PULSE_STATE_DIR,\n"
	"                         else /var/lib/pulse)\n"
	"      --bot-dir DIR      the bot's own state: the update offset, the\n"
	"                         chats refused, the charts drawn (default\n"
	"                         DIR/bot)\n"
	"      --allow LIST       the chats served (ids, comma-separated, repeatable;\n"
	"                         a user's private chat has the user's id, a\n"
	"                         group's is negative); others are refused once\n"
	"      --config FILE      the keyboard (default: the sales lines; see\n"
	"                         pulse-bot(1))\n"
	"      --token-file FILE  read the bot token from FILE\n"
	"      --once             answer the updates waiting, then exit\n"
	"      --check-config     print the keyboard of --config and exit\n"
	"      --poll-timeout SEC how long a getUpdates waits (default 50)\n"
	"      --backoff SEC      the first wait after a 5xx or a lost\n"
	"                         connection, doubled up to 30 (default 1)\n"
	"      --max-tries N      attempts of a message (default 5)\n"
	"  -v, --verbose          log each request and update\n"
	"      --help             print this help and exit\n"
	"      --version          print the version and exit\n"
	"\n"
	"Exit status: 0 stopped (SIGTERM, or --once done); 64 usage; 65 a bad\n"
	"config or state file; 66 no token file; 69 the API refused getUpdates\n"
	"(a bad token); 73, 74 the state cannot be written.\n",
};

static volatile sig_atomic_t stop, in_poll;

static void on_term(int sig)
{
	(void)sig;
	if (in_poll)
		_exit(0); /* only waiting: nothing at hand, the offset saved */
	stop = 1;
}

ERR_PRINTF(1, 2) _Noreturn static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", info.usage);
	exit(EX_USAGE);
}

static void add_allow(const char *list, int64_t **v, size_t *n)
{
	char *dup = xstrdup(list), *save = NULL, *t;

	for (t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *end;
		long long x;
		errno = 0;
		x = strtoll(t, &end, 10);
		if (errno || end == t || *end || x == 0)
			usage_error("--allow: '%s' is not a chat or user id",
				    t);
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		(*v)[(*n)++] = x;
	}
	free(dup);
}

static double seconds(const char *opt, const char *v, double max)
{
	char *end;
	double x = strtod(v, &end);

	if (end == v || *end || !(x >= 0 && x <= max))
		usage_error("%s: not a number of seconds", opt);
	return x;
}

/* The token of the file or the environment, checked for its form. */
static char *token_of(const char *file)
{
	struct buf b = BUF_INIT, err = BUF_INIT;
	char *tok;
	size_t i;

	if (file) {
		int st = file_slurp("the token file", file, &b, &err);
		if (st)
			die(st, "%s", err.p);
		tok = xstrndup(b.p ? b.p : "", strcspn(b.p ? b.p : "", "\r\n"));
	} else {
		const char *e = getenv("TELEGRAM_BOT_TOKEN");
		if (!e || !*e)
			die(EX_USAGE, "no bot token: set TELEGRAM_BOT_TOKEN or "
				      "use --token-file");
		tok = xstrdup(e);
	}
	buf_release(&b);
	buf_release(&err);
	for (i = 0; tok[i] >= '0' && tok[i] <= '9'; i++)
		;
	if (!i || tok[i] != ':' || !tok[i + 1] ||
	    strspn(tok + i + 1,
		   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
		   "VWXYZ0123456789_-") != strlen(tok + i + 1))
		die(EX_USAGE, "the bot token is not of the form 123456:ABC-def "
			      "(not shown)");
	/* the programs the bot runs have no use for it */
	unsetenv("TELEGRAM_BOT_TOKEN");
	return tok;
}

/* --check-config: the buttons, a line each, and what they answer. */
static int check_config(const char *config)
{
	struct bot_conf c;
	struct buf err = BUF_INIT;
	size_t i;
	int st = bot_conf_load(config, &c, &err);

	if (st)
		die(st, "%s", err.p);
	printf("lang %s, %d columns, charts of %d days\n", c.ru ? "ru" : "en",
	       c.columns, c.days);
	for (i = 0; i < c.n; i++)
		printf("%s: metric %s%s%s\n", c.b[i].label, c.b[i].metric,
		       c.b[i].hist ? ", histogram of " : "",
		       c.b[i].hist ? c.b[i].hist : "");
	bot_conf_release(&c);
	buf_release(&err);
	return fflush(stdout) ? EX_IOERR : 0;
}

/* pulse-render beside this program, else on PATH. */
static char *find_render(void)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 32);
	char *slash;

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/'))) {
			strcpy(slash + 1, "pulse-render");
			if (access(self, X_OK) == 0)
				return xstrdup(self);
		}
	}
	return xstrdup("pulse-render");
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"state-dir", required_argument, NULL, OPT_STATE},
		{"allow", required_argument, NULL, OPT_ALLOW},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"once", no_argument, NULL, OPT_ONCE},
		{"token-file", required_argument, NULL, OPT_TOKEN_FILE},
		{"poll-timeout", required_argument, NULL, OPT_POLL},
		{"backoff", required_argument, NULL, OPT_BACKOFF},
		{"max-tries", required_argument, NULL, OPT_TRIES},
		{"check-config", no_argument, NULL, OPT_CHECK},
		{"bot-dir", required_argument, NULL, OPT_BOT_DIR},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, CLI_OPT_HELP},
		{"version", no_argument, NULL, CLI_OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	const char *state = getenv("PULSE_STATE_DIR"), *config = NULL,
		   *token_file = NULL, *bot_dir = NULL,
		   *api = getenv("TELEGRAM_API_BASE");
	struct bot_opts o;
	struct bot_conf conf;
	struct bot_tg t;
	struct buf err = BUF_INIT, botdir = BUF_INIT;
	struct sigaction sa;
	/* static: reachable when a usage error exits from inside the loop */
	static int64_t *allow;
	size_t nallow = 0;
	double poll = 50, backoff = 1;
	char *token, *render, *end;
	int opt, st, once = 0, check = 0;
	long tries = 5;

	err_setprog(argv[0]);
	memset(&t, 0, sizeof t);
	while ((opt = getopt_long(argc, argv, "v", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_STATE:
			state = optarg;
			break;
		case OPT_ALLOW:
			add_allow(optarg, &allow, &nallow);
			break;
		case OPT_CONFIG:
			config = optarg;
			break;
		case OPT_ONCE:
			once = 1;
			break;
		case OPT_TOKEN_FILE:
			token_file = optarg;
			break;
		case OPT_POLL:
			poll = seconds("--poll-timeout", optarg, 3600);
			break;
		case OPT_BACKOFF:
			backoff = seconds("--backoff", optarg, 30);
			break;
		case OPT_TRIES:
			tries = strtol(optarg, &end, 10);
			if (end == optarg || *end || tries < 1 || tries > 100)
				usage_error("--max-tries: '%s' is not a number "
					    "from 1 to 100",
					    optarg);
			break;
		case OPT_BOT_DIR:
			bot_dir = optarg;
			break;
		case OPT_CHECK:
			check = 1;
			break;
		case 'v':
			t.verbose = 1;
			break;
		case CLI_OPT_HELP:
			printf("%s\n%s", info.usage, info.help);
			return fflush(stdout) ? EX_IOERR : 0;
		case CLI_OPT_VERSION:
			printf("pulse-bot (pulse) %s\n", VERSION);
			return fflush(stdout) ? EX_IOERR : 0;
		default:
			fprintf(stderr, "%s\n", info.usage);
			return EX_USAGE;
		}
	}
	if (optind < argc)
		usage_error("%s", "an argument, not shown (it may be a token: "
				  "a token is never an argument, use "
				  "TELEGRAM_BOT_TOKEN or --token-file)");
	if (check)
		return check_config(config);
	if (!nallow)
		usage_error("%s", "--allow is needed: the chats and users to "
				  "serve");
	if (!state || !*state)
		state = "/var/lib/pulse";
	if (!api || !*api)
		api = "https://api.telegram.org";
	if (strncmp(api, "http://", 7) && strncmp(api, "https://", 8))
		usage_error("TELEGRAM_API_BASE '%s' is not an http(s) URL",
			    api);
	if (!bot_dir && mkdir(state, 0750) < 0 && errno != EEXIST)
		die_errno(EX_CANTCREAT, "cannot create '%s'", state);
	buf_addf(&botdir, "%s/bot", state);
	st = bot_conf_load(config, &conf, &err);
	if (st)
		die(st, "%s", err.p);
	token = token_of(token_file);
	render = find_render();
	t.backoff_ms = (long)(backoff * 1000);
	t.max_tries = (int)tries;
	t.stop = &stop;
	st = bot_tg_init(&t, api, token, (long)poll, &err);
	if (st)
		die(st, "%s", err.p);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	memset(&o, 0, sizeof o);
	o.state_dir = state;
	o.bot_dir = bot_dir ? bot_dir : botdir.p;
	o.allow = allow;
	o.nallow = nallow;
	o.once = once;
	o.poll_timeout = (long)poll;
	o.render = render;
	o.stop = &stop;
	o.in_poll = &in_poll;
	st = bot_run(&o, &conf, &t, &err);
	if (st)
		bot_log(&t, "%s", err.p);
	bot_tg_release(&t);
	bot_conf_release(&conf);
	memset(token, 0, strlen(token));
	free(token);
	free(render);
	free(allow);
	buf_release(&err);
	buf_release(&botdir);
	return st;
}
