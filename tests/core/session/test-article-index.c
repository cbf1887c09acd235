/* The in-memory index must select what SQL selects, to the letter: the same
 * ids in the same order and the same facet entries, counts and order, for
 * many filters over the corpus and over a generated store. */
#include "atlas-article-index.h"
#include "atlas-generator.h"
#include "atlas-importer.h"
#include "atlas-latest-job.h"
#include "atlas-query.h"
#include "atlas-site.h"
#include "atlas-test-util.h"

static void
assert_same_facet (GPtrArray  *expected,
                   GPtrArray  *actual,
                   const char *what)
{
  if (expected->len != actual->len)
    g_error ("%s: %u entries from SQL, %u from the index", what, expected->len, actual->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const AtlasFacetEntry *x = g_ptr_array_index (expected, i);
      const AtlasFacetEntry *y = g_ptr_array_index (actual, i);

      if (!g_str_equal (x->id, y->id) || !g_str_equal (x->name, y->name) ||
          x->count != y->count || x->selected != y->selected)
        g_error ("%s, entry %u: SQL has %s “%s” %u%s, the index %s “%s” %u%s", what, i,
                 x->id, x->name, x->count, x->selected ? " (chosen)" : "",
                 y->id, y->name, y->count, y->selected ? " (chosen)" : "");
    }
}

/* The timeline's article strip from the selection, against SQL's count of
 * each bucket, for buckets of a month over the store's years and one bucket
 * for everything. */
static void
assert_same_counts_by_time (AtlasStore        *store,
                            AtlasSelection    *selection,
                            const AtlasFilter *filter)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) actual = NULL;
  g_autoptr(GError) error = NULL;

  for (int year = 2015; year <= 2027; year++)
    for (int month = 1; month <= 12; month++)
      {
        g_autoptr(GDateTime) start = g_date_time_new_utc (year, month, 1, 0, 0, 0);
        g_array_append_val (edges, (gint64) { g_date_time_to_unix (start) });
      }
  expected = atlas_query_article_histogram (store, filter, edges, &error);
  g_assert_no_error (error);
  actual = atlas_selection_count_by_time (selection, edges);
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (g_array_index (expected, guint, i), ==, g_array_index (actual, guint, i));

  g_array_set_size (edges, 0);
  g_array_append_val (edges, (gint64) { G_MININT64 });
  g_array_append_val (edges, (gint64) { G_MAXINT64 });
  g_clear_pointer (&actual, g_array_unref);
  actual = atlas_selection_count_by_time (selection, edges);
  g_assert_cmpuint (g_array_index (actual, guint, 0), ==, selection->undated_times->len);
}

static void
assert_same_selection (AtlasStore        *store,
                       AtlasArticleIndex *index,
                       const AtlasFilter *filter,
                       const char        *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasSelection) expected = atlas_selection_new_from_store (store, filter, &error);
  g_autoptr(AtlasSelection) actual = NULL;

  g_assert_no_error (error);
  actual = atlas_article_index_select (index, store, filter, &error);
  g_assert_no_error (error);

  if (expected->ids->len != actual->ids->len)
    g_error ("%s: %u articles from SQL, %u from the index", what, expected->ids->len, actual->ids->len);
  for (guint i = 0; i < expected->ids->len; i++)
    g_assert_cmpint (g_array_index (expected->ids, gint64, i), ==, g_array_index (actual->ids, gint64, i));
  assert_same_facet (expected->countries, actual->countries, what);
  assert_same_facet (expected->companies, actual->companies, what);
  assert_same_facet (expected->entities, actual->entities, what);
  assert_same_facet (expected->statuses, actual->statuses, what);
  assert_same_facet (expected->certainties, actual->certainties, what);
  g_assert_cmpuint (expected->sites->len, ==, actual->sites->len);
  for (guint i = 0; i < expected->sites->len; i++)
    g_assert_cmpstr (((AtlasSite *) g_ptr_array_index (expected->sites, i))->id, ==,
                     ((AtlasSite *) g_ptr_array_index (actual->sites, i))->id);

  /* What the timeline follows: the filter with its dates aside. */
  g_assert_cmpuint (expected->undated_ids->len, ==, actual->undated_ids->len);
  for (guint i = 0; i < expected->undated_ids->len; i++)
    g_assert_cmpint (g_array_index (expected->undated_ids, gint64, i), ==, g_array_index (actual->undated_ids, gint64, i));
  g_assert_cmpuint (expected->undated_times->len, ==, actual->undated_times->len);
  for (guint i = 0; i < expected->undated_times->len; i++)
    g_assert_cmpint (g_array_index (expected->undated_times, gint64, i), ==, g_array_index (actual->undated_times, gint64, i));
  assert_same_counts_by_time (store, actual, filter);
}

static GPtrArray *
column_values (AtlasStore *store,
               const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return values;
}

static void
add_some (GRand           *rand,
          AtlasFilter     *filter,
          AtlasFilterGroup group,
          GPtrArray       *pool,
          guint            at_most)
{
  guint n = g_rand_int_range (rand, 0, at_most + 1);

  for (guint i = 0; i < n && pool->len > 0; i++)
    atlas_filter_add (filter, group, g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len)));
}

/* Filters drawn at random from what the store holds, plus ids it does not
 * know, words that match nothing, and date ranges cut at day, month and year
 * boundaries so that partial dates meet them on both sides. */
static void
compare_random_filters (AtlasStore *store,
                        guint       rounds,
                        guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasArticleIndex) index = atlas_article_index_new (store, NULL, &error);
  g_autoptr(GPtrArray) countries = column_values (store, "SELECT DISTINCT country FROM article_countries");
  g_autoptr(GPtrArray) companies = column_values (store, "SELECT id FROM entities WHERE kind = 'company'");
  g_autoptr(GPtrArray) others = column_values (store, "SELECT id FROM entities WHERE kind NOT IN ('company', 'country')");
  g_autoptr(GPtrArray) dates = column_values (store, "SELECT published FROM articles WHERE published IS NOT NULL");
  g_autoptr(GPtrArray) statuses = column_values (store, "SELECT DISTINCT status FROM sites UNION SELECT 'no-such-status'");
  g_autoptr(GPtrArray) certainties = column_values (store, "SELECT DISTINCT certainty FROM sites WHERE certainty IS NOT NULL");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(AtlasFilter) none = atlas_filter_new ();
  static const char *const words[] = { "data", "ce", "d", "Écosse", "centre de", "norv", "zzzz", "\"OR*", "  " };
  static const gint64 shifts[] = { 0, 1, -1, 86400, -86400, 31 * 86400, 366 * 86400 };

  g_assert_no_error (error);
  g_ptr_array_add (companies, g_strdup ("no-such-company"));
  assert_same_selection (store, index, none, "no filter");

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autofree char *what = g_strdup_printf ("round %u", round);

      add_some (rand, filter, ATLAS_FILTER_GROUP_COUNTRIES, countries, 2);
      add_some (rand, filter, ATLAS_FILTER_GROUP_COMPANIES, companies, 2);
      add_some (rand, filter, ATLAS_FILTER_GROUP_ENTITIES, others, 1);
      add_some (rand, filter, ATLAS_FILTER_GROUP_STATUSES, statuses, 2);
      add_some (rand, filter, ATLAS_FILTER_GROUP_CERTAINTIES, certainties, 1);
      if (g_rand_boolean (rand))
        filter->text = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (dates->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          gint64 a = g_ascii_strtoll (g_ptr_array_index (dates, g_rand_int_range (rand, 0, dates->len)), NULL, 10);
          gint64 b = g_ascii_strtoll (g_ptr_array_index (dates, g_rand_int_range (rand, 0, dates->len)), NULL, 10);

          a += shifts[g_rand_int_range (rand, 0, G_N_ELEMENTS (shifts))];
          if (g_rand_boolean (rand))
            filter->since = MIN (a, b);
          if (g_rand_boolean (rand))
            filter->until = MAX (a, b) + 1;
        }
      assert_same_selection (store, index, filter, what);
    }

  /* Ranges that end or begin exactly at an article's date: a day-precise
   * date is the second it names, so it is in [d, d + 1) and in no other. */
  for (guint i = 0; i < MIN (dates->len, 40); i++)
    {
      gint64 d = g_ascii_strtoll (g_ptr_array_index (dates, i), NULL, 10);
      const gint64 bounds[][2] = { { d + 1, G_MAXINT64 }, { d, G_MAXINT64 }, { G_MININT64, d }, { G_MININT64, d + 1 } };

      for (guint k = 0; k < G_N_ELEMENTS (bounds); k++)
        {
          g_autoptr(AtlasFilter) filter = atlas_filter_new ();
          g_autofree char *what = g_strdup_printf ("boundary %u.%u", i, k);

          filter->since = bounds[k][0];
          filter->until = bounds[k][1];
          assert_same_selection (store, index, filter, what);
        }
    }
}

static void
test_corpus (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);

  compare_random_filters (store, 300, 1);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* The sites of Epoch's files beside the articles: the same selection
 * whichever way it is made, and facets that count what each choice adds. */
static void
test_sites (void)
{
  static const char *const names[] = { "gpu_clusters.csv", "data_centers.csv" };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasArticleIndex) index = NULL;
  g_autoptr(AtlasSelection) all = NULL;
  g_autoptr(AtlasSelection) planned_us = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = 0;
      g_autofree char *csv = atlas_test_epoch_file (names[i], &length);
      g_autoptr(AtlasImportReport) report = NULL;

      if (csv == NULL)
        {
          g_clear_object (&store);
          atlas_test_remove_dir (dir);
          return;
        }
      report = atlas_import_data (store, csv, length, names[i], NULL);
      g_assert_null (report->error);
    }

  index = atlas_article_index_new (store, NULL, NULL);
  all = atlas_article_index_select (index, store, filter, NULL);
  g_assert_cmpuint (all->sites->len, ==, 786 + 17 - 2);
  for (guint i = 0; i < all->statuses->len; i++)
    sum += ((AtlasFacetEntry *) g_ptr_array_index (all->statuses, i))->count;
  g_assert_cmpuint (sum, ==, all->sites->len);
  g_assert_cmpstr (((AtlasFacetEntry *) g_ptr_array_index (all->statuses, 0))->id, ==, "existing");
  g_assert_cmpstr (((AtlasFacetEntry *) g_ptr_array_index (all->statuses, 0))->name, ==, "Existing");

  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "US");
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_STATUSES, "planned");
  planned_us = atlas_article_index_select (index, store, filter, NULL);
  g_assert_cmpuint (planned_us->sites->len, >, 10);
  for (guint i = 0; i < planned_us->sites->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (planned_us->sites, i);

      g_assert_cmpstr (site->country, ==, "US");
      g_assert_cmpstr (site->status, ==, "planned");
    }
  /* The status facet still offers the other statuses of the United States. */
  g_assert_cmpuint (planned_us->statuses->len, >=, 3);

  compare_random_filters (store, 150, 3);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
generate_into (AtlasStore *store,
               guint       articles,
               guint32     seed)
{
  AtlasGeneratorOptions options;

  atlas_generator_options_init (&options);
  options.articles = articles;
  options.entities = 120;
  options.items_per_feed = 300;
  options.seed = seed;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
}

static void
test_generated (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (path, NULL);

  generate_into (store, 900, 7);
  compare_random_filters (store, 400, 2);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AtlasArticleIndex **index = user_data;
  g_autoptr(GError) error = NULL;

  *index = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert_no_error (error);
}

/* An index is a snapshot: what is imported after it is built shows in the
 * next one, built in a worker through its own connection. */
static void
test_snapshot_and_worker (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (path, NULL);
  g_autoptr(AtlasArticleIndex) empty = atlas_article_index_new (store, NULL, NULL);
  g_autoptr(AtlasArticleIndex) built = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasSelection) before = NULL;
  g_autoptr(AtlasSelection) after = NULL;
  g_autoptr(AtlasLatestJob) job = atlas_latest_job_new ();

  g_assert_nonnull (empty);
  g_assert_cmpuint (atlas_article_index_get_n_articles (empty), ==, 0);
  assert_same_selection (store, empty, filter, "empty store");

  generate_into (store, 300, 11);
  before = atlas_article_index_select (empty, store, filter, NULL);
  g_assert_cmpuint (before->ids->len, ==, 0);

  atlas_latest_job_run (job, NULL, atlas_article_index_build_thread, g_strdup (path), g_free, on_built, &built);
  while (built == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (atlas_article_index_get_n_articles (built), ==, 300);
  after = atlas_article_index_select (built, store, filter, NULL);
  g_assert_cmpuint (after->ids->len, ==, 300);
  assert_same_selection (store, built, filter, "after the import");

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-index/corpus", test_corpus);
  g_test_add_func ("/article-index/generated", test_generated);
  g_test_add_func ("/article-index/sites", test_sites);
  g_test_add_func ("/article-index/snapshot-and-worker", test_snapshot_and_worker);

  return g_test_run ();
}
