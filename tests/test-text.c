#include "atlas-date.h"
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
test_html (void)
{
  static const struct { const char *html; const char *text; } cases[] = {
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "a<br>b<br/>c", "a\n\nb\n\nc" },
    { "<ul><li>x</li><li>y</li></ul>", "x\n\ny" },
    { "5 &lt; 6 &amp;&amp; 7 &gt; 2", "5 < 6 && 7 > 2" },
    { "&#x1F600; &#128512; &#0; &#xD800;", "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80 \xEF\xBF\xBD \xEF\xBF\xBD" },
    { "<style>p { color: red }</style><SCRIPT>evil()</SCRIPT>kept", "kept" },
    { "<!-- hidden --> shown", "shown" },
    { "AT&T &unknown; & done", "AT&T &unknown; & done" },
    { "  lots   of\n\n  space ", "lots of space" },
    { "<p>unclosed", "unclosed" },
    { "text <b", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_text_from_html (cases[i].html);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_partial_dates (void)
{
  static const struct { const char *text; gboolean ok; AtlasDatePrecision precision; } cases[] = {
    { "2025", TRUE, ATLAS_DATE_PRECISION_YEAR },
    { "2025-09", TRUE, ATLAS_DATE_PRECISION_MONTH },
    { "2025-09-16", TRUE, ATLAS_DATE_PRECISION_DAY },
    { "2024-02-29", TRUE, ATLAS_DATE_PRECISION_DAY },
    { "2023-02-29", FALSE, 0 },
    { "1900-02-29", FALSE, 0 },
    { "2000-02-29", TRUE, ATLAS_DATE_PRECISION_DAY },
    { "2025-13", FALSE, 0 },
    { "2025-00", FALSE, 0 },
    { "0000", FALSE, 0 },
    { "9999-12-31", TRUE, ATLAS_DATE_PRECISION_DAY },
    { "25-09", FALSE, 0 },
    { "2025/09", FALSE, 0 },
    { "2025-9", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasPartialDate date;
      gboolean ok = atlas_partial_date_parse (cases[i].text, &date);

      if (ok != cases[i].ok)
        g_error ("date “%s”: expected %s", cases[i].text, cases[i].ok ? "valid" : "invalid");
      if (ok)
        {
          g_autofree char *back = atlas_partial_date_to_string (&date);
          g_assert_cmpint (date.precision, ==, cases[i].precision);
          g_assert_cmpstr (back, ==, cases[i].text);
          g_assert_cmpint (atlas_partial_date_end (&date), >, atlas_partial_date_start (&date));
        }
    }
}

static void
test_spans (void)
{
  AtlasPartialDate month, year, leap;

  g_assert_true (atlas_partial_date_parse ("2025-09", &month));
  g_assert_cmpint (atlas_partial_date_start (&month), ==, 1756684800);   /* 2025-09-01 */
  g_assert_cmpint (atlas_partial_date_end (&month), ==, 1759276800);     /* 2025-10-01 */
  g_assert_true (atlas_partial_date_parse ("2024", &year));
  g_assert_cmpint (atlas_partial_date_end (&year) - atlas_partial_date_start (&year), ==, 366 * 86400);
  g_assert_true (atlas_partial_date_parse ("2024-02", &leap));
  g_assert_cmpint (atlas_partial_date_end (&leap) - atlas_partial_date_start (&leap), ==, 29 * 86400);
}

static void
test_format (void)
{
  AtlasPartialDate date;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *day = NULL;

  atlas_partial_date_parse ("2025-09", &date);
  month = atlas_partial_date_format (&date);
  g_assert_cmpstr (month, ==, "Sep 2025");
  atlas_partial_date_parse ("2017", &date);
  year = atlas_partial_date_format (&date);
  g_assert_cmpstr (year, ==, "2017");
  atlas_partial_date_parse ("2025-09-05", &date);
  day = atlas_partial_date_format (&date);
  g_assert_cmpstr (day, ==, "5 Sep 2025");
}

static void
test_timestamps (void)
{
  gint64 t;

  g_assert_true (atlas_timestamp_parse ("2025-09-18T09:00:00+01:00", &t));
  g_assert_cmpint (t, ==, 1758182400);
  g_assert_true (atlas_timestamp_parse ("2025-09-18T08:00:00Z", &t));
  g_assert_cmpint (t, ==, 1758182400);
  g_assert_true (atlas_timestamp_parse ("2025-09-18", &t));
  g_assert_false (atlas_timestamp_parse ("yesterday", &t));
  g_assert_false (atlas_timestamp_parse ("2025-02-30T00:00:00Z", &t));
  g_assert_false (atlas_timestamp_parse (NULL, &t));
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
  g_test_add_func ("/text/html", test_html);
  g_test_add_func ("/date/partial", test_partial_dates);
  g_test_add_func ("/date/spans", test_spans);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/timestamps", test_timestamps);

  return g_test_run ();
}
