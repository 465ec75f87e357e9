/* excerpt_test.c - unit tests of lib/excerpt.c: what a message asks. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "utf8.h"

static char *excerpt(const char *s, size_t maxchars)
{
	struct buf b = BUF_INIT;

	text_excerpt(s, strlen(s), maxchars, &b);
	buf_addc(&b, '\0');
	return buf_detach(&b, NULL);
}

#define EXCERPT(in, want)                                                      \
	do {                                                                   \
		char *got_ = excerpt(in, EXCERPT_CHARS);                       \
		ck_assert_str_eq(got_, want);                                  \
		free(got_);                                                    \
	} while (0)

START_TEST(greeting_and_signoff)
{
	EXCERPT("Sehr geehrte Damen und Herren,\n\nSind für Dim Sum in Bonn "
		"schon neue Termine für 2026 geplant? Ich freue mich auf "
		"Ihre Antwort.\n\nMit freundlichen Grüßen\n\nInes Köhler",
		"Sind für Dim Sum in Bonn schon neue Termine für 2026 geplant?");
	EXCERPT("Liebes Kochfreunde-Team,\n\nWo finde ich die Einkaufsliste "
		"für Ramen@Home?\n\nLiebe Grüße\nHannah Schuster",
		"Wo finde ich die Einkaufsliste für Ramen@Home?");
	EXCERPT("Good morning,\n\nI still have not received anything. Could "
		"you please check again?\n\nThanks,\n\nCallum Cooper",
		"I still have not received anything.");
	EXCERPT("Hallo, ich habe eine Frage zum Gutschein.\nLG\nAnna",
		"ich habe eine Frage zum Gutschein.");
}
END_TEST

START_TEST(russian)
{
	EXCERPT("Добрый вечер!\n\nНапоминаю о своём вопросе, ответа пока "
		"нет.\n\nЗаранее спасибо,\nМария Шевчук\n20.01.2026, 19:00, "
		"\"mariashevchuk@gmail.example\":\n> Здравствуйте",
		"Напоминаю о своём вопросе, ответа пока нет.");
	EXCERPT("Здравствуйте!\nГде мой сертификат?\nС уважением,\nИрина",
		"Где мой сертификат?");
}
END_TEST

START_TEST(quoted_history)
{
	EXCERPT("Danke!\nKommt der Link noch?\n\nOn Mon, 5 Jan 2026 Anna "
		"wrote:\n> old text",
		"Danke! Kommt der Link noch?");
	EXCERPT("Bitte stornieren.\n-- \nKochschule Süd\nTel. 123",
		"Bitte stornieren.");
	EXCERPT("Wann?\n-----Original Message-----\nFrom: x", "Wann?");
	EXCERPT("Siehe unten.\nAm 05.01.2026 um 10:00 schrieb Team <t@x>:\n"
		"> alt",
		"Siehe unten.");
	EXCERPT("Geht das?\n\nVon meinem iPhone gesendet", "Geht das?");
}
END_TEST

START_TEST(sentences)
{
	/* abbreviations and numbers do not end a sentence */
	EXCERPT("In der Bestellung Nr. 600061359 fehlt das Notizbuch. Bitte "
		"nachsenden.",
		"In der Bestellung Nr. 600061359 fehlt das Notizbuch.");
	EXCERPT("Gibt es Termine für Knödel & Co. in Bonn? Danke.",
		"Gibt es Termine für Knödel & Co. in Bonn?");
	EXCERPT("Mein Kurs am 20. Januar fällt aus? Was nun?",
		"Mein Kurs am 20. Januar fällt aus?");
	EXCERPT("Danke für die Bestellung 600099998. Der Gutschein kommt.",
		"Danke für die Bestellung 600099998.");
	EXCERPT("I hope you are well. Where is my voucher?",
		"Where is my voucher?");
	EXCERPT("Hallo,\n\nLG", "Hallo, LG"); /* nothing else: the text */
	EXCERPT("", "");
	EXCERPT("  \n \n", "");
}
END_TEST

START_TEST(cut_at_boundary)
{
	char in[1024], *got;
	size_t i;

	strcpy(in, "Hallo,\n");
	for (i = 0; i < 60; i++)
		strcat(in, "Größe ");
	got = excerpt(in, EXCERPT_CHARS);
	ck_assert_uint_le(strlen(got), 4 * EXCERPT_CHARS);
	ck_assert_uint_eq(utf8_valid(got, strlen(got)), strlen(got));
	ck_assert_str_eq(got + strlen(got) - strlen("…"), "…");
	ck_assert_ptr_eq(strstr(got, "Größe …"), NULL); /* no blank before */
	free(got);
	/* one long word: cut inside it, at a character */
	memset(in, 0, sizeof in);
	for (i = 0; i < 130; i++)
		strcat(in, "ä");
	got = excerpt(in, 10);
	ck_assert_str_eq(got, "äääääääää…");
	free(got);
}
END_TEST

static Suite *excerpt_suite(void)
{
	Suite *s = suite_create("excerpt");
	TCase *tc = tcase_create("excerpt");

	tcase_add_test(tc, greeting_and_signoff);
	tcase_add_test(tc, russian);
	tcase_add_test(tc, quoted_history);
	tcase_add_test(tc, sentences);
	tcase_add_test(tc, cut_at_boundary);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(excerpt_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
