/* test-text.c: links that may open, cleaned and folded text, first words */
#include "atlas-text.h"

static void
test_web_links (void)
{
  static const struct { const char *uri; gboolean ok; } cases[] = {
    { "https://example.org/a?b=c#d", TRUE },
    { "http://example.org", TRUE },
    { "javascript:alert(1)", FALSE },
    { "data:text/html,<b>x</b>", FALSE },
    { "file:///etc/passwd", FALSE },
    { "ftp://example.org/", FALSE },
    { "https://user:secret@example.org/", FALSE },
    { "https://user@example.org/", FALSE },
    { " https://example.org/", FALSE },
    { "\thttps://example.org/", FALSE },
    { "HTTPS://example.org/", FALSE },
    { "Http://example.org/", FALSE },
    { "https://", FALSE },
    { "https:///path", FALSE },
    { "example.org", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (atlas_text_is_web_link (cases[i].uri) != cases[i].ok)
      g_error ("link “%s”: expected %s", cases[i].uri, cases[i].ok ? "openable" : "refused");
}

static void
test_clean (void)
{
  gboolean truncated;
  g_autofree char *controls = atlas_text_clean ("a\x01" "b\r\nc\td\x7f", 100, &truncated);
  g_autofree char *invalid = atlas_text_clean ("ok \xff\xfe end", 100, NULL);
  g_autofree char *cut = atlas_text_clean ("ééééé", 5, &truncated);

  g_assert_cmpstr (controls, ==, "a b\nc\td ");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  /* Cut on a character boundary, never inside é. */
  g_assert_cmpstr (cut, ==, "éé");
  g_assert_true (truncated);
}

/* The folding as first written: NFD of the whole text, marks dropped, case
 * folded. The faster one must give the same bytes. */
static char *
reference_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) stripped = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (stripped, g_utf8_get_char (p));
  return g_utf8_casefold (stripped->str, stripped->len);
}

static void
test_fold (void)
{
  static const char *const cases[][2] = {
    { "Écosse", "ecosse" }, { "ÉCOSSE", "ecosse" }, { "e\xcc\x81t\xc3\xa9", "ete" },
    { "Straße", "strasse" }, { "\xef\xac\x81n", "fin" }, { "Ω Ἀθῆναι", "ω αθηναι" },
    { "Norvège, Crawley", "norvege, crawley" }, { "", "" }, { "\xff\xfe", "" },
  };
  static const char *const pieces[] = {
    "a", "Z", " ", "É", "e\xcc\x81", "\xcc\x81", "\xcc\xa3\xcc\x81", "ß", "\xef\xac\x81", "Ἀ", "\xe0\xa4\x95\xe0\xa5\x8d",
    "\xd9\x85\xd9\x8e", "1", "-", "\xf0\x9f\x98\x80", "\xe2\x80\x8d", "ǅ", "İ",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = atlas_text_fold (cases[i][0]);
      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *folded = NULL;
      g_autofree char *expected = NULL;
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      folded = atlas_text_fold (text->str);
      expected = reference_fold (text->str);
      g_assert_cmpstr (folded, ==, expected);
    }
}

/* Cleaning keeps every character but carriage returns and controls, byte for
 * byte, whatever the mix of scripts. */
static void
test_clean_keeps_text (void)
{
  static const char *const cases[][2] = {
    { "Écosse\r\n", "Écosse\n" }, { "a\x01" "b\x7f" "c", "a b c" }, { "x\xc2\x85y", "x y" },
    { "\xc2\xa0\xc3\xa9\xe2\x80\xae\xf0\x9f\x98\x80", "\xc2\xa0\xc3\xa9\xe2\x80\xae\xf0\x9f\x98\x80" },
    { "tab\there", "tab\there" }, { "bad\xff", "bad\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cleaned = atlas_text_clean (cases[i][0], 100, NULL);
      g_assert_cmpstr (cleaned, ==, cases[i][1]);
    }

  /* At the limit: a dropped carriage return costs nothing, a space does. */
  {
    gboolean truncated;
    g_autofree char *returned = atlas_text_clean ("a\rb", 2, &truncated);
    g_autofree char *spaced = atlas_text_clean ("ab\x01", 2, NULL);
    g_autofree char *cut = atlas_text_clean ("a\x01\xc3\xa9", 3, NULL);

    g_assert_cmpstr (returned, ==, "ab");
    g_assert_false (truncated);
    g_assert_cmpstr (spaced, ==, "ab");
    g_assert_cmpstr (cut, ==, "a ");
  }
}

static void
test_first_words (void)
{
  static const struct { const char *text; const char *words; } cases[] = {
    { "A short one.", "A short one." },
    { "Sentence one. Sentence two.", "Sentence one." },
    { "First line\nsecond line", "First line" },
    { "Prices rose 3.5 percent", "Prices rose 3.5 percent" },
    { "Un centre de données de 100 MW ouvrira près de Marseille à la fin de l'année prochaine, selon l'opérateur",
      "Un centre de données de 100 MW ouvrira près de Marseille à la fin de l'année prochaine, selon…" },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = atlas_text_first_words (cases[i].text, 100);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/web-links", test_web_links);
  g_test_add_func ("/text/clean", test_clean);
  g_test_add_func ("/text/clean-keeps-text", test_clean_keeps_text);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/first-words", test_first_words);

  return g_test_run ();
}
