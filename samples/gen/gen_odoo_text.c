/*
 * gen_odoo_text.c - the people and the texts of the Odoo sample.
 *
 * Every phrase carries the keyword bits (enum kw) of the rules it triggers
 * in samples/rules/tickets.rules, tagged by hand; the e2e test
 * tests/e2e/gen/labels-match.sh runs the real pipeline over a generated
 * export and catches a wrong tag.  The values put into placeholders
 * (courses, cities, names) trigger nothing.  Beware of keywords hidden in
 * longer words: "termin" in "determine", "dates" in "updates", "wann" in
 * "gewann", "datum" in "Bestelldatum", "dating" in "updating".
 *
 * Placeholders in phrases: {c} course, {O} online course, {C} city,
 * {m} month, {n} people, {e} euros, {o} order number, {d} a course date
 * ahead (dd.mm.yyyy) and {D} the same in English, {p}/{P} a purchase date
 * before the ticket, {u}/{U} the end of an absence, {k} the former
 * operator, {B} the brand, {S} the company, {s} the partner school, {f}
 * the customer's first name, {K} "Kundin" or "Kunde", {F} the first name
 * of the assigned staff member, {r} the ticket reference.
 */
#include "gen_odoo.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

struct phr {
	const char *s;
	unsigned kw;
};

#define NEL(a) (sizeof(a) / sizeof((a)[0]))

/* The tables read better as written. */
/* clang-format off */

/* ---- company, staff, partner schools ------------------------------- */

const struct staff odoo_staff[] = {
	{"Lena Hartwig", "lena.hartwig@" STAFF_DOMAIN, 9, 7, 1},
	{"Tobias Reinhardt", "tobias.reinhardt@" STAFF_DOMAIN, 10, 8, 1},
	{"Miriam Castell", "miriam.castell@" STAFF_DOMAIN, 11, 9, 1},
	{"Jonas Albers", "jonas.albers@" STAFF_DOMAIN, 12, 10, 1},
	{"Paula Neuhaus", "paula.neuhaus@" STAFF_DOMAIN, 13, 11, 1},
	{"Deniz Aydın", "deniz.aydin@" STAFF_DOMAIN, 14, 12, 1},
	{"Katharina Roß", "katharina.ross@" STAFF_DOMAIN, 15, 13, 1},
	{"Felix Brenner", "felix.brenner@" STAFF_DOMAIN, 16, 14, 0},
};
const size_t odoo_nstaff = NEL(odoo_staff);

const struct school odoo_schools[] = {
	{"Kochschule Elbblick", "elbblick-kochschule.example", "Jan Petersen",
	 "Jan", "jan.petersen"},
	{"Pasta Atelier Süd", "pasta-atelier-sued.example", "Giulia Romano",
	 "Giulia", "info"},
	{"Backstube Sauerteig & Co.", "backstube-sauerteig.example",
	 "Hannes Brotmann", "Hannes", "hannes"},
	{"Barista Akademie Rhein", "barista-akademie-rhein.example",
	 "Selin Kaya", "Selin", "kurse"},
	{"Sushi Werkstatt Nord", "sushi-werkstatt-nord.example", "Kenji Mori",
	 "Kenji", "kenji.mori"},
	{"Gewürzküche Leipzig", "gewuerzkueche-leipzig.example",
	 "Ramona Fiedler", "Ramona", "info"},
	{"Grillschule Eichenhof", "grillschule-eichenhof.example",
	 "Bernd Eichhorn", "Bernd", "b.eichhorn"},
	{"Patisserie Lumière", "patisserie-lumiere.example", "Claire Dubois",
	 "Claire", "atelier"},
};
const size_t odoo_nschools = NEL(odoo_schools);

const char *const odoo_stage_name[STAGE_N] = {
	"New", "In Progress", "Waiting for Customer", "Solved", "Cancelled",
};

/* ---- names --------------------------------------------------------- */

static const char *const de_female[] = {
	"Anna", "Katrin", "Sabine", "Petra", "Monika", "Claudia", "Stefanie",
	"Sandra", "Laura", "Franziska", "Heike", "Birgit", "Ute", "Tanja",
	"Jana", "Carolin", "Lisa", "Hannah", "Lea", "Annika", "Bettina",
	"Doris", "Gabriele", "Ines", "Karin", "Maren", "Nina", "Regina",
	"Silke", "Svenja", "Vanessa", "Wiebke", "Ulrike", "Frauke", "Antje",
};
static const char *const de_male[] = {
	"Thomas", "Michael", "Andreas", "Stefan", "Klaus", "Frank", "Florian",
	"Matthias", "Sebastian", "Jens", "Uwe", "Dirk", "Oliver", "Peter",
	"Ralf", "Holger", "Bernhard", "Carsten", "Daniel", "Georg", "Heiko",
	"Ingo", "Kai", "Lars", "Martin", "Niklas", "Olaf", "Rainer", "Sven",
	"Torsten", "Volker", "Wolfgang", "Henning", "Moritz",
};
static const char *const de_last[] = {
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
	"Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder",
	"Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
	"Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
	"Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter",
	"Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz",
	"Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller",
	"Günther", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
	"Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter",
	"Kraus", "Schumacher", "Krämer", "Jäger", "Otto", "Sommer", "Groß",
	"Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Dietrich",
	"Ziegler", "Kuhn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
	"Voigt", "Sauer", "Arnold", "Pfeiffer",
};
static const char *const en_female[] = {
	"Emily", "Sophie", "Grace", "Chloe", "Lucy", "Charlotte", "Amelia",
	"Olivia", "Rebecca", "Hazel", "Megan", "Abigail",
};
static const char *const en_male[] = {
	"James", "Henry", "Jack", "George", "Harry", "Edward", "Samuel",
	"William", "Owen", "Callum", "Nathan", "Robert",
};
static const char *const en_last[] = {
	"Clarke", "Walker", "Bennett", "Turner", "Hughes", "Mitchell",
	"Foster", "Parker", "Ward", "Morgan", "Cooper", "Bailey", "Reed",
	"Price", "Fletcher", "Hayes", "Lawson", "Marsh", "Spencer", "Doyle",
};

struct ru_name {
	const char *cyr;
	const char *lat;
};
static const struct ru_name ru_female[] = {
	{"Ольга", "olga"}, {"Анна", "anna"}, {"Наталья", "natalia"},
	{"Татьяна", "tatiana"}, {"Ирина", "irina"}, {"Мария", "maria"},
	{"Екатерина", "ekaterina"}, {"Светлана", "svetlana"},
	{"Оксана", "oksana"}, {"Юлия", "yulia"},
};
static const struct ru_name ru_male[] = {
	{"Дмитрий", "dmitry"}, {"Сергей", "sergey"}, {"Игорь", "igor"},
	{"Алексей", "alexey"}, {"Андрей", "andrey"}, {"Павел", "pavel"},
	{"Максим", "maxim"}, {"Виктор", "viktor"},
};
/* Male form; the female form adds "а" (Cyrillic) / "a" (Latin) when
 * the name ends in -ов/-ев/-ин, Ukrainian names do not change. */
static const struct ru_name ru_last[] = {
	{"Смирнов", "smirnov"}, {"Волков", "volkov"}, {"Козлов", "kozlov"},
	{"Морозов", "morozov"}, {"Павлов", "pavlov"}, {"Соколов", "sokolov"},
	{"Лебедев", "lebedev"}, {"Новиков", "novikov"}, {"Фёдоров", "fedorov"},
	{"Кузнецов", "kuznetsov"}, {"Орлов", "orlov"}, {"Захаров", "zakharov"},
	{"Ковальчук", "kovalchuk"}, {"Шевчук", "shevchuk"},
	{"Бондаренко", "bondarenko"}, {"Ткаченко", "tkachenko"},
	{"Мельник", "melnyk"},
};

static const char *const de_domains[] = {
	"gmx.example", "web.example", "t-online.example", "posteo.example",
	"freenet.example", "gmail.example", "outlook.example", "icloud.example",
	"mail.example", "gmx.example", "web.example",
};
static const char *const en_domains[] = {
	"gmail.example", "outlook.example", "icloud.example",
	"btinternet.example", "mail.example",
};
static const char *const ru_domains[] = {
	"yandex.example", "mail-ru.example", "gmail.example", "ukr-net.example",
};

/* ---- values for placeholders --------------------------------------- */

static const char *const courses[] = {
	"Dim Sum", "Sushi für Einsteiger", "Pasta fresca", "Brot backen",
	"Barista-Grundkurs", "Gin Tasting", "Whisky, Food & Beer", "Tapas & Wein",
	"Ramen", "Thai-Curry", "Steak & Grill", "Motivtorten",
	"Eis selber machen", "Französische Patisserie", "Vegane Küche",
	"Indische Küche", "Wok-Küche", "Fisch & Meeresfrüchte", "Wildkochkurs",
	"Pralinen", "Sauerteigbrot", "Burger", "Macarons", "Knödel & Co.",
	"Sterneküche", "Männerkochkurs", "Risotto", "Spanische Küche",
};
static const char *const online_courses[] = {
	"Tacos@Home", "Pasta@Home", "Sushi@Home", "Curry@Home", "Ramen@Home",
	"Plätzchen@Home", "Cocktails@Home",
};
static const char *const cities[] = {
	"Hamburg", "Berlin", "München", "Köln", "Frankfurt", "Stuttgart",
	"Düsseldorf", "Leipzig", "Dresden", "Hannover", "Nürnberg", "Bremen",
	"Bonn", "Münster", "Freiburg", "Mainz", "Regensburg", "Augsburg",
	"Heidelberg", "Potsdam",
};
/* Other spellings of the cities that customers write, and their name. */
static const char *const city_aliases[][2] = {
	{"Munich", "München"},	{"Cologne", "Köln"},   {"Nuremberg", "Nürnberg"},
	{"Мюнхен", "München"},	{"Кёльн", "Köln"},     {"Берлин", "Berlin"},
	{"Гамбург", "Hamburg"}, {"Дрезден", "Dresden"},
};

void odoo_write_entities(struct buf *b)
{
	size_t k;

	buf_adds(b, "\n# What tickets touch, for the report's topics "
		    "(pulse-render --format md):\n"
		    "# the school's courses, the cities it teaches in, its "
		    "order numbers.\n"
		    "# \"match PATTERN = NAME\" gathers spellings under one "
		    "name; '#' is a digit.\n"
		    "[entity:course]\nlabel en Courses\nlabel ru Курсы\n");
	for (k = 0; k < sizeof courses / sizeof *courses; k++)
		buf_addf(b, "match %s\n", courses[k]);
	for (k = 0; k < sizeof online_courses / sizeof *online_courses; k++)
		buf_addf(b, "match %s\n", online_courses[k]);
	buf_adds(b, "\n[entity:city]\nlabel en Cities\nlabel ru Города\n");
	for (k = 0; k < sizeof cities / sizeof *cities; k++)
		buf_addf(b, "match %s\n", cities[k]);
	for (k = 0; k < sizeof city_aliases / sizeof *city_aliases; k++)
		buf_addf(b, "match %s = %s\n", city_aliases[k][0],
			 city_aliases[k][1]);
	/* the order numbers the generator writes: 6000 and five digits */
	buf_adds(b, "\n[entity:order]\nlabel en Orders\nlabel ru Заказы\n"
		    "match 600######\n");
}

static const char *const months_de[] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember",
};
static const char *const months_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* ---- the customer's first mail ------------------------------------- */

static const struct phr greet_de[] = {
	{"Hallo,", 0}, {"Guten Tag,", 0}, {"Sehr geehrte Damen und Herren,", 0},
	{"Liebes " BRAND "-Team,", 0}, {"Hallo zusammen,", 0}, {"Moin,", 0},
};
static const struct phr greet_en[] = {
	{"Hello,", 0}, {"Hi,", 0}, {"Dear " BRAND " team,", 0},
	{"Good morning,", 0},
};
static const struct phr greet_ru[] = {
	{"Здравствуйте!", 0}, {"Добрый день,", 0}, {"Добрый вечер!", 0},
};

static const struct phr close_de[] = {
	{"Viele Grüße", 0}, {"Mit freundlichen Grüßen", 0}, {"Beste Grüße", 0},
	{"LG", 0}, {"Liebe Grüße", 0}, {"Danke und viele Grüße", 0},
};
static const struct phr close_en[] = {
	{"Best regards", 0}, {"Kind regards", 0}, {"Thanks,", 0},
	{"Many thanks", 0},
};
static const struct phr close_ru[] = {
	{"С уважением,", 0}, {"Спасибо!", 0}, {"Заранее спасибо,", 0},
};

static const struct phr dates_de[] = {
	{"ich habe einen Gutschein für den Kurs „{c}“ in {C}, finde aber seit Monaten keine Termine.",
	 KW_DATES | KW_VOUCHER},
	{"wann gibt es wieder Termine für {c} in {C}?", KW_DATES},
	{"auf Ihrer Seite steht bei {c} in {C} nur „keine Daten verfügbar“. Kommen noch neue Kurse?",
	 KW_DATES},
	{"können Sie mir sagen, ob {c} in {C} im {m} angeboten wird? Ich finde kein Datum.",
	 KW_DATES},
	{"ich würde gern den Kurs {c} in {C} buchen, sehe aber keine Termine.",
	 KW_DATES},
	{"sind für {c} in {C} schon neue Termine für 2026 geplant?", KW_DATES},
	{"der Kurs {c} in {C} ist seit Wochen nicht mehr verfügbar. Wird er wieder angeboten?",
	 KW_DATES},
};
static const struct phr dates_en[] = {
	{"are there any dates for {c} in {C} coming up? Your page shows nothing.",
	 KW_DATES},
	{"I could not find an available date for {c} in {C}.", KW_DATES},
	{"when will the new dates for {c} in {C} be published?", KW_DATES},
};
static const struct phr dates_ru[] = {
	{"подскажите, пожалуйста, когда будут даты для курса {c} в {C}?",
	 KW_DATES},
	{"на сайте нет ни одного термина для курса {c} в {C}.", KW_DATES},
};

static const struct phr voucher_de[] = {
	{"ich habe am {p} einen Gutschein bestellt und bezahlt, aber bis heute keinen Code erhalten.",
	 KW_VOUCHER},
	{"die Geschenkbox ist angekommen, aber es fehlt die Karte mit dem Code.",
	 KW_VOUCHER},
	{"statt der bunten Geschenkbox kam nur ein weißer Karton. Ist das so richtig?",
	 KW_VOUCHER},
	{"mein Wertgutschein über {e} Euro lässt sich beim Bezahlen nicht einlösen.",
	 KW_VOUCHER},
	{"in der Bestellung {o} fehlt das Notizbuch aus der Geschenkbox.",
	 KW_VOUCHER},
	{"ich habe den Gutschein verschenkt, aber der Code wird als ungültig angezeigt.",
	 KW_VOUCHER},
};
static const struct phr voucher_en[] = {
	{"I bought a voucher on {P} and paid with PayPal, but it never arrived by email.",
	 KW_VOUCHER},
	{"the gift box arrived without the card inside.", KW_VOUCHER},
};
static const struct phr voucher_ru[] = {
	{"я купила сертификат {p}, но он так и не пришёл на почту.", KW_VOUCHER},
	{"ваучер не приходит на почту, хотя оплата прошла.", KW_VOUCHER},
};

static const struct phr online_de[] = {
	{"für den Online-Kurs {O} am {d} habe ich noch keinen Zoom-Link bekommen.",
	 KW_ONLINE},
	{"wo finde ich die Einkaufsliste für {O}?", KW_ONLINE},
	{"der Zugangslink für {O} funktioniert bei mir nicht.", KW_ONLINE},
	{"die Einkaufsliste für {O} kam erst am Kurstag, das war zu spät.",
	 KW_ONLINE},
};
static const struct phr online_en[] = {
	{"I booked the online course {O} but got neither the Zoom link nor the shopping list.",
	 KW_ONLINE},
};
static const struct phr online_ru[] = {
	{"не получила материалы и ссылку Zoom для курса {O}.", KW_ONLINE},
};

static const struct phr group_de[] = {
	{"wir planen einen JGA und möchten mit {n} Personen einen Kurs {c} in {C} machen.",
	 KW_GROUP},
	{"für unser Teamevent suchen wir einen Kochkurs in {C} für etwa {n} Personen.",
	 KW_GROUP},
	{"ist ein Privatkurs für unsere Gruppe ({n} Personen) in {C} möglich?",
	 KW_GROUP},
	{"meine Frau wird 40 und ich möchte mit {n} Personen bei Ihnen kochen.",
	 KW_GROUP},
	{"wir möchten als Firmenevent den Kurs {c} in {C} exklusiv buchen.",
	 KW_GROUP},
};
static const struct phr group_en[] = {
	{"we are {n} people and would like to book {c} in {C} together.",
	 KW_GROUP},
	{"do you offer a private course for a company team of {n}?", KW_GROUP},
};
static const struct phr group_ru[] = {
	{"хотим забронировать курс {c} в {C} для группы из {n} человек.",
	 KW_GROUP},
};

static const struct phr insolv_de[] = {
	{"ich habe noch einen Gutschein von der {k}. Gilt der nach der Insolvenz noch?",
	 KW_INSOLV | KW_VOUCHER},
	{"nach der Insolvenz der {k} hat die Kochschule meinen Kurs abgesagt. Bekomme ich mein Geld zurück?",
	 KW_INSOLV},
	{"der Insolvenzverwalter hat mir geschrieben, dass ich mich wegen meines Kurses an Sie wenden soll.",
	 KW_INSOLV},
	{"ich habe von der Insolvenz der {k} gelesen. Was passiert mit meiner Buchung für {c} in {C}?",
	 KW_INSOLV},
};
static const struct phr insolv_en[] = {
	{"I still have a voucher from {k}. Is it still valid after the insolvency?",
	 KW_INSOLV | KW_VOUCHER},
	{"I read that {k} went bankrupt (insolvency proceedings). What happens to my booking?",
	 KW_INSOLV},
};
static const struct phr insolv_ru[] = {
	{"после банкротства {k} мой сертификат не принимают. Что делать?",
	 KW_INSOLV | KW_VOUCHER},
};

static const struct phr other_de[] = {
	{"kann meine Tochter (13) an dem Kurs {c} in {C} teilnehmen?", 0},
	{"ich habe eine Frage zur Rechnung für die Bestellung {o}.", 0},
	{"bitte rufen Sie mich zurück, ich erreiche telefonisch niemanden.", 0},
	{"ist die Küche in {C} barrierefrei erreichbar?", 0},
	{"kann man als Anfänger am Kurs {c} teilnehmen, oder ist er zu schwer?",
	 0},
	{"ich möchte meine Buchung {o} stornieren.", 0},
	{"bei meiner Buchung {o} ist die Adresse falsch, bitte ändern Sie sie.",
	 0},
	{"gibt es bei {c} auch eine vegetarische Variante?", 0},
};
static const struct phr other_en[] = {
	{"is the kitchen in {C} wheelchair accessible?", 0},
	{"could you send me an invoice for order {o}?", 0},
	{"can a beginner take part in {c}?", 0},
};
static const struct phr other_ru[] = {
	{"можно ли прийти на курс {c} с ребёнком?", 0},
	{"пришлите, пожалуйста, счёт по заказу {o}.", 0},
};

static const struct phr extra_de[] = {
	{"Vielen Dank im Voraus!", 0}, {"Ich freue mich auf Ihre Antwort.", 0},
	{"Über eine kurze Rückmeldung würde ich mich freuen.", 0},
};
static const struct phr extra_en[] = {
	{"Thanks in advance!", 0}, {"Looking forward to hearing from you.", 0},
};
static const struct phr extra_ru[] = {
	{"Заранее спасибо!", 0},
};

/* Subjects of the first mail, per topic. */
static const struct phr subj_dates_de[] = {
	{"Termine für {c} in {C}", KW_DATES}, {"Keine Termine verfügbar", KW_DATES},
	{"Wann gibt es neue Termine?", KW_DATES}, {"Anfrage Kurstermin", KW_DATES},
	{"{c} in {C}", 0}, {"Frage zu {c}", 0},
};
static const struct phr subj_dates_en[] = {
	{"Dates for {c}?", KW_DATES}, {"{c} in {C}", 0},
};
static const struct phr subj_dates_ru[] = {
	{"Даты курса {c}", KW_DATES}, {"Курс {c}", 0},
};
static const struct phr subj_voucher_de[] = {
	{"Gutschein nicht erhalten", KW_VOUCHER},
	{"Geschenkbox unvollständig", KW_VOUCHER},
	{"Gutschein lässt sich nicht einlösen", KW_VOUCHER},
	{"Bestellung {o}", 0}, {"Reklamation", 0},
};
static const struct phr subj_voucher_en[] = {
	{"Voucher not received", KW_VOUCHER}, {"Order {o}", 0},
};
static const struct phr subj_voucher_ru[] = {
	{"Где мой сертификат?", KW_VOUCHER}, {"Заказ {o}", 0},
};
static const struct phr subj_online_de[] = {
	{"Zoom-Link fehlt", KW_ONLINE}, {"Einkaufsliste für {O}", KW_ONLINE},
	{"Online-Kurs {O}", KW_ONLINE}, {"Frage zu {O}", KW_ONLINE},
};
static const struct phr subj_online_en[] = {
	{"Online course materials", KW_ONLINE}, {"{O}", KW_ONLINE},
};
static const struct phr subj_online_ru[] = {
	{"Материалы курса {O}", KW_ONLINE},
};
static const struct phr subj_group_de[] = {
	{"JGA Anfrage", KW_GROUP}, {"Anfrage für {n} Personen", KW_GROUP},
	{"Teamevent in {C}", KW_GROUP}, {"Gruppenanfrage {c}", KW_GROUP},
	{"Geburtstagsfeier", 0},
};
static const struct phr subj_group_en[] = {
	{"Group booking request", KW_GROUP}, {"Birthday party in {C}", 0},
};
static const struct phr subj_group_ru[] = {
	{"Групповое бронирование", KW_GROUP},
};
static const struct phr subj_insolv_de[] = {
	{"Gutschein der {k} nach Insolvenz", KW_INSOLV | KW_VOUCHER},
	{"Frage wegen Insolvenz", KW_INSOLV}, {"Alter Kurs, was nun?", 0},
	{"Erstattung", 0},
};
static const struct phr subj_insolv_en[] = {
	{"Insolvency of {k}", KW_INSOLV}, {"Old booking", 0},
};
static const struct phr subj_insolv_ru[] = {
	{"Банкротство {k}", KW_INSOLV},
};
static const struct phr subj_other_de[] = {
	{"Frage", 0}, {"Anfrage", 0}, {"Rückfrage zu Buchung {o}", 0},
	{"Bitte um Rückruf", 0}, {"Rechnung", 0}, {"Kurs {c}", 0},
	{"Frage zu meiner Bestellung {o}", 0},
};
static const struct phr subj_other_en[] = {
	{"Question", 0}, {"Booking {o}", 0}, {"Invoice", 0},
};
static const struct phr subj_other_ru[] = {
	{"Вопрос", 0}, {"Вопрос по курсу {c}", 0},
};

/* ---- follow-ups ---------------------------------------------------- */

static const struct phr fu_reply_de[] = {
	{"leider ist bei mir immer noch nichts angekommen. Können Sie bitte noch einmal nachsehen?",
	 0},
	{"danke, aber das hilft mir nicht weiter. Ich hätte gern mein Geld zurück.",
	 0},
	{"ich habe es noch einmal versucht, es klappt immer noch nicht.", 0},
};
static const struct phr fu_reply_en[] = {
	{"I still have not received anything. Could you please check again?", 0},
};
static const struct phr fu_reply_ru[] = {
	{"я до сих пор ничего не получила. Проверьте, пожалуйста, ещё раз.", 0},
};
static const struct phr fu_thanks_de[] = {
	{"vielen Dank für die schnelle Antwort!", 0},
	{"super, vielen Dank. Dann warte ich ab.", 0},
};
static const struct phr fu_thanks_en[] = {
	{"thank you for the quick reply!", 0},
};
static const struct phr fu_thanks_ru[] = {
	{"спасибо за ответ!", 0},
};
static const struct phr fu_remind_de[] = {
	{"ich habe auf meine Anfrage noch keine Antwort bekommen. Bitte melden Sie sich.",
	 0},
	{"hallo? Ich warte seit Tagen auf eine Rückmeldung.", 0},
};
static const struct phr fu_remind_en[] = {
	{"any news on this? I have not heard back yet.", 0},
};
static const struct phr fu_remind_ru[] = {
	{"напоминаю о своём вопросе, ответа пока нет.", 0},
};

/* ---- partner schools ----------------------------------------------- */

static const struct phr partner_first[] = {
	{"bitte tragen Sie für unseren Kurs {c} folgende neue Termine ein: Sa. 10:00 und 14:00 Uhr, So. 10:00 und 14:00 Uhr.",
	 KW_DATES},
	{"bitte rufen Sie uns zurück, wir haben eine Frage zur Abrechnung für {m}.",
	 0},
	{"unser Kurs {c} am {d} muss leider ausfallen. Bitte informieren Sie die Teilnehmer.",
	 0},
	{"können Sie die Beschreibung unseres Kurses {c} auf Ihrer Seite anpassen? Der Preis hat sich geändert.",
	 0},
	{"wir haben die Abrechnung für {m} noch nicht erhalten. Können Sie das prüfen?",
	 0},
};
static const struct phr partner_subj[] = {
	{"Neue Termine {c}", KW_DATES}, {"Abrechnung {m}", 0},
	{"Kursausfall am {d}", 0}, {"Rückrufbitte", 0},
	{"Änderung Kursbeschreibung", 0},
};
static const struct phr partner_next[] = {
	{"kurze Erinnerung an unsere Nachricht von letzter Woche.", 0},
	{"wir brauchen bis Freitag eine Rückmeldung, sonst sagen wir den Kurs ab.",
	 0},
	{"zu der Kundenanfrage: Wir können einen Ersatzkurs anbieten, bitte melden Sie sich bei uns.",
	 0},
};

/* ---- staff --------------------------------------------------------- */

static const struct phr reply_de[] = {
	{"vielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen an die Kochschule weitergegeben und melden uns, sobald wir eine Antwort haben.",
	 0},
	{"vielen Dank für Ihre Geduld. Wir haben uns darum gekümmert; bei weiteren Fragen sind wir gern für Sie da.",
	 0},
	{"wir haben Ihnen eben ausführlich per E-Mail geantwortet. Bitte sehen Sie auch im Spam-Ordner nach.",
	 0},
};
static const struct phr reply_dates_de[] = {
	{"die Kochschule hat uns mitgeteilt, dass neue Termine für {c} in {C} ab {m} buchbar sind.",
	 0},
	{"leider hat die Kochschule für {c} derzeit keine Termine geplant. Wir informieren Sie, sobald sich das ändert.",
	 0},
};
static const struct phr reply_voucher_de[] = {
	{"wir haben Ihnen den Gutscheincode soeben noch einmal per E-Mail geschickt. Bitte sehen Sie auch im Spam-Ordner nach.",
	 0},
	{"die fehlende Karte für Ihre Geschenkbox schicken wir Ihnen heute per Post.",
	 0},
};
static const struct phr reply_online_de[] = {
	{"den Zoom-Link und die Einkaufsliste verschicken wir drei Tage vor dem Kurs. Wir haben Ihnen beides heute noch einmal geschickt.",
	 0},
};
static const struct phr reply_group_de[] = {
	{"gern bieten wir Ihrer Gruppe einen Privatkurs an. Für {n} Personen kostet {c} in {C} {e} Euro pro Person.",
	 0},
};
static const struct phr reply_en[] = {
	{"thank you for your message. We have passed your request on to the cooking school and will get back to you as soon as we hear from them.",
	 0},
	{"thank you for your patience. We have taken care of it; let us know if there is anything else we can do.",
	 0},
};
static const struct phr reply_ru[] = {
	{"спасибо за сообщение. Мы передали ваш вопрос кулинарной школе и сообщим вам ответ.",
	 0},
};
static const struct phr reply_insolv_de[] = {
	{"die {k} hat im Februar 2025 Insolvenz angemeldet. Die {S} hat die Marke und die Plattform übernommen, nicht aber die Verbindlichkeiten der {k}.",
	 KW_INSOLV},
	{"Gutscheine, die vor der Eröffnung des Insolvenzverfahrens bei der {k} gekauft wurden, können wir leider nicht einlösen. Ihre Forderung können Sie beim Insolvenzverwalter anmelden.",
	 KW_INSOLV},
	{"leider arbeiten einige Kochschulen seit der Insolvenz der {k} nicht mehr mit uns zusammen. Wir können Ihnen aber einen Kurs in {C} anbieten.",
	 KW_INSOLV},
};
static const struct phr reply_insolv_en[] = {
	{"{k} filed for insolvency in February 2025. {S} took over the brand and the platform, but not the obligations of {k}.",
	 KW_INSOLV},
	{"vouchers bought before the insolvency proceedings cannot be redeemed; please register your claim with the insolvency administrator.",
	 KW_INSOLV},
};
static const struct phr reply_insolv_ru[] = {
	{"к сожалению, после банкротства {k} мы не можем принять старые сертификаты.",
	 KW_INSOLV},
};
/* A second answer in the same thread. */
static const struct phr again_de[] = {
	{"vielen Dank für Ihre Rückmeldung. Wir haben das noch einmal geprüft und Ihnen alles erneut geschickt.",
	 0},
	{"gern geschehen! Wir wünschen Ihnen viel Spaß beim Kochen.", 0},
	{"entschuldigen Sie bitte die Umstände. Wir haben die Kochschule noch einmal angeschrieben und melden uns.",
	 0},
};
static const struct phr again_en[] = {
	{"thank you for getting back to us. We have checked again and sent everything once more.",
	 0},
	{"you are welcome! Enjoy the course.", 0},
};
static const struct phr again_ru[] = {
	{"спасибо за ответ! Мы ещё раз всё проверили и отправили повторно.", 0},
};

static const struct phr reply_spam[] = {
	{"bitte nehmen Sie unsere Adresse aus Ihrem Verteiler. Kein Interesse.", 0},
	{"please remove us from your mailing list.", 0},
};

static const struct phr notes[] = {
	{"Bei der Kochschule nach neuen Terminen gefragt, warte auf Antwort.", 0},
	{"{K} hat angerufen, Rückruf bis Freitag zugesagt.", 0},
	{"Gutscheincode im Shop geprüft, ist gültig bis {d}.", 0},
	{"@{F} kannst du das übernehmen?", 0},
	{"Doppelt, siehe anderes Ticket.", 0},
	{"Zahlung in der Buchhaltung nachgefragt.", 0},
};
static const struct phr notes_insolv[] = {
	{"Alter Gutschein der {k} (Insolvenz), Standardantwort schicken.", 0},
	{"Kunde meint, die Insolvenz betrifft ihn nicht. Bitte prüfen.", 0},
};
static const struct phr notes_callback[] = {
	{"Rückruf vom Kunden, Anliegen telefonisch geklärt.", 0},
	{"Anruf: {K} möchte den Kurs verschieben, kümmere mich.", 0},
	{"Kochschule anrufen wegen Abrechnung {m}.", 0},
};

/* ---- automatic mails ----------------------------------------------- */

struct spam {
	const char *subject; /* NULL: false */
	const char *text;
	const char *local;
	const char *domain;
};
/* Every one matches [spam]: by subject, text or both. */
static const struct spam spams[] = {
	{"Exclusive casino bonus: 200 free spins",
	 "Play now at our new online casino. Click here to claim your welcome bonus!",
	 "vip", "lucky-spins.example"},
	{"SEO ranking for your website",
	 "We are an agency offering SEO services and high quality backlinks for " BRAND ".",
	 "marketing", "rank-agentur.example"},
	{"Guest post request",
	 "I would like to publish a guest post on your blog. Please let me know your price.",
	 "outreach", "content-hub.example"},
	{"Sie haben gewonnen!",
	 "Herzlichen Glückwunsch! Bestätigen Sie jetzt Ihren Gewinn über den folgenden Link.",
	 "gewinn", "preis-zentrale.example"},
	{"Bitcoin investment opportunity",
	 "Double your money in 30 days with our trading bot.",
	 "invest", "coin-yield.example"},
	{"Kredit ohne Schufa - Sofortzusage",
	 "Kredit ohne Schufa bis 50.000 EUR, Auszahlung in 24 Stunden.",
	 "angebot", "schnellkredit24.example"},
	{"Hot singles - free dating",
	 "Lonely tonight? Meet singles near you. To stop these emails, unsubscribe from this list.",
	 "no-match", "singles-now.example"},
	{"Lottery winner notification",
	 "Your e-mail address has been selected in our annual draw. Contact our agent to receive your prize.",
	 "claims", "intl-prize.example"},
	{"Раскрутка сайта",
	 "Предлагаем SEO services и backlinks для вашего сайта.",
	 "promo", "seo-top.example"},
	{NULL,
	 "Cheap viagra online, no prescription. Click here to claim your discount.",
	 "pharma", "meds-direct.example"},
	{"Ihr Konto wurde gesperrt",
	 "Bitte bestätigen Sie Ihre Angaben über den Link. Unsubscribe from this list.",
	 "security", "konto-hilfe.example"},
};

struct order_src {
	const char *name;
	const char *email;
	int sender_rule; /* the address matches [order_confirmation] */
};
static const struct order_src order_srcs[] = {
	{BRAND " Shop", "noreply@kochfreunde-shop.example", 1},
	{"Zahlfix", "no-reply@zahlfix.example", 1},
	{"Zahlfix", "service@zahlfix.example", 0},
	{"Shopkasse", "donotreply@shopkasse.example", 1},
	{BRAND " Shop", "shop@kochfreunde-shop.example", 0},
};
/* Subjects: kw KW_ORDER when the subject itself matches. */
static const struct phr order_subj[] = {
	{"Bestellbestätigung Nr. {o}", KW_ORDER},
	{"Ihre Bestellung {o} bei " BRAND, KW_ORDER},
	{"Zahlungsbestätigung für Bestellung {o}", KW_ORDER},
	{"Your order {o} has been received", KW_ORDER},
	{"Payment confirmation {o}", KW_ORDER},
	{"Auftragsbestätigung {o}", KW_ORDER},
	{"Подтверждение заказа {o}", KW_ORDER},
};
/* Subjects that do not match: only for senders that do. */
static const struct phr order_subj_plain[] = {
	{"Neue Bestellung {o}", 0}, {"Zahlungseingang {o}", 0},
	{"Bestellung {o} eingegangen", 0},
};
static const char *const pay_methods[] = {
	"PayPal", "Kreditkarte", "Sofortüberweisung", "Rechnung", "Apple Pay",
};

/* clang-format on */

/* ---- small helpers ------------------------------------------------- */

static void translit(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		if (p[0] == 0xc3 && p[1]) {
			switch (p[1]) {
			case 0xa4:
			case 0x84:
				buf_adds(b, "ae");
				break;
			case 0xb6:
			case 0x96:
				buf_adds(b, "oe");
				break;
			case 0xbc:
			case 0x9c:
				buf_adds(b, "ue");
				break;
			case 0x9f:
				buf_adds(b, "ss");
				break;
			case 0xa9:
			case 0xa8:
				buf_addc(b, 'e');
				break;
			default:
				buf_addc(b, 'x');
				break;
			}
			p += 2;
			continue;
		}
		if (*p >= 'A' && *p <= 'Z')
			buf_addc(b, (char)(*p - 'A' + 'a'));
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			 *p == '.' || *p == '-' || *p == '_')
			buf_addc(b, (char)*p);
		p++;
	}
}

static void copy_str(char *dst, size_t cap, const char *src, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void make_email(struct person *p, struct rng *r, const char *first,
		       const char *last, const char *domain)
{
	struct buf f = BUF_INIT, l = BUF_INIT, e = BUF_INIT;

	translit(&f, first);
	translit(&l, last);
	switch (rng_below(r, 8)) {
	case 0:
	case 1:
	case 2:
		buf_addf(&e, "%s.%s", f.p, l.p);
		break;
	case 3:
		buf_addf(&e, "%s%s", f.p, l.p);
		break;
	case 4:
		buf_addf(&e, "%c.%s", f.p[0], l.p);
		break;
	case 5:
		buf_addf(&e, "%s_%s%d", f.p, l.p, (int)rng_range(r, 1, 99));
		break;
	case 6:
		buf_addf(&e, "%s%d", l.p, (int)rng_range(r, 60, 2005));
		break;
	default:
		buf_addf(&e, "%s.%s%d", f.p, l.p, (int)rng_range(r, 1, 9));
		break;
	}
	buf_addf(&e, "@%s", domain);
	copy_str(p->email, sizeof p->email, e.p, e.len);
	buf_release(&f);
	buf_release(&l);
	buf_release(&e);
}

int odoo_pick_lang(struct rng *r)
{
	static const double w[] = {78, 15, 7};

	return (int)rng_weighted(r, w, 3);
}

void odoo_person_customer(struct person *p, uint64_t seed, uint64_t idx,
			  int lang)
{
	struct rng r;
	char tmp[96];

	memset(p, 0, sizeof *p);
	rng_seed(&r, seed, 0x637573746f6d6572ULL + idx);
	p->lang = lang;
	p->female = rng_chance(&r, 0.6);
	if (lang == L_RU) {
		const struct ru_name *fn = p->female ? &RNG_PICK(&r, ru_female)
						     : &RNG_PICK(&r, ru_male);
		const struct ru_name *ln = &RNG_PICK(&r, ru_last);
		size_t cl = strlen(ln->cyr), ll = strlen(ln->lat);
		int fem = p->female && cl > 4 &&
			  (strcmp(ln->cyr + cl - 4, "ов") == 0 ||
			   strcmp(ln->cyr + cl - 4, "ев") == 0);
		char lat[48];

		snprintf(p->name, sizeof p->name, "%s %s%s", fn->cyr, ln->cyr,
			 fem ? "а" : "");
		snprintf(p->first, sizeof p->first, "%s", fn->cyr);
		snprintf(lat, sizeof lat, "%.*s%s", (int)ll, ln->lat,
			 fem ? "a" : "");
		make_email(p, &r, fn->lat, lat, RNG_PICK(&r, ru_domains));
	} else {
		const char *first, *last, *dom;

		if (lang == L_EN) {
			first = p->female ? RNG_PICK(&r, en_female)
					  : RNG_PICK(&r, en_male);
			last = RNG_PICK(&r, en_last);
			dom = RNG_PICK(&r, en_domains);
		} else {
			first = p->female ? RNG_PICK(&r, de_female)
					  : RNG_PICK(&r, de_male);
			last = RNG_PICK(&r, de_last);
			dom = RNG_PICK(&r, de_domains);
		}
		snprintf(tmp, sizeof tmp, "%s %s", first, last);
		snprintf(p->name, sizeof p->name, "%s", tmp);
		snprintf(p->first, sizeof p->first, "%s", first);
		make_email(p, &r, first, last, dom);
	}
	/* Most customers are in res.partner already; some wrote only once. */
	p->partner_id = rng_chance(&r, 0.7) ? (int64_t)(100000 + idx) : 0;
}

void odoo_person_portal(struct person *p, uint64_t seed, int k)
{
	odoo_person_customer(p, seed, 900000000ULL + (uint64_t)k, L_DE);
	p->partner_id = PORTAL_PARTNER_BASE + k;
}

void odoo_person_school(struct person *p, const struct school *s)
{
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", s->contact);
	snprintf(p->first, sizeof p->first, "%s", s->contact_first);
	snprintf(p->email, sizeof p->email, "%s@%s", s->local, s->domain);
	p->partner_id = 8001 + (s - odoo_schools);
	p->school = (int)(s - odoo_schools) + 1;
	p->lang = L_DE;
}

static void fmt_date(char *dst, size_t cap, int64_t sec, int en)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(ptime_day(sec), &y, &m, &d);
	if (en)
		snprintf(dst, cap, "%s %u, %lld", months_en[m - 1], d,
			 (long long)y);
	else
		snprintf(dst, cap, "%02u.%02u.%04lld", d, m, (long long)y);
}

void odoo_tvals(struct tvals *v, struct rng *r, int64_t created)
{
	int64_t y, when;
	unsigned m, d;

	v->course = RNG_PICK(r, courses);
	v->online = RNG_PICK(r, online_courses);
	v->city = RNG_PICK(r, cities);
	ptime_civil_from_days(ptime_day(created), &y, &m, &d);
	v->month = months_de[(m + (unsigned)rng_below(r, 3)) % 12];
	v->people = (int)rng_range(r, 4, 16);
	v->euro = (int)(rng_range(r, 5, 30) * 5);
	snprintf(v->order, sizeof v->order, "6000%05d",
		 (int)rng_below(r, 100000));
	when = created + rng_range(r, 3, 90) * SEC_DAY;
	fmt_date(v->date, sizeof v->date, when, 0);
	fmt_date(v->date_en, sizeof v->date_en, when, 1);
	when = created - rng_range(r, 2, 60) * SEC_DAY;
	fmt_date(v->past, sizeof v->past, when, 0);
	fmt_date(v->past_en, sizeof v->past_en, when, 1);
	odoo_tvals_until(v, r, created);
}

void odoo_tvals_until(struct tvals *v, struct rng *r, int64_t ts)
{
	int64_t when = ts + rng_range(r, 1, 14) * SEC_DAY;

	fmt_date(v->until, sizeof v->until, when, 0);
	fmt_date(v->until_en, sizeof v->until_en, when, 1);
}

/* Appends s with its placeholders filled in. */
static void expand(struct buf *b, const char *s, const struct thread *t)
{
	const char *p;

	while ((p = strchr(s, '{')) != NULL) {
		buf_add(b, s, (size_t)(p - s));
		if (!p[1] || p[2] != '}') {
			buf_addc(b, '{');
			s = p + 1;
			continue;
		}
		switch (p[1]) {
		case 'c':
			buf_adds(b, t->v.course);
			break;
		case 'O':
			buf_adds(b, t->v.online);
			break;
		case 'C':
			buf_adds(b, t->v.city);
			break;
		case 'm':
			buf_adds(b, t->v.month);
			break;
		case 'n':
			buf_addf(b, "%d", t->v.people);
			break;
		case 'e':
			buf_addf(b, "%d", t->v.euro);
			break;
		case 'o':
			buf_adds(b, t->v.order);
			break;
		case 'd':
			buf_adds(b, t->v.date);
			break;
		case 'D':
			buf_adds(b, t->v.date_en);
			break;
		case 'p':
			buf_adds(b, t->v.past);
			break;
		case 'P':
			buf_adds(b, t->v.past_en);
			break;
		case 'u':
			buf_adds(b, t->v.until);
			break;
		case 'U':
			buf_adds(b, t->v.until_en);
			break;
		case 'K':
			buf_adds(b, t->cust.female ? "Kundin" : "Kunde");
			break;
		case 'k':
			buf_adds(b, OLD_COMPANY);
			break;
		case 'B':
			buf_adds(b, BRAND);
			break;
		case 'S':
			buf_adds(b, COMPANY);
			break;
		case 's':
			buf_adds(b, t->school ? t->school->name : BRAND);
			break;
		case 'f':
			buf_adds(b, t->cust.first);
			break;
		case 'F': { /* a colleague's */
			const char *n =
				odoo_staff[(t->staff + 1) % (odoo_nstaff - 1)]
					.name;
			buf_add(b, n, strcspn(n, " "));
			break;
		}
		case 'r':
			buf_adds(b, t->ref);
			break;
		default:
			buf_add(b, p, 3);
			break;
		}
		s = p + 3;
	}
	buf_adds(b, s);
}

/* Appends a picked phrase, with an upper-case first letter when asked
 * (phrases start in lower case: they follow a greeting line). */
static unsigned add_phr(struct buf *b, const struct phr *ph,
			const struct thread *t, int cap)
{
	size_t at = b->len;

	expand(b, ph->s, t);
	if (cap && b->p[at] >= 'a' && b->p[at] <= 'z')
		b->p[at] = (char)(b->p[at] - 'a' + 'A');
	else if (cap && (unsigned char)b->p[at] == 0xd0 &&
		 (unsigned char)b->p[at + 1] >= 0xb0 &&
		 (unsigned char)b->p[at + 1] <= 0xbf)
		b->p[at + 1] = (char)((unsigned char)b->p[at + 1] - 0x20);
	else if (cap && (unsigned char)b->p[at] == 0xd1 &&
		 (unsigned char)b->p[at + 1] >= 0x80 &&
		 (unsigned char)b->p[at + 1] <= 0x8f) {
		b->p[at] = (char)0xd0;
		b->p[at + 1] = (char)((unsigned char)b->p[at + 1] + 0x20);
	}
	return ph->kw;
}

#define PICK_PHR(r, arr) (&(arr)[rng_below((r), NEL(arr))])

/* ---- HTML ---------------------------------------------------------- */

enum { ENT_RAW, ENT_NAMED, ENT_NUMERIC };
enum { HS_P, HS_DIV, HS_OUTLOOK };

static const struct {
	const char *utf8;
	const char *named;
	int code;
} ents[] = {
	{"ä", "&auml;", 228},	{"ö", "&ouml;", 246},	{"ü", "&uuml;", 252},
	{"Ä", "&Auml;", 196},	{"Ö", "&Ouml;", 214},	{"Ü", "&Uuml;", 220},
	{"ß", "&szlig;", 223},	{"é", "&eacute;", 233}, {"è", "&egrave;", 232},
	{"„", "&bdquo;", 8222}, {"“", "&ldquo;", 8220}, {"–", "&ndash;", 8211},
	{"€", "&euro;", 8364},
};

/* Appends text s[0..n) escaped for HTML, in entity style ent. */
static void html_esc(struct buf *b, const char *s, size_t n, int ent)
{
	const char *end = s + n;
	size_t i;

	while (s < end) {
		unsigned char c = (unsigned char)*s;

		if (c == '&') {
			buf_adds(b, "&amp;");
		} else if (c == '<') {
			buf_adds(b, "&lt;");
		} else if (c == '>') {
			buf_adds(b, "&gt;");
		} else if (c == '"' && ent != ENT_RAW) {
			buf_adds(b, ent == ENT_NAMED ? "&quot;" : "&#34;");
		} else if (c == '\'' && ent == ENT_NUMERIC) {
			buf_adds(b, "&#39;");
		} else if (c >= 0x80 && ent != ENT_RAW) {
			for (i = 0; i < NEL(ents); i++) {
				size_t l = strlen(ents[i].utf8);

				if ((size_t)(end - s) >= l &&
				    memcmp(s, ents[i].utf8, l) == 0)
					break;
			}
			if (i < NEL(ents)) {
				if (ent == ENT_NAMED)
					buf_adds(b, ents[i].named);
				else
					buf_addf(b, "&#%d;", ents[i].code);
				s += strlen(ents[i].utf8);
				continue;
			}
			buf_addc(b, (char)c);
		} else {
			buf_addc(b, (char)c);
		}
		s++;
	}
}

/*
 * Renders plain text (paragraphs split by blank lines, lines by '\n') as
 * the HTML of a mail client of style hs.
 */
static void html_render(struct buf *b, const char *s, size_t n, int hs, int ent)
{
	const char *end = s + n, *p, *nl;

	if (hs == HS_DIV)
		buf_adds(b, "<div dir=\"ltr\">");
	else if (hs == HS_OUTLOOK)
		buf_adds(b, "<div class=\"WordSection1\">");
	p = s;
	while (p < end) {
		const char *para_end = p;

		/* one paragraph: up to "\n\n" */
		while (para_end < end &&
		       !(para_end[0] == '\n' && para_end + 1 < end &&
			 para_end[1] == '\n'))
			para_end++;
		if (hs == HS_P)
			buf_adds(b, "<p>");
		while (p < para_end) {
			nl = memchr(p, '\n', (size_t)(para_end - p));
			if (!nl)
				nl = para_end;
			if (hs == HS_OUTLOOK)
				buf_adds(b, "<p class=\"MsoNormal\">");
			html_esc(b, p, (size_t)(nl - p), ent);
			if (hs == HS_OUTLOOK)
				buf_adds(b, "</p>");
			else if (nl < para_end)
				buf_adds(b, "<br>");
			p = nl < para_end ? nl + 1 : nl;
		}
		if (hs == HS_P)
			buf_adds(b, "</p>");
		p = para_end;
		if (p < end) {
			p += 2;
			if (hs == HS_DIV)
				buf_adds(b, "<br><br>");
			else if (hs == HS_OUTLOOK)
				buf_adds(b,
					 "<p class=\"MsoNormal\">&nbsp;</p>");
		}
	}
	if (hs != HS_P)
		buf_adds(b, "</div>");
}

/* ---- messages ------------------------------------------------------ */

struct msg *odoo_msg_add(struct thread *t, int64_t ts)
{
	struct msg *m;

	if (t->n >= MAXMSG)
		die(EX_SOFTWARE, "ticket %lld: too many messages",
		    (long long)t->id);
	m = &t->m[t->n++];
	buf_reset(&m->author);
	buf_reset(&m->from);
	buf_reset(&m->subject);
	buf_reset(&m->body);
	buf_reset(&m->plain);
	m->id = 0;
	m->ts = ts;
	m->mtype = MT_EMAIL;
	m->subtype = ST_DISCUSSIONS;
	m->internal = 0;
	m->dir = D_IN;
	m->partner = 0;
	m->author_id = 0;
	m->has_subject = 0;
	m->kw = 0;
	m->recipient = 0;
	m->parent = t->n > 1 ? 1 : 0;
	m->ntracking = 0;
	return m;
}

static void set_from(struct msg *m, struct rng *r, const char *name,
		     const char *email)
{
	int style = (int)rng_below(r, 10);

	if (!name || !*name || style < 2)
		buf_adds(&m->from, email);
	else if (style < 7)
		buf_addf(&m->from, "\"%s\" <%s>", name, email);
	else
		buf_addf(&m->from, "%s <%s>", name, email);
}

static void set_staff_author(struct msg *m, int staff)
{
	const struct staff *s = &odoo_staff[staff];

	m->author_id = s->partner_id;
	buf_adds(&m->author, s->name);
	buf_addf(&m->from, "\"%s\" <%s>", s->name, s->email);
}

/* The thread's subject prefixed for a reply, or none. */
static void reply_subject(struct msg *m, const struct thread *t,
			  const char *prefix, unsigned kw)
{
	if (!t->has_name || !t->m[0].has_subject)
		return;
	m->has_subject = 1;
	buf_adds(&m->subject, prefix);
	buf_add(&m->subject, t->name.p, t->name.len);
	m->kw |= kw;
}

/* The keyword bits of the thread's subject (that of its first mail). */
static unsigned subject_kw(const struct thread *t)
{
	return t->subj_kw;
}

static const char *weekday_en(int64_t sec)
{
	static const char *const wd[] = {"Thu", "Fri", "Sat", "Sun",
					 "Mon", "Tue", "Wed"};
	int64_t d = ptime_day(sec) % 7;

	return wd[d < 0 ? d + 7 : d];
}

/*
 * Appends the quoted history of message q to m's body, the way the
 * sender's mail client writes it: a header line and a blockquote, or
 * Outlook's "-----Original Message-----" block.
 */
static void add_quote(struct msg *m, const struct msg *q, int style, int ent)
{
	char when[64];
	int64_t y, s = q->ts + SEC_HOUR; /* Central European (winter) time */
	unsigned mo, d;
	int hh = (int)((s % SEC_DAY + SEC_DAY) % SEC_DAY / 3600);
	int mi = (int)((s % 3600 + 3600) % 3600 / 60);
	struct buf who = BUF_INIT;

	ptime_civil_from_days(ptime_day(s), &y, &mo, &d);
	buf_adds(&who, "");
	if (q->author.len)
		buf_add(&who, q->author.p, q->author.len);
	else if (q->from.len) {
		const char *f = q->from.p;
		size_t n = strcspn(f, "<");

		while (n && (f[n - 1] == ' ' || f[n - 1] == '"'))
			n--;
		while (n && (*f == '"' || *f == ' ')) {
			f++;
			n--;
		}
		buf_add(&who, f, n);
	}
	switch (style) {
	case 0: /* German Thunderbird / Apple Mail */
		snprintf(when, sizeof when, "%02u.%02u.%04lld um %02d:%02d", d,
			 mo, (long long)y, hh, mi);
		buf_addf(&m->body, "<p>Am %s schrieb ", when);
		html_esc(&m->body, who.p, who.len, ENT_RAW);
		buf_adds(&m->body, ":</p><blockquote>");
		html_render(&m->body, q->plain.p, q->plain.len, HS_P, ent);
		buf_adds(&m->body, "</blockquote>");
		break;
	case 1: /* Gmail, English */
		snprintf(when, sizeof when, "%s, %s %u, %lld at %d:%02d %s",
			 weekday_en(s), months_en[mo - 1], d, (long long)y,
			 hh % 12 ? hh % 12 : 12, mi, hh < 12 ? "AM" : "PM");
		buf_addf(&m->body,
			 "<div class=\"gmail_quote\"><div dir=\"ltr\" "
			 "class=\"gmail_attr\">On %s ",
			 when);
		html_esc(&m->body, who.p, who.len, ENT_RAW);
		buf_adds(&m->body,
			 " wrote:<br></div><blockquote class=\"gmail_quote\">");
		html_render(&m->body, q->plain.p, q->plain.len, HS_DIV, ent);
		buf_adds(&m->body, "</blockquote></div>");
		break;
	case 2: /* Outlook: no blockquote at all */
		snprintf(when, sizeof when, "%s, %u %s %lld %02d:%02d",
			 weekday_en(s), d, months_en[mo - 1], (long long)y, hh,
			 mi);
		buf_adds(&m->body, "<div><p class=\"MsoNormal\">-----Original "
				   "Message-----<br>From: ");
		html_esc(&m->body, q->from.p, q->from.len, ENT_RAW);
		buf_addf(&m->body, "<br>Sent: %s<br>To: %s<br>Subject: ", when,
			 SUPPORT_EMAIL);
		if (q->has_subject)
			html_esc(&m->body, q->subject.p, q->subject.len,
				 ENT_RAW);
		else if (m->has_subject)
			html_esc(&m->body, m->subject.p, m->subject.len,
				 ENT_RAW);
		buf_adds(&m->body, "</p></div>");
		html_render(&m->body, q->plain.p, q->plain.len, HS_OUTLOOK,
			    ent);
		break;
	default: /* Russian webmail */
		snprintf(when, sizeof when, "%02u.%02u.%04lld, %02d:%02d", d,
			 mo, (long long)y, hh, mi);
		buf_addf(&m->body, "<div>%s, &quot;", when);
		html_esc(&m->body, who.p, who.len, ENT_RAW);
		buf_adds(&m->body, "&quot;:</div><blockquote>");
		html_render(&m->body, q->plain.p, q->plain.len, HS_P, ent);
		buf_adds(&m->body, "</blockquote>");
		break;
	}
	buf_release(&who);
}

static const struct phr *pick_lang(struct rng *r, int lang,
				   const struct phr *de, size_t nde,
				   const struct phr *en, size_t nen,
				   const struct phr *ru, size_t nru)
{
	if (lang == L_EN && nen)
		return &en[rng_below(r, nen)];
	if (lang == L_RU && nru)
		return &ru[rng_below(r, nru)];
	return &de[rng_below(r, nde)];
}

#define PICK3(r, lang, a)                                                      \
	pick_lang((r), (lang), a##_de, NEL(a##_de), a##_en, NEL(a##_en),       \
		  a##_ru, NEL(a##_ru))

static const struct phr *topic_phrase(struct rng *r, int lang, int topic)
{
	switch (topic) {
	case KW_DATES:
		return PICK3(r, lang, dates);
	case KW_VOUCHER:
		return PICK3(r, lang, voucher);
	case KW_ONLINE:
		return PICK3(r, lang, online);
	case KW_GROUP:
		return PICK3(r, lang, group);
	case KW_INSOLV:
		return PICK3(r, lang, insolv);
	default:
		return PICK3(r, lang, other);
	}
}

static const struct phr *topic_subject(struct rng *r, int lang, int topic)
{
	switch (topic) {
	case KW_DATES:
		return PICK3(r, lang, subj_dates);
	case KW_VOUCHER:
		return PICK3(r, lang, subj_voucher);
	case KW_ONLINE:
		return PICK3(r, lang, subj_online);
	case KW_GROUP:
		return PICK3(r, lang, subj_group);
	case KW_INSOLV:
		return PICK3(r, lang, subj_insolv);
	default:
		return PICK3(r, lang, subj_other);
	}
}

/* The customer (or school contact) as the author of m. */
static void customer_author(struct thread *t, struct rng *r, struct msg *m,
			    const struct person *p)
{
	if (p->partner_id && !(t->variant == V_NO_SUBJECT)) {
		m->author_id = p->partner_id;
		buf_adds(&m->author, p->name);
	}
	set_from(m, r, p->name, p->email);
	m->recipient = SUPPORT_PARTNER;
	/* A portal user writes in the chatter, not by mail. */
	if (t->variant == V_PORTAL && !p->school) {
		m->mtype = MT_COMMENT;
		buf_reset(&m->from);
		buf_addf(&m->from, "\"%s\" <%s>", p->name, p->email);
	}
}

/* Renders m->plain into m->body in the thread customer's style. */
static void render_customer(struct thread *t, struct msg *m)
{
	int hs = t->quote_style == 2   ? HS_OUTLOOK
		 : t->quote_style == 1 ? HS_DIV
				       : HS_P;

	html_render(&m->body, m->plain.p, m->plain.len, hs, t->entities);
}

static void sign_customer(struct thread *t, struct rng *r, struct msg *m,
			  const struct person *p)
{
	const struct phr *c = PICK3(r, p->lang, close);

	buf_adds(&m->plain, "\n\n");
	expand(&m->plain, c->s, t);
	buf_addc(&m->plain, '\n');
	if (rng_chance(r, 0.3) || !*p->name)
		buf_adds(&m->plain, p->first[0] ? p->first : "");
	else
		buf_adds(&m->plain, p->name);
}

void odoo_customer_first(struct thread *t, struct rng *r, struct msg *m,
			 int allow_no_subject)
{
	const struct person *p = &t->cust;
	const struct phr *ph;

	customer_author(t, r, m, p);
	m->dir = D_IN;
	m->parent = 0;
	if (!(allow_no_subject &&
	      (t->variant == V_NO_SUBJECT || rng_chance(r, 0.03)))) {
		ph = topic_subject(r, p->lang, t->topic);
		m->has_subject = 1;
		m->kw |= ph->kw;
		expand(&m->subject, ph->s, t);
		if (!t->has_name)
			t->subj_kw = ph->kw;
	}
	ph = PICK3(r, p->lang, greet);
	expand(&m->plain, ph->s, t);
	buf_adds(&m->plain, "\n\n");
	m->kw |= add_phr(&m->plain, topic_phrase(r, p->lang, t->topic), t, 1);
	if (t->topic2) {
		buf_addc(&m->plain, ' ');
		m->kw |= add_phr(&m->plain, topic_phrase(r, p->lang, t->topic2),
				 t, 1);
	}
	if (rng_chance(r, 0.4)) {
		buf_addc(&m->plain, ' ');
		expand(&m->plain, PICK3(r, p->lang, extra)->s, t);
	}
	sign_customer(t, r, m, p);
	render_customer(t, m);
	/* The ticket is named after the first mail. */
	if (!t->has_name) {
		t->has_name = 1;
		buf_reset(&t->name);
		if (m->has_subject)
			buf_add(&t->name, m->subject.p, m->subject.len);
		else
			buf_adds(&t->name, "No Subject");
	}
}

/* The last message before m that is of direction dir, or NULL. */
static const struct msg *last_dir(const struct thread *t, const struct msg *m,
				  int dir)
{
	const struct msg *q = NULL;
	int i;

	for (i = 0; i < t->n && &t->m[i] != m; i++)
		if (t->m[i].dir == dir)
			q = &t->m[i];
	return q;
}

void odoo_customer_followup(struct thread *t, struct rng *r, struct msg *m,
			    int kind)
{
	const struct person *p = &t->cust;
	const struct msg *q;
	const struct phr *ph;

	customer_author(t, r, m, p);
	m->dir = D_IN;
	reply_subject(m, t,
		      p->lang == L_DE	? "AW: "
		      : p->lang == L_RU ? "RE: "
					: "Re: ",
		      subject_kw(t));
	ph = PICK3(r, p->lang, greet);
	expand(&m->plain, ph->s, t);
	buf_adds(&m->plain, "\n\n");
	if (kind == FU_THANKS)
		ph = PICK3(r, p->lang, fu_thanks);
	else if (kind == FU_REMINDER)
		ph = PICK3(r, p->lang, fu_remind);
	else
		ph = PICK3(r, p->lang, fu_reply);
	m->kw |= add_phr(&m->plain, ph, t, 1);
	sign_customer(t, r, m, p);
	render_customer(t, m);
	/* A reply by mail quotes what it answers. */
	q = last_dir(t, m, kind == FU_REMINDER ? D_IN : D_OUT);
	if (q && m->mtype == MT_EMAIL && t->quote_style >= 0 && q->plain.len) {
		add_quote(m, q, p->lang == L_RU ? 3 : t->quote_style,
			  t->entities);
		m->parent = (int)(q - t->m) + 1;
	}
}

void odoo_partner_mail(struct thread *t, struct rng *r, struct msg *m,
		       int first)
{
	struct person p;
	const struct phr *ph;

	odoo_person_school(&p, t->school);
	m->author_id = p.partner_id;
	buf_adds(&m->author, p.name);
	buf_addf(&m->from, "\"%s | %s\" <%s>", p.name, t->school->name,
		 p.email);
	m->recipient = SUPPORT_PARTNER;
	m->dir = D_IN;
	m->partner = 1;
	if (first && !t->has_name) {
		ph = PICK_PHR(r, partner_subj);
		m->has_subject = 1;
		m->kw |= ph->kw;
		t->subj_kw = ph->kw;
		expand(&m->subject, ph->s, t);
		t->has_name = 1;
		buf_reset(&t->name);
		buf_add(&t->name, m->subject.p, m->subject.len);
		m->parent = 0;
	} else {
		reply_subject(m, t, "AW: ", subject_kw(t));
	}
	buf_addf(&m->plain, "Hallo liebes %s-Team,\n\n", BRAND);
	ph = first ? PICK_PHR(r, partner_first) : PICK_PHR(r, partner_next);
	m->kw |= add_phr(&m->plain, ph, t, 1);
	buf_addf(&m->plain, "\n\nViele Grüße\n%s\n%s", p.name, t->school->name);
	html_render(&m->body, m->plain.p, m->plain.len, HS_P, ENT_RAW);
}

void odoo_staff_reply(struct thread *t, struct rng *r, struct msg *m, int style,
		      int insolv, int spam_reply)
{
	const struct staff *s = &odoo_staff[t->staff];
	const struct msg *q = last_dir(t, m, D_IN);
	const struct school *to_school = q && q->partner ? t->school : NULL;
	int lang = to_school ? L_DE : t->cust.lang;
	const struct phr *ph;
	int en = lang == L_EN || (lang == L_RU && rng_chance(r, 0.6));

	if (lang == L_RU && !en && !insolv && rng_chance(r, 0.5))
		lang = L_DE;
	else if (lang == L_RU && en)
		lang = L_EN;
	m->dir = D_OUT;
	m->recipient = to_school ? 8001 + (to_school - odoo_schools)
				 : t->cust.partner_id;
	switch (style) {
	case SR_EMAIL:
		m->mtype = MT_EMAIL;
		set_staff_author(m, t->staff);
		reply_subject(m, t, lang == L_DE ? "AW: " : "Re: ", 0);
		break;
	case SR_OUTGOING:
		m->mtype = MT_EMAIL_OUTGOING;
		set_staff_author(m, t->staff);
		reply_subject(m, t, "Re: ", 0);
		break;
	case SR_NO_AUTHOR:
		m->mtype = MT_EMAIL;
		buf_addf(&m->from, "\"%s Aushilfe\" <aushilfe@%s>", BRAND,
			 STAFF_DOMAIN);
		reply_subject(m, t, lang == L_DE ? "AW: " : "Re: ", 0);
		break;
	default:
		m->mtype = MT_COMMENT;
		set_staff_author(m, t->staff);
		break;
	}
	/* Keyword bits of an answer: only insolvency matters (any in/out). */
	m->kw = 0;
	if (m->has_subject)
		m->kw |= subject_kw(t) & KW_INSOLV;
	if (lang == L_DE) {
		if (to_school)
			buf_addf(&m->plain, "Hallo %s,\n\n",
				 to_school->contact_first);
		else if (t->cust.name[0] && strchr(t->cust.name, ' ') &&
			 t->cust.lang == L_DE && rng_chance(r, 0.5))
			buf_addf(&m->plain, "Guten Tag %s %s,\n\n",
				 t->cust.female ? "Frau" : "Herr",
				 strchr(t->cust.name, ' ') + 1);
		else if (t->cust.first[0] && rng_chance(r, 0.5))
			buf_addf(&m->plain, "Hallo %s,\n\n", t->cust.first);
		else
			buf_adds(&m->plain, "Hallo,\n\n");
	} else if (lang == L_RU) {
		buf_adds(&m->plain, "Здравствуйте!\n\n");
	} else {
		buf_addf(&m->plain, "Dear %s,\n\n",
			 t->cust.first[0] ? t->cust.first : "customer");
	}
	if (spam_reply) {
		ph = lang == L_DE ? &reply_spam[0] : &reply_spam[1];
	} else if (insolv) {
		ph = PICK3(r, lang, reply_insolv);
	} else if (last_dir(t, m, D_OUT)) {
		ph = PICK3(r, lang, again);
	} else if (lang == L_DE) {
		switch (to_school ? 0 : t->topic) {
		case KW_DATES:
			ph = PICK_PHR(r, reply_dates_de);
			break;
		case KW_VOUCHER:
			ph = PICK_PHR(r, reply_voucher_de);
			break;
		case KW_ONLINE:
			ph = PICK_PHR(r, reply_online_de);
			break;
		case KW_GROUP:
			ph = PICK_PHR(r, reply_group_de);
			break;
		default:
			ph = PICK_PHR(r, reply_de);
			break;
		}
	} else {
		ph = PICK3(r, lang, reply);
	}
	m->kw |= add_phr(&m->plain, ph, t, 1);
	if (lang == L_DE)
		buf_addf(&m->plain, "\n\nViele Grüße\n%s\n%s Kundenservice",
			 style == SR_NO_AUTHOR ? "Ihr Team" : s->name, BRAND);
	else if (lang == L_RU)
		buf_addf(&m->plain, "\n\nС уважением,\n%s\n%s", s->name, BRAND);
	else
		buf_addf(&m->plain, "\n\nBest regards\n%s\n%s Customer Care",
			 style == SR_NO_AUTHOR ? "Your team" : s->name, BRAND);
	html_render(&m->body, m->plain.p, m->plain.len, HS_P,
		    rng_chance(r, 0.3) ? ENT_NAMED : ENT_RAW);
	/* Answers by mail quote the customer; chatter answers do not. */
	if (q)
		m->parent = (int)(q - t->m) + 1;
	if (q && m->mtype != MT_COMMENT && rng_chance(r, 0.7))
		add_quote(m, q, lang == L_DE ? 0 : 1, ENT_RAW);
}

void odoo_ack(struct thread *t, struct rng *r, struct msg *m)
{
	(void)r;
	m->mtype = MT_AUTO_COMMENT;
	m->dir = D_SYSTEM;
	m->author_id = SUPPORT_PARTNER;
	buf_adds(&m->author, SUPPORT_NAME);
	buf_addf(&m->from, "\"%s\" <%s>", SUPPORT_NAME, SUPPORT_EMAIL);
	m->recipient = t->cust.partner_id;
	m->has_subject = 1;
	if (t->cust.lang == L_DE) {
		buf_addf(&m->subject, "Wir haben Ihre Anfrage erhalten [#%s]",
			 t->ref);
		buf_addf(&m->plain,
			 "Hallo,\n\nvielen Dank für Ihre Nachricht. Wir haben "
			 "Ihre Anfrage erhalten und melden uns so schnell wie "
			 "möglich.\n\nIhre Ticketnummer: %s\n\nIhr %s-Team",
			 t->ref, BRAND);
	} else {
		buf_addf(&m->subject, "We have received your request [#%s]",
			 t->ref);
		buf_addf(&m->plain,
			 "Hello,\n\nthank you for your message. We have "
			 "received your request and will get back to you as "
			 "soon as possible.\n\nYour ticket number: %s\n\nThe "
			 "%s team",
			 t->ref, BRAND);
	}
	html_render(&m->body, m->plain.p, m->plain.len, HS_P, ENT_RAW);
}

void odoo_note(struct thread *t, struct rng *r, struct msg *m, int kind)
{
	static const struct phr spam_note = {"Spam, bitte schließen.", 0};
	const struct phr *ph;

	m->mtype = MT_COMMENT;
	m->subtype = ST_NOTE;
	m->internal = rng_chance(r, 0.3);
	m->dir = D_NOTE;
	set_staff_author(m, t->staff);
	if (kind == NOTE_INSOLV)
		ph = PICK_PHR(r, notes_insolv);
	else if (kind == NOTE_CALLBACK)
		ph = PICK_PHR(r, notes_callback);
	else if (kind == NOTE_SPAM)
		ph = &spam_note;
	else
		ph = PICK_PHR(r, notes);
	expand(&m->plain, ph->s, t);
	html_render(&m->body, m->plain.p, m->plain.len, HS_P, ENT_RAW);
}

void odoo_stage(struct thread *t, struct rng *r, struct msg *m, int to)
{
	m->mtype = MT_NOTIFICATION;
	m->subtype = ST_STAGE;
	m->dir = D_SYSTEM;
	/* Automated actions move tickets too, with no sender address. */
	if (rng_chance(r, 0.15)) {
		m->author_id = BOT_PARTNER;
		buf_adds(&m->author, "OdooBot");
	} else {
		set_staff_author(m, t->staff);
	}
	m->ntracking = 1;
	t->stage = to;
}

void odoo_assign_notice(struct thread *t, struct rng *r, struct msg *m)
{
	const struct staff *s = &odoo_staff[t->staff];

	(void)r;
	m->mtype = MT_USER_NOTIFICATION;
	m->subtype = ST_NONE;
	m->dir = D_SYSTEM;
	m->author_id = BOT_PARTNER;
	buf_adds(&m->author, "OdooBot");
	buf_addf(&m->from, "\"OdooBot\" <odoobot@%s>", STAFF_DOMAIN);
	m->recipient = s->partner_id;
	m->has_subject = 1;
	buf_addf(&m->subject, "You have been assigned to %.*s",
		 (int)t->name.len, t->name.p);
	buf_addf(&m->plain,
		 "Dear %s,\n\nYou have been assigned to the Ticket %.*s (#%s).",
		 s->name, (int)t->name.len, t->name.p, t->ref);
	html_render(&m->body, m->plain.p, m->plain.len, HS_P, ENT_RAW);
}

void odoo_autoreply(struct thread *t, struct rng *r, struct msg *m,
		    const char *orig_subject)
{
	const struct person *p = &t->cust;
	static const char *const pre_de[] = {"Automatische Antwort: ",
					     "Abwesenheitsnotiz: "};
	static const char *const pre_en[] = {"Out of Office: ",
					     "Automatic reply: "};

	const char *dom = strchr(p->email, '@');

	m->dir = D_AUTOREPLY;
	m->has_subject = 1;
	m->kw = KW_AUTO;
	/* Some are bounces: the mail server answers, not the customer. */
	if (dom && rng_chance(r, 0.25)) {
		dom++;
		buf_addf(&m->from, "MAILER-DAEMON@mx.%s", dom);
		m->recipient = SUPPORT_PARTNER;
		buf_adds(&m->subject, rng_chance(r, 0.5) ? "Undeliverable: "
							 : "Unzustellbar: ");
		if (orig_subject)
			buf_adds(&m->subject, orig_subject);
		else if (t->has_name && t->m[0].has_subject)
			buf_addf(&m->subject, "Re: %.*s", (int)t->name.len,
				 t->name.p);
		buf_addf(&m->plain,
			 "This is the mail system at host mx.%s.\n\nI'm sorry "
			 "to have to inform you that your message could not be "
			 "delivered to one or more recipients.\n\n<%s>: host "
			 "mx.%s said: 550 5.1.1 mailbox unavailable",
			 dom, p->email, dom);
		html_render(&m->body, m->plain.p, m->plain.len, HS_P, ENT_RAW);
		return;
	}
	customer_author(t, r, m, p);
	odoo_tvals_until(&t->v, r, m->ts);
	if (p->lang == L_RU)
		buf_adds(&m->subject, "Автоответ: ");
	else if (p->lang == L_EN)
		buf_adds(&m->subject, RNG_PICK(r, pre_en));
	else
		buf_adds(&m->subject, RNG_PICK(r, pre_de));
	if (orig_subject)
		buf_adds(&m->subject, orig_subject);
	else if (t->has_name && t->m[0].has_subject)
		buf_addf(&m->subject, "Re: %.*s", (int)t->name.len, t->name.p);
	if (p->lang == L_RU)
		expand(&m->plain,
		       "Спасибо за письмо! Я в отпуске до {u} и отвечу после "
		       "возвращения.",
		       t);
	else if (p->lang == L_EN)
		expand(&m->plain,
		       "Thank you for your message. I am out of the office "
		       "until {U} and will reply after my return.",
		       t);
	else
		expand(&m->plain,
		       "Vielen Dank für Ihre Nachricht. Ich bin bis "
		       "einschließlich {u} nicht im Büro und lese meine "
		       "E-Mails nur unregelmäßig.",
		       t);
	html_render(&m->body, m->plain.p, m->plain.len, HS_DIV, ENT_RAW);
}

void odoo_spam(struct thread *t, struct rng *r, struct msg *m, int second)
{
	const struct spam *s = &RNG_PICK(r, spams);
	char addr[112];

	m->dir = D_IN;
	m->kw = KW_SPAM;
	snprintf(addr, sizeof addr, "%s%d@%s", s->local,
		 (int)rng_range(r, 1, 999), s->domain);
	buf_adds(&m->from, addr);
	if (s->subject) {
		m->has_subject = 1;
		buf_adds(&m->subject, s->subject);
	}
	buf_adds(&m->plain, s->text);
	html_render(&m->body, m->plain.p, m->plain.len,
		    rng_chance(r, 0.5) ? HS_DIV : HS_P, ENT_RAW);
	if (!second && !t->has_name) {
		t->has_name = 1;
		buf_reset(&t->name);
		buf_adds(&t->name, s->subject ? s->subject : "No Subject");
		m->parent = 0;
	}
	/* The correspondent of a spam ticket is its sender. */
	if (!second) {
		memset(&t->cust, 0, sizeof t->cust);
		snprintf(t->cust.email, sizeof t->cust.email, "%s", addr);
		t->cust.lang = L_EN;
	}
}

void odoo_order(struct thread *t, struct rng *r, struct msg *m, int payment)
{
	const struct order_src *src;
	const struct phr *ph;

	m->dir = D_IN;
	do {
		src = &RNG_PICK(r, order_srcs);
	} while (payment && strstr(src->email, "zahlfix") == NULL);
	if (src->sender_rule && rng_chance(r, 0.3))
		ph = PICK_PHR(r, order_subj_plain);
	else
		ph = PICK_PHR(r, order_subj);
	m->has_subject = 1;
	expand(&m->subject, ph->s, t);
	m->kw = KW_ORDER;
	set_from(m, r, src->name, src->email);
	if (payment)
		expand(&m->plain,
		       "Sie haben eine Zahlung über {e},00 EUR an " COMPANY
		       " gesendet.\n\nBestellnummer: {o}\nZahlungsart: PayPal",
		       t);
	else {
		expand(&m->plain,
		       "Vielen Dank für Ihren Einkauf bei " BRAND
		       "!\n\nBestellnummer: {o}\nArtikel: Kochkurs {c} "
		       "({C})\nBetrag: {e},00 EUR\nZahlungsart: ",
		       t);
		buf_adds(&m->plain, RNG_PICK(r, pay_methods));
	}
	html_render(&m->body, m->plain.p, m->plain.len, HS_P,
		    rng_chance(r, 0.5) ? ENT_NAMED : ENT_RAW);
	if (!t->has_name) {
		t->has_name = 1;
		buf_reset(&t->name);
		buf_add(&t->name, m->subject.p, m->subject.len);
		m->parent = 0;
	}
	/* The shop is the correspondent, unless a customer writes later. */
	if (!payment && t->cat == C_ORDER_CONFIRMATION) {
		memset(&t->cust, 0, sizeof t->cust);
		snprintf(t->cust.email, sizeof t->cust.email, "%s", src->email);
		snprintf(t->cust.name, sizeof t->cust.name, "%s", src->name);
		t->cust.lang = L_DE;
	}
}

/*
 * A mail on a crm.lead, which the ticket stages must ignore: its res_id may
 * well be a ticket's id too (each model counts its own ids), and it reads
 * like a customer's mail, so a reader that does not check the model sees a
 * customer message with topics.
 */
void odoo_lead_msg(struct buf *b, struct rng *r, int64_t id, int64_t ts,
		   int64_t lead)
{
	static const char *const texts[] = {
		"<p>Guten Tag,</p><p>wir planen eine Firmenfeier mit 25 "
		"Personen und suchen einen Termin im Mai. Bitte schicken Sie "
		"uns ein Angebot.</p>",
		"<p>Hallo,</p><p>wir sind eine Gruppe von 12 Personen und "
		"m&ouml;chten Gutscheine f&uuml;r unsere Kunden kaufen.</p>",
		"<p>Hello,</p><p>we are interested in a teamevent for 30 "
		"people in Hamburg. Which dates are available?</p>",
	};
	static const char *const firms[] = {
		"einkauf@werkzeugbau-nord.example",
		"events@agentur-sonnig.example",
		"hr@softwarehaus-mitte.example",
		"office@kanzlei-berg.example",
	};
	char date[24];

	ptime_fmt_utc(date, ts);
	date[10] = ' ';
	date[19] = '\0';
	buf_adds(b, "{\"id\":");
	jw_i64(b, id);
	buf_adds(b, ",\"date\":");
	jw_cstr(b, date);
	buf_adds(b, ",\"subject\":\"Anfrage Firmenevent\",\"body\":");
	jw_cstr(b, RNG_PICK(r, texts));
	buf_adds(
		b,
		",\"message_type\":\"email\",\"subtype_id\":[1,\"Discussions\"]"
		",\"is_internal\":false,\"author_id\":false,\"email_from\":");
	jw_cstr(b, RNG_PICK(r, firms));
	buf_addf(b,
		 ",\"model\":\"crm.lead\",\"res_id\":%lld,\"record_name\":"
		 "\"Anfrage "
		 "Firmenevent\",\"partner_ids\":[],\"parent_id\":false,"
		 "\"message_id\":\"<%016llx.%lld@mail.firma.example>\","
		 "\"attachment_ids\":[],\"tracking_value_ids\":[]}",
		 (long long)lead, (unsigned long long)rng_next(r),
		 (long long)ts);
}
