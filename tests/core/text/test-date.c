/* test-date.c: partial dates, their spans, timestamps and the dates feeds write */
#include "atlas-date.h"

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

/* The dates RSS, RDF and Atom feeds really write. */
static void
test_feed_dates (void)
{
  static const struct { const char *text; const char *utc; AtlasDatePrecision precision; } cases[] = {
    { "Sun, 06 Jul 2014 12:56:00 GMT", "2014-07-06T12:56:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Sun, 06 Jul 2014 12:56:00 +0200", "2014-07-06T10:56:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Sun, 6 Jul 2014 12:56:00 -07:00", "2014-07-06T19:56:00Z", ATLAS_DATE_PRECISION_DAY },
    /* no weekday, named zones, no seconds, two-digit years, full month names */
    { "06 Jul 2014 12:56:00 EST", "2014-07-06T17:56:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Mon, 07 Jul 2014 08:00 PDT", "2014-07-07T15:00:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z", ATLAS_DATE_PRECISION_DAY },
    { "Fri, 03 Oct 97 10:00:00 UT", "1997-10-03T10:00:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Tuesday, 16 September 2025 09:30:00 CEST", "2025-09-16T07:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "16 Sept 2025 09:30", "2025-09-16T09:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Tue, 16-Sep-2025 09:30:00 GMT", "2025-09-16T09:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "Tue Sep 16 2025 09:30:00 GMT+0100", "2025-09-16T08:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "  Wed, 17 Sep 2025 23:59:59 Z  ", "2025-09-17T23:59:59Z", ATLAS_DATE_PRECISION_DAY },
    { "16 Sep 2025", "2025-09-16T00:00:00Z", ATLAS_DATE_PRECISION_DAY },
    /* RFC 3339, ISO 8601 with a space or no zone, W3C-DTF */
    { "2025-09-16T09:30:00+01:00", "2025-09-16T08:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "2025-09-16 09:30:00", "2025-09-16T09:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "2025-09-16T09:30:00.52Z", "2025-09-16T09:30:00Z", ATLAS_DATE_PRECISION_DAY },
    { "2025-09-16", "2025-09-16T00:00:00Z", ATLAS_DATE_PRECISION_DAY },
    { "2025-09", "2025-09-01T00:00:00Z", ATLAS_DATE_PRECISION_MONTH },
    { "2025", "2025-01-01T00:00:00Z", ATLAS_DATE_PRECISION_YEAR },
  };
  static const char *const refused[] = {
    "", "yesterday", "Sun, 31 Feb 2014 12:00:00 GMT", "Sun, 06 Foo 2014 12:56:00 GMT",
    "Sun, 06 Jul 2014 25:61:00 GMT", "Sun, 06 Jul 2014 12:56:00 +9999", "06 Jul", "2025-13",
    "Sun, 06 Jul 2014 12:56:00 GMT and more",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDatePrecision precision = ATLAS_DATE_PRECISION_NONE;
      g_autofree char *utc = NULL;
      gint64 when = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (atlas_feed_date_parse (cases[i].text, &when, &precision));
      utc = atlas_timestamp_to_iso8601 (when);
      g_assert_cmpstr (utc, ==, cases[i].utc);
      g_assert_cmpint (precision, ==, cases[i].precision);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      AtlasDatePrecision precision;
      gint64 when;

      g_test_message ("refused: %s", refused[i]);
      g_assert_false (atlas_feed_date_parse (refused[i], &when, &precision));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/partial", test_partial_dates);
  g_test_add_func ("/date/spans", test_spans);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/timestamps", test_timestamps);
  g_test_add_func ("/date/feed-dates", test_feed_dates);

  return g_test_run ();
}
