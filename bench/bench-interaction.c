/* bench-interaction: from a filter change to the list and every facet count
 *
 *   meson test -C build --benchmark interaction --verbose
 *   build/bench/bench-interaction [--db FILE | N]      (default: generate 100000 articles)
 *
 * On a store of N generated articles (or the one given), a person's
 * interactions are replayed as filters: typing search words letter by letter
 * and deleting them, ticking and unticking the leading countries and
 * companies, choosing date ranges, and all of these combined. Each is timed
 * from the new filter to an updated article list model and the three facets:
 *   - through the in-memory index the app uses (many runs: p50 and p95);
 *   - through SQL alone, what the app did before, as the reference (a few of
 *     the same filters, as it is slow).
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "atlas-article-index.h"
#include "atlas-article-list.h"
#include "atlas-generator.h"
#include "atlas-importer.h"
#include "atlas-query.h"
#include "bench-stats.h"

#define RUNS 5
#define REFERENCE_FILTERS 8

static GPtrArray *
top_ids (AtlasStore       *store,
         AtlasFilterGroup  group,
         guint             n)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GPtrArray) facet = atlas_query_facet (store, filter, group, n, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < facet->len; i++)
    g_ptr_array_add (ids, g_strdup (((AtlasFacetEntry *) g_ptr_array_index (facet, i))->id));
  return ids;
}

static void
add_filter (GPtrArray         *filters,
            const AtlasFilter *filter)
{
  g_ptr_array_add (filters, atlas_filter_copy (filter));
}

/* Typing each word letter by letter, then deleting it. */
static GPtrArray *
typing_filters (void)
{
  static const char *const words[] = { "data centre", "nvidia", "investit", "gpu", "royaume" };
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_filter_free);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);

      for (gsize i = 1; i <= len; i++)
        {
          g_free (filter->text);
          filter->text = g_strndup (words[w], i);
          add_filter (filters, filter);
        }
      for (gsize i = len - 1; i > 0; i--)
        {
          g_free (filter->text);
          filter->text = g_strndup (words[w], i);
          add_filter (filters, filter);
        }
    }
  return filters;
}

/* Ticking each of the leaders, then unticking them in the same order. */
static GPtrArray *
toggle_filters (GPtrArray        *ids,
                AtlasFilterGroup  group)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_filter_free);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        atlas_filter_toggle (filter, group, g_ptr_array_index (ids, i));
        add_filter (filters, filter);
      }
  return filters;
}

static void
random_range (GRand       *rand,
              AtlasFilter *filter,
              gint64       first,
              gint64       last)
{
  gint64 length = g_rand_int_range (rand, 30, 730) * (gint64) 86400;

  filter->since = first + (gint64) (g_rand_double (rand) * MAX (last - first - length, 1));
  filter->until = filter->since + length;
}

static GPtrArray *
range_filters (GRand  *rand,
               gint64  first,
               gint64  last)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_filter_free);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();

      random_range (rand, filter, first, last);
      add_filter (filters, filter);
    }
  return filters;
}

static GPtrArray *
combined_filters (GRand     *rand,
                  GPtrArray *countries,
                  GPtrArray *companies,
                  gint64     first,
                  gint64     last)
{
  static const char *const words[] = { NULL, "d", "data", "centre", "nv", "gpu" };
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_filter_free);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();

      atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES,
                        g_ptr_array_index (countries, g_rand_int_range (rand, 0, countries->len)));
      if (g_rand_boolean (rand))
        atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES,
                          g_ptr_array_index (countries, g_rand_int_range (rand, 0, countries->len)));
      atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES,
                        g_ptr_array_index (companies, g_rand_int_range (rand, 0, companies->len)));
      filter->text = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (g_rand_boolean (rand))
        random_range (rand, filter, first, last);
      add_filter (filters, filter);
    }
  return filters;
}

static void
run_scenario (const char        *name,
              AtlasStore        *store,
              AtlasArticleIndex *index,
              AtlasArticleList  *list,
              GPtrArray         *filters)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  guint step = MAX (filters->len / REFERENCE_FILTERS, 1);
  double p50, p95, ref50;

  for (guint run = 0; run < RUNS; run++)
    for (guint i = 0; i < filters->len; i++)
      {
        double start = bench_now_ms ();
        AtlasSelection *selection = atlas_article_index_select (index, store, g_ptr_array_index (filters, i), NULL);
        double elapsed;

        atlas_article_list_set_ids (list, g_steal_pointer (&selection->ids));
        elapsed = bench_now_ms () - start;
        g_array_append_val (times, elapsed);
        atlas_selection_unref (selection);
      }

  for (guint i = 0; i < filters->len; i += step)
    {
      double start = bench_now_ms ();
      AtlasSelection *selection = atlas_selection_new_from_store (store, g_ptr_array_index (filters, i), NULL);
      double elapsed;

      atlas_article_list_set_ids (list, g_steal_pointer (&selection->ids));
      elapsed = bench_now_ms () - start;
      g_array_append_val (reference, elapsed);
      atlas_selection_unref (selection);
    }

  p50 = bench_percentile (times, 0.5);
  p95 = bench_percentile (times, 0.95);
  ref50 = bench_percentile (reference, 0.5);
  printf ("| %s | %u | %.2f ms | %.2f ms | %.1f ms | %.3f |\n",
          name, filters->len, p50, p95, ref50, p95 / ref50);
}

static gint64
query_int (AtlasStore *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gsize
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasArticleIndex) index = NULL;
  g_autoptr(AtlasArticleList) list = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  gint64 first, last;
  gsize before_kb;
  double start, build_ms;

  if (argc == 3 && g_str_equal (argv[1], "--db"))
    path = g_strdup (argv[2]);
  else
    {
      AtlasGeneratorOptions options;

      atlas_generator_options_init (&options);
      options.articles = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
      options.entities = 3000;
      dir = g_dir_make_tmp ("bench-interaction-XXXXXX", NULL);
      path = g_build_filename (dir, "store.db", NULL);
      store = atlas_store_open (path, &error);
      g_assert_no_error (error);
      start = bench_now_ms ();
      if (!atlas_generate_into_store (&options, store, &error))
        g_error ("generating: %s", error->message);
      fprintf (stderr, "generated and imported %u articles in %.1f s\n", options.articles, (bench_now_ms () - start) / 1000);
    }
  if (store == NULL)
    store = atlas_store_open (path, &error);
  g_assert_no_error (error);

  before_kb = resident_kb ();
  start = bench_now_ms ();
  index = atlas_article_index_new (store, NULL, &error);
  g_assert_no_error (error);
  build_ms = bench_now_ms () - start;

  list = atlas_article_list_new (store);
  countries = top_ids (store, ATLAS_FILTER_GROUP_COUNTRIES, 12);
  companies = top_ids (store, ATLAS_FILTER_GROUP_COMPANIES, 12);
  first = query_int (store, "SELECT min(published) FROM articles");
  last = query_int (store, "SELECT max(published) FROM articles");

  printf ("%u articles, %" G_GINT64_FORMAT " mentions, %" G_GINT64_FORMAT " article-country rows\n",
          atlas_article_index_get_n_articles (index),
          query_int (store, "SELECT count(*) FROM mentions"),
          query_int (store, "SELECT count(*) FROM article_countries"));
  printf ("index: built in %.0f ms (once, in a worker), %.1f MB resident\n\n",
          build_ms, (resident_kb () - before_kb) / 1024.0);
  printf ("| interaction | filters | index p50 | index p95 | SQL p50 (reference) | index p95 / SQL p50 |\n");
  printf ("| --- | ---: | ---: | ---: | ---: | ---: |\n");

  {
    g_autoptr(GPtrArray) typing = typing_filters ();
    g_autoptr(GPtrArray) country_toggles = toggle_filters (countries, ATLAS_FILTER_GROUP_COUNTRIES);
    g_autoptr(GPtrArray) company_toggles = toggle_filters (companies, ATLAS_FILTER_GROUP_COMPANIES);
    g_autoptr(GPtrArray) ranges = range_filters (rand, first, last);
    g_autoptr(GPtrArray) combined = combined_filters (rand, countries, companies, first, last);

    run_scenario ("typing a search, letter by letter", store, index, list, typing);
    run_scenario ("ticking a country", store, index, list, country_toggles);
    run_scenario ("ticking a company", store, index, list, company_toggles);
    run_scenario ("choosing a date range", store, index, list, ranges);
    run_scenario ("country + company + text + dates", store, index, list, combined);
  }

  g_clear_object (&list);
  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
