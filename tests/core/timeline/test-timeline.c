/* Calendar arithmetic of the time axis: units for a scale, ticks and
 * buckets on the local calendar (clock changes, leap years), labels, and
 * the spans of partial dates. */
#include <locale.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-query.h"
#include "atlas-test-util.h"
#include "atlas-timeline.h"

static gint64
at (const char *iso8601)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
test_unit_for_scale (void)
{
  static const struct { double seconds_per_pixel; AtlasTimeUnit unit; } cases[] = {
    { 600, ATLAS_TIME_DAY },          /* a day is 144 px */
    { 1440, ATLAS_TIME_DAY },         /* exactly 60 px */
    { 3000, ATLAS_TIME_WEEK },        /* a day 29 px, a week 202 px */
    { 50000, ATLAS_TIME_QUARTER },    /* a month 53 px, a quarter 158 px */
    { 400000, ATLAS_TIME_YEAR },      /* a quarter 20 px, a year 79 px */
    { 1e6, ATLAS_TIME_DECADE },       /* a year 32 px */
    { 1e12, ATLAS_TIME_DECADE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (atlas_time_unit_for_scale (cases[i].seconds_per_pixel, 60), ==, cases[i].unit);
}

static void
test_local_calendar (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const struct { AtlasTimeUnit unit; const char *time, *floor, *next; } cases[] = {
    /* The day the clocks go forward lasts 23 hours. */
    { ATLAS_TIME_DAY, "2025-03-30T12:00:00Z", "2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00+02:00" },
    /* And the one they go back, 25. */
    { ATLAS_TIME_DAY, "2025-10-26T12:00:00Z", "2025-10-26T00:00:00+02:00", "2025-10-27T00:00:00+01:00" },
    /* A Thursday's week starts on the Monday. */
    { ATLAS_TIME_WEEK, "2025-09-18T10:00:00Z", "2025-09-15T00:00:00+02:00", "2025-09-22T00:00:00+02:00" },
    { ATLAS_TIME_MONTH, "2025-03-30T12:00:00Z", "2025-03-01T00:00:00+01:00", "2025-04-01T00:00:00+02:00" },
    /* Half past eleven UTC on 31 August is already September in Paris. */
    { ATLAS_TIME_MONTH, "2025-08-31T23:30:00Z", "2025-09-01T00:00:00+02:00", "2025-10-01T00:00:00+02:00" },
    { ATLAS_TIME_QUARTER, "2025-08-10T00:00:00Z", "2025-07-01T00:00:00+02:00", "2025-10-01T00:00:00+02:00" },
    { ATLAS_TIME_YEAR, "2024-02-29T12:00:00Z", "2024-01-01T00:00:00+01:00", "2025-01-01T00:00:00+01:00" },
    { ATLAS_TIME_DECADE, "2017-06-01T00:00:00Z", "2010-01-01T00:00:00+01:00", "2020-01-01T00:00:00+01:00" },
  };

  if (paris == NULL)
    {
      g_test_skip ("no time zone data for Europe/Paris");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 floor = atlas_time_unit_floor (cases[i].unit, at (cases[i].time), paris);

      g_assert_cmpint (floor, ==, at (cases[i].floor));
      g_assert_cmpint (atlas_time_unit_next (cases[i].unit, floor, paris), ==, at (cases[i].next));
    }

  /* In UTC the same moment is still August. */
  g_assert_cmpint (atlas_time_unit_floor (ATLAS_TIME_MONTH, at ("2025-08-31T23:30:00Z"), utc), ==,
                   at ("2025-08-01T00:00:00Z"));
}

static void
test_ticks (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GArray) leap = atlas_time_unit_ticks (ATLAS_TIME_DAY, at ("2024-02-28T00:00:00Z"),
                                                  at ("2024-03-02T00:00:00Z"), utc);
  g_autoptr(GArray) years = atlas_time_unit_ticks (ATLAS_TIME_YEAR, at ("2017-03-01T00:00:00Z"),
                                                   at ("2026-11-23T00:00:00Z"), utc);
  g_autoptr(GArray) months = atlas_time_unit_ticks (ATLAS_TIME_MONTH, at ("2025-01-15T00:00:00Z"),
                                                    at ("2025-04-01T00:00:00Z"), utc);

  /* 28 February, the 29th of a leap year, 1 March. */
  g_assert_cmpuint (leap->len, ==, 3);
  g_assert_cmpint (g_array_index (leap, gint64, 1), ==, at ("2024-02-29T00:00:00Z"));
  g_assert_cmpint (g_array_index (leap, gint64, 2), ==, at ("2024-03-01T00:00:00Z"));

  /* A tick is the start of a unit inside the range: 2018 to 2026. */
  g_assert_cmpuint (years->len, ==, 9);
  g_assert_cmpint (g_array_index (years, gint64, 0), ==, at ("2018-01-01T00:00:00Z"));

  g_assert_cmpuint (months->len, ==, 2);
  g_assert_cmpint (g_array_index (months, gint64, 0), ==, at ("2025-02-01T00:00:00Z"));
}

static void
test_labels (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const struct { AtlasTimeUnit unit; const char *time, *label; } cases[] = {
    { ATLAS_TIME_DAY, "2025-09-06T00:00:00Z", "6 Sep" },
    { ATLAS_TIME_WEEK, "2025-09-15T00:00:00Z", "15 Sep" },
    { ATLAS_TIME_MONTH, "2025-09-01T00:00:00Z", "Sep 2025" },
    { ATLAS_TIME_QUARTER, "2025-07-01T00:00:00Z", "Q3 2025" },
    { ATLAS_TIME_YEAR, "2017-01-01T00:00:00Z", "2017" },
    { ATLAS_TIME_DECADE, "2020-01-01T00:00:00Z", "2020" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = atlas_time_unit_format (cases[i].unit, at (cases[i].time), utc);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* An axis of days says its year on its first tick and where the year
 * changes; months, quarters and years always carry it. */
static void
test_tick_labels (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GArray) days = atlas_time_unit_ticks (ATLAS_TIME_DAY, at ("2025-12-30T00:00:00Z"),
                                                  at ("2026-01-03T00:00:00Z"), utc);
  static const char *const day_labels[] = { "30 Dec 2025", "31 Dec", "1 Jan 2026", "2 Jan" };
  g_autofree char *week = NULL;
  g_autofree char *month = NULL;

  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (day_labels));
  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *label = atlas_time_tick_format (ATLAS_TIME_DAY, g_array_index (days, gint64, i),
                                                       i > 0 ? g_array_index (days, gint64, i - 1) : G_MININT64, utc);
      g_assert_cmpstr (label, ==, day_labels[i]);
    }
  week = atlas_time_tick_format (ATLAS_TIME_WEEK, at ("2025-09-15T00:00:00Z"), at ("2025-09-08T00:00:00Z"), utc);
  g_assert_cmpstr (week, ==, "15 Sep");
  month = atlas_time_tick_format (ATLAS_TIME_MONTH, at ("2025-09-01T00:00:00Z"), at ("2025-08-01T00:00:00Z"), utc);
  g_assert_cmpstr (month, ==, "Sep 2025");
}

static void
test_range_labels (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const struct { const char *since, *until, *label; } cases[] = {
    { "2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z", "Sep 2025" },
    { "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2024" },
    { "2025-09-16T00:00:00Z", "2025-10-03T00:00:00Z", "16 Sep 2025 – 2 Oct 2025" },
    { "2025-09-16T00:00:00Z", NULL, "From 16 Sep 2025" },
    { NULL, "2025-01-01T00:00:00Z", "Up to 31 Dec 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = atlas_time_range_format (cases[i].since ? at (cases[i].since) : G_MININT64,
                                                        cases[i].until ? at (cases[i].until) : G_MAXINT64, utc);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Under a French locale the months are French. */
static void
test_french_labels (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale on this machine");
      return;
    }
  month = atlas_time_unit_format (ATLAS_TIME_MONTH, at ("2025-09-01T00:00:00Z"), utc);
  day = atlas_time_unit_format (ATLAS_TIME_DAY, at ("2025-02-06T00:00:00Z"), utc);
  setlocale (LC_TIME, saved);

  g_assert_cmpstr (month, ==, "sept. 2025");
  g_assert_cmpstr (day, ==, "6 févr.");
}

/* A date known to the month is that whole month, to the year that whole
 * year: never a made-up first day. */
static void
test_partial_date_spans (void)
{
  static const struct { const char *date, *start, *end; } cases[] = {
    { "2025-09", "2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z" },
    { "2024", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z" },
    { "2024-02-29", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z" },
    { "2025-12", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z" },
  };
  AtlasPartialDate date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (atlas_partial_date_parse (cases[i].date, &date));
      g_assert_cmpint (atlas_partial_date_start (&date), ==, at (cases[i].start));
      g_assert_cmpint (atlas_partial_date_end (&date), ==, at (cases[i].end));
    }
  g_assert_false (atlas_partial_date_parse ("2025-02-29", &date));
}

static guint
count_events (AtlasStore  *store,
              AtlasFilter *filter,
              const char  *since,
              const char  *until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = atlas_query_events (store, filter, since ? at (since) : G_MININT64,
                                                    until ? at (until) : G_MAXINT64, &error);

  g_assert_no_error (error);
  return events->len;
}

/* The events under a filter: those of the articles it keeps, whatever its
 * own date range; a date range given to the query keeps those whose span
 * overlaps it. */
static void
test_events_under_filter (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GPtrArray) events = NULL;
  const AtlasEventInfo *first_investment = NULL;

  g_assert_cmpuint (count_events (store, filter, NULL, NULL), ==, 15);

  /* The CoreWeave article is the one about Norway. */
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  g_assert_cmpuint (count_events (store, filter, NULL, NULL), ==, 6);
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "nscale");
  g_assert_cmpuint (count_events (store, filter, NULL, NULL), ==, 9);

  /* The filter's own date range does not thin the timeline. */
  filter->since = at ("2025-09-10T00:00:00Z");
  filter->until = at ("2025-09-11T00:00:00Z");
  g_assert_cmpuint (count_events (store, filter, NULL, NULL), ==, 9);

  /* September 2025: the eight events dated that month. */
  g_clear_pointer (&filter, atlas_filter_free);
  filter = atlas_filter_new ();
  g_assert_cmpuint (count_events (store, filter, "2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z"), ==, 8);
  /* May 2024: the event of that month, and the four known only to the year. */
  g_assert_cmpuint (count_events (store, filter, "2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z"), ==, 5);

  events = atlas_query_events (store, filter, G_MININT64, G_MAXINT64, NULL);
  for (guint i = 0; i < events->len && first_investment == NULL; i++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (events, i);
      if (g_strcmp0 (event->kind, "investment") == 0 && event->date.precision == ATLAS_DATE_PRECISION_MONTH)
        first_investment = event;
    }
  g_assert_nonnull (first_investment);
  g_assert_cmpint (first_investment->date.year, ==, 2025);
  g_assert_cmpint (first_investment->date.month, ==, 9);
  g_assert_cmpint (first_investment->starts, ==, at ("2025-09-01T00:00:00Z"));
  g_assert_cmpint (first_investment->ends, ==, at ("2025-10-01T00:00:00Z"));
  g_assert_cmpfloat (first_investment->amount, ==, 11e9);
  g_assert_cmpstr (first_investment->currency, ==, "GBP");
  g_assert_true (atlas_event_info_names (first_investment, "nvidia"));
  /* Names and kinds come with the ids. */
  {
    const AtlasEventEntity *nvidia = NULL;
    g_autofree char *list = atlas_event_info_entity_list (first_investment);

    for (guint i = 0; i < first_investment->n_entities; i++)
      if (g_str_equal (atlas_event_info_get_entity (first_investment, i)->id, "nvidia"))
        nvidia = atlas_event_info_get_entity (first_investment, i);
    g_assert_nonnull (nvidia);
    g_assert_cmpstr (nvidia->name, ==, "NVIDIA");
    g_assert_cmpstr (nvidia->kind, ==, "company");
    g_assert_nonnull (strstr (list, "NVIDIA"));
  }
  g_assert_cmpint (first_investment->article_id, >, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A range chosen in a time zone west of UTC starts a few hours into the
 * first day in UTC: an article known only to that month is still in it,
 * and one known to the month before is not. */
static void
test_partial_article_dates_overlap (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) ids = NULL;

  filter->since = at ("2025-09-01T05:00:00Z");
  filter->until = at ("2025-10-01T05:00:00Z");
  ids = atlas_query_article_ids (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 1);

  /* The 2024 article overlaps any part of 2024, and nothing after it. */
  g_clear_pointer (&ids, g_array_unref);
  filter->since = at ("2024-12-31T12:00:00Z");
  filter->until = at ("2025-01-10T00:00:00Z");
  ids = atlas_query_article_ids (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter->since = at ("2025-01-01T00:00:00Z");
  ids = atlas_query_article_ids (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 0);

  /* September 2025 ends where October begins. */
  g_clear_pointer (&ids, g_array_unref);
  filter->since = at ("2025-10-01T00:00:00Z");
  filter->until = at ("2025-11-01T00:00:00Z");
  ids = atlas_query_article_ids (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Article counts per bucket, by SQL: one in January 2024 (the article known
 * only to the year), one in September 2025. */
static void
test_article_histogram (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GArray) edges = atlas_time_unit_ticks (ATLAS_TIME_MONTH, at ("2024-01-01T00:00:00Z"),
                                                   at ("2026-01-02T00:00:00Z"), utc);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_cmpuint (edges->len, ==, 25);
  counts = atlas_query_article_histogram (store, filter, edges, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 24);
  g_assert_cmpuint (g_array_index (counts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (counts, guint, 20), ==, 1);
  for (guint i = 0; i < counts->len; i++)
    total += g_array_index (counts, guint, i);
  g_assert_cmpuint (total, ==, 2);

  /* Under a filter: Norway keeps only the 2024 article. */
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  g_clear_pointer (&counts, g_array_unref);
  counts = atlas_query_article_histogram (store, filter, edges, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (counts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (counts, guint, 20), ==, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/unit-for-scale", test_unit_for_scale);
  g_test_add_func ("/timeline/local-calendar", test_local_calendar);
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/timeline/labels", test_labels);
  g_test_add_func ("/timeline/tick-labels", test_tick_labels);
  g_test_add_func ("/timeline/range-labels", test_range_labels);
  g_test_add_func ("/timeline/french-labels", test_french_labels);
  g_test_add_func ("/timeline/partial-date-spans", test_partial_date_spans);
  g_test_add_func ("/timeline/events-under-filter", test_events_under_filter);
  g_test_add_func ("/timeline/article-histogram", test_article_histogram);
  g_test_add_func ("/timeline/partial-article-dates-overlap", test_partial_article_dates_overlap);
  return g_test_run ();
}
