/* fuzz-feed-reader: libFuzzer entry point for the feed readers (JSON Feed, RSS, RDF, Atom), feed discovery and the CSV reader with Epoch AI's importer
 *
 * Built with -Dfuzzing=true under clang for libFuzzer, and always as a plain
 * program (fuzz-replay.c) that replays the seed corpus and every crash ever
 * found, so that a fixed crash stays fixed in the normal test run.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "atlas-csv.h"
#include "atlas-epoch-import.h"
#include "atlas-feed-reader.h"
#include "atlas-html.h"
#include "atlas-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* One store for the whole run, in a folder of its own removed at exit. */
static char *store_dir;
static AtlasStore *store;

static void
remove_store (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  dir = g_dir_open (store_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static AtlasStore *
fuzz_store (void)
{
  if (store == NULL)
    {
      g_autofree char *path = NULL;

      store_dir = g_dir_make_tmp ("atlas-fuzz-XXXXXX", NULL);
      g_assert_nonnull (store_dir);
      path = g_build_filename (store_dir, "fuzz.db", NULL);
      store = atlas_store_open (path, NULL);
      g_assert_nonnull (store);
      atexit (remove_store);
    }
  return store;
}

/* The same bytes as CSV: every row read or a clear error; as one of Epoch
 * AI's files, imported whole or refused whole. */
static void
read_as_csv (const char *data,
             size_t      size)
{
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (data, size, "fuzz.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportReport) report = NULL;
  GPtrArray *fields = NULL;

  while (atlas_csv_reader_next (reader, &fields, &error))
    {
      g_assert_cmpuint (fields->len, >=, 1);
      g_assert_cmpuint (fields->len, <=, ATLAS_CSV_MAX_COLUMNS);
      for (guint i = 0; i < fields->len; i++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (fields, i), -1, NULL));
    }

  if (size > 256 * 1024 || !atlas_epoch_data_is_csv (data, size, "fuzz"))
    return;
  report = atlas_epoch_import_data (fuzz_store (), data, size, "fuzz.csv");
  g_assert_nonnull (report);
  if (report->error != NULL)
    g_assert_cmpuint (report->added + report->updated + report->entities_added, ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  g_autoptr(GPtrArray) links = NULL;
  AtlasFeedLimits limits;

  /* The same bytes as a web page whose feeds are looked for: only web links
   * come out. */
  links = atlas_html_find_feed_links ((const char *) data, size, "https://example.org/news/");
  for (guint i = 0; i < links->len; i++)
    g_assert_true (atlas_text_is_web_link (((AtlasFeedLink *) g_ptr_array_index (links, i))->url));

  /* Small limits keep each run fast; the code paths are the same. */
  atlas_feed_limits_init (&limits);
  limits.max_body_bytes = 1024 * 1024;
  limits.max_items = 200;
  limits.max_list_length = 50;
  limits.max_string_bytes = 64 * 1024;

  read_as_csv ((const char *) data, size);

  feed = atlas_feed_read ((const char *) data, size, "fuzz", &limits, &error);
  if (feed == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* What the reader hands on must be clean, whatever came in. */
  for (guint i = 0; i < feed->items->len; i++)
    {
      const AtlasItem *item = g_ptr_array_index (feed->items, i);

      g_assert_true (g_utf8_validate (item->id, -1, NULL));
      g_assert_true (item->title == NULL || g_utf8_validate (item->title, -1, NULL));
      g_assert_true (item->text == NULL || g_utf8_validate (item->text, -1, NULL));
      g_assert_true (item->summary == NULL || g_utf8_validate (item->summary, -1, NULL));
      for (guint j = 0; j < item->authors->len; j++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (item->authors, j), -1, NULL));
      g_assert_nonnull (item->fingerprint);
    }
  return 0;
}
