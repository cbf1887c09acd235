/* bench-sites: importing Epoch AI's GPU clusters, and roll-ups under any filter
 *
 *   meson test -C build --benchmark sites --verbose
 *   build/bench/bench-sites GPU_CLUSTERS.csv [DATA_CENTERS.csv] [--db STORE]
 *
 * 1. The import of the GPU clusters file into a fresh store (sites, their
 *    companies and relations, first operational dates as events, one
 *    transaction), against SQLite alone inserting the same rows, read by
 *    the same CSV reader, as text into one table in one transaction: the
 *    floor any importer of these rows stands on. Both over several runs.
 * 2. With --db (the 100,000-article store), the files imported there, then
 *    for filters drawn from the sites' countries, owners, statuses and
 *    certainties with search words and date ranges: the selection (every
 *    article and site, and the facets) and the roll-ups per country and
 *    per company under the rule, as a filter change computes them.
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "atlas-article-index.h"
#include "atlas-csv.h"
#include "atlas-epoch-import.h"
#include "atlas-rollup.h"
#include "atlas-sites.h"
#include "bench-stats.h"

#define IMPORT_RUNS 15
#define ROLLUP_FILTERS 300

static char *
fresh_path (const char *dir,
            guint       run,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%u.db", name, run);

  return g_build_filename (dir, file, NULL);
}

static double
time_import (const char *dir,
             guint       run,
             const char *data,
             gsize       length)
{
  g_autofree char *path = fresh_path (dir, run, "atlas");
  g_autoptr(AtlasStore) store = atlas_store_open (path, NULL);
  g_autoptr(AtlasImportReport) report = NULL;
  double start = bench_now_ms ();

  report = atlas_epoch_import_data (store, data, length, "gpu_clusters.csv");
  if (report->error != NULL)
    g_error ("import refused: %s", report->error);
  return bench_now_ms () - start;
}

/* SQLite alone: the rows, read by the same reader, as text into a table of
 * as many columns, in one transaction. */
static double
time_sqlite_alone (const char *dir,
                   guint       run,
                   const char *data,
                   gsize       length)
{
  g_autofree char *path = fresh_path (dir, run, "plain");
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (data, length, "gpu_clusters.csv");
  g_autoptr(GString) create = g_string_new ("CREATE TABLE rows (");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO rows VALUES (");
  GPtrArray *fields = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double start = bench_now_ms ();
  guint columns;

  if (sqlite3_open (path, &db) != SQLITE_OK || !atlas_csv_reader_next (reader, &fields, NULL))
    g_error ("cannot start the reference");
  columns = fields->len;
  for (guint c = 0; c < columns; c++)
    {
      g_string_append_printf (create, "%sc%u TEXT", c ? ", " : "", c);
      g_string_append_printf (insert, "%s?", c ? ", " : "");
    }
  g_string_append (create, ")");
  g_string_append (insert, ")");
  sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  sqlite3_exec (db, create->str, NULL, NULL, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, insert->str, -1, &stmt, NULL);
  while (atlas_csv_reader_next (reader, &fields, NULL))
    {
      for (guint c = 0; c < columns; c++)
        sqlite3_bind_text (stmt, c + 1, c < fields->len ? g_ptr_array_index (fields, c) : NULL, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return bench_now_ms () - start;
}

static void
print_times (const char *what,
             GArray     *times)
{
  g_print ("  %-40s min %7.1f  median %7.1f  max %7.1f ms\n", what, bench_percentile (times, 0),
           bench_percentile (times, 0.5), bench_percentile (times, 1));
}

static void
bench_import (const char *csv_path)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-sites-XXXXXX", NULL);
  g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plains = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDir) files = NULL;
  const char *name;
  gsize length = 0;

  if (!g_file_get_contents (csv_path, &data, &length, NULL))
    g_error ("cannot read %s", csv_path);
  /* Alternated, so that both meet the same machine. */
  for (guint run = 0; run < IMPORT_RUNS; run++)
    {
      double a = time_import (dir, run, data, length);
      double b = time_sqlite_alone (dir, run, data, length);

      g_array_append_val (imports, a);
      g_array_append_val (plains, b);
    }
  g_print ("Importing %s (%zu bytes), %u runs each:\n", csv_path, length, IMPORT_RUNS);
  print_times ("the import (sites, companies, events)", imports);
  print_times ("SQLite alone, the rows as text", plains);
  g_print ("  ratio of medians: %.2f\n", bench_percentile (imports, 0.5) / bench_percentile (plains, 0.5));

  files = g_dir_open (dir, 0, NULL);
  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static const char *
pick (GRand     *rand,
      GPtrArray *pool)
{
  return g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len));
}

/* Filters a person could make of the sites: countries, owners, statuses,
 * certainties, words and periods, alone and together. */
static GPtrArray *
make_filters (GPtrArray *sites)
{
  static const char *const words[] = { "colossus", "a", "stargate", "meta", "phase", "zz", "cloud" };
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_filter_free);
  guint n_statuses = 0, n_certainties = 0;
  const AtlasSiteWordInfo *statuses = atlas_site_words (ATLAS_FILTER_GROUP_STATUSES, &n_statuses);
  const AtlasSiteWordInfo *certainties = atlas_site_words (ATLAS_FILTER_GROUP_CERTAINTIES, &n_certainties);

  for (guint i = 0; i < sites->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);

      if (site->country != NULL)
        g_ptr_array_add (countries, site->country);
      for (guint o = 0; o < site->owner_ids->len; o++)
        g_ptr_array_add (owners, g_ptr_array_index (site->owner_ids, o));
    }
  g_ptr_array_add (filters, atlas_filter_new ());
  for (guint f = 0; f < ROLLUP_FILTERS; f++)
    {
      AtlasFilter *filter = atlas_filter_new ();

      if (g_rand_int_range (rand, 0, 3) == 0)
        atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, pick (rand, countries));
      if (g_rand_int_range (rand, 0, 3) == 0)
        atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, pick (rand, owners));
      if (g_rand_int_range (rand, 0, 3) == 0)
        atlas_filter_add (filter, ATLAS_FILTER_GROUP_STATUSES, statuses[g_rand_int_range (rand, 0, n_statuses)].id);
      if (g_rand_int_range (rand, 0, 4) == 0)
        atlas_filter_add (filter, ATLAS_FILTER_GROUP_CERTAINTIES, certainties[g_rand_int_range (rand, 0, n_certainties)].id);
      if (g_rand_int_range (rand, 0, 4) == 0)
        filter->text = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autoptr(GDateTime) since = g_date_time_new_utc (2018 + g_rand_int_range (rand, 0, 7), 1, 1, 0, 0, 0);

          filter->since = g_date_time_to_unix (since);
        }
      g_ptr_array_add (filters, filter);
    }
  return filters;
}

static void
bench_rollups (const char  *db_path,
               char       **csv_paths,
               guint        n_csv)
{
  g_autoptr(AtlasStore) store = atlas_store_open (db_path, NULL);
  g_autoptr(AtlasArticleIndex) index = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rollups_only = g_array_new (FALSE, FALSE, sizeof (double));
  guint largest = 0;

  if (store == NULL)
    g_error ("cannot open %s", db_path);
  for (guint i = 0; i < n_csv; i++)
    {
      g_autofree char *data = NULL;
      g_autoptr(AtlasImportReport) report = NULL;
      gsize length = 0;

      if (!g_file_get_contents (csv_paths[i], &data, &length, NULL))
        g_error ("cannot read %s", csv_paths[i]);
      report = atlas_epoch_import_data (store, data, length, csv_paths[i]);
      if (report->error != NULL)
        g_error ("import refused: %s", report->error);
    }
  index = atlas_article_index_new (store, NULL, NULL);
  sites = atlas_sites_query (store, NULL, NULL);
  filters = make_filters (sites);

  for (guint f = 0; f < filters->len; f++)
    {
      const AtlasFilter *filter = g_ptr_array_index (filters, f);
      g_autoptr(AtlasSelection) selection = NULL;
      g_autoptr(GPtrArray) by_country = NULL;
      g_autoptr(GPtrArray) by_company = NULL;
      double start = bench_now_ms (), selected, done;

      selection = atlas_article_index_select (index, store, filter, NULL);
      selected = bench_now_ms ();
      by_country = atlas_rollup_sites (selection->sites, ATLAS_ROLLUP_BY_COUNTRY);
      by_company = atlas_rollup_sites (selection->sites, ATLAS_ROLLUP_BY_COMPANY);
      atlas_sites_name_rollups (store, by_country, ATLAS_ROLLUP_BY_COUNTRY);
      atlas_sites_name_rollups (store, by_company, ATLAS_ROLLUP_BY_COMPANY);
      done = bench_now_ms ();
      g_array_append_val (whole, (double) { done - start });
      g_array_append_val (rollups_only, (double) { done - selected });
      largest = MAX (largest, by_company->len);
    }
  g_print ("Roll-ups on %s (%u articles, %u sites), %u filters, up to %u companies:\n", db_path,
           atlas_article_index_get_n_articles (index), sites->len, filters->len, largest);
  g_print ("  %-40s p50 %6.2f  p95 %6.2f  max %6.2f ms\n", "selection and both roll-ups",
           bench_percentile (whole, 0.5), bench_percentile (whole, 0.95), bench_percentile (whole, 1));
  g_print ("  %-40s p50 %6.2f  p95 %6.2f  max %6.2f ms\n", "the roll-ups alone (country, company)",
           bench_percentile (rollups_only, 0.5), bench_percentile (rollups_only, 0.95), bench_percentile (rollups_only, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A store to sum the sites of, with the files imported into it", "STORE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("GPU_CLUSTERS.csv [MORE.csv…]");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error ? error->message : "bench-sites GPU_CLUSTERS.csv [MORE.csv…] [--db STORE]");
      return 2;
    }
  bench_import (argv[1]);
  if (db != NULL)
    bench_rollups (db, argv + 1, argc - 1);
  return 0;
}
