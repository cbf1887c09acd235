/* The synthetic corpus: the same seed gives the same bytes, every feed reads
 * back, and its items import, the plain ones tagged from their text. */
#include "atlas-feed-reader.h"
#include "atlas-generator.h"
#include "atlas-importer.h"
#include "atlas-test-util.h"

static gboolean
keep_feed (guint     index,
           GBytes   *feed,
           gpointer  user_data,
           GError  **error)
{
  g_ptr_array_add (user_data, g_bytes_ref (feed));
  return TRUE;
}

static GPtrArray *
generate (guint32 seed)
{
  AtlasGeneratorOptions options;
  GPtrArray *feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  atlas_generator_options_init (&options);
  options.articles = 300;
  options.entities = 80;
  options.items_per_feed = 200;
  options.seed = seed;
  g_assert_cmpuint (atlas_generator_count_feeds (&options), ==, 3);
  g_assert_true (atlas_generate (&options, keep_feed, feeds, NULL));
  return feeds;
}

static gint64
count (AtlasStore *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_generated_corpus (void)
{
  g_autoptr(GPtrArray) feeds = generate (3);
  g_autoptr(GPtrArray) again = generate (3);
  g_autoptr(GPtrArray) other = generate (4);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (path, NULL);
  guint items = 0;

  g_assert_cmpuint (feeds->len, ==, 3);
  for (guint i = 0; i < feeds->len; i++)
    g_assert_true (g_bytes_equal (g_ptr_array_index (feeds, i), g_ptr_array_index (again, i)));
  g_assert_false (g_bytes_equal (g_ptr_array_index (feeds, 1), g_ptr_array_index (other, 1)));

  for (guint i = 0; i < feeds->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (feeds, i);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      g_autoptr(GError) error = NULL;
      AtlasFeed *feed = atlas_feed_read (data, length, "generated", NULL, &error);
      g_autoptr(AtlasImportReport) report = NULL;

      g_assert_no_error (error);
      if (i == 0)
        g_assert_cmpuint (feed->entities->len, ==, 80);
      for (guint k = 0; k < feed->items->len; k++)
        {
          const AtlasItem *item = g_ptr_array_index (feed->items, k);
          gsize text = strlen (item->text);

          g_assert_cmpuint (text, >=, 1000);
          g_assert_cmpuint (text, <=, 3200);
        }
      items += feed->items->len;
      atlas_feed_free (feed);

      report = atlas_import_data (store, data, length, "generated", NULL);
      g_assert_null (report->error);
    }
  g_assert_cmpuint (items, ==, 300);

  /* Every article is about someone: the extended items say so, the plain
   * ones were tagged from their text. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 300);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT article_id) FROM mentions"), ==, 300);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT article_id) FROM mentions WHERE tagged = 1"), >, 50);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT article_id) FROM mentions WHERE tagged = 0"), >, 50);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events"), >, 50);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT country) FROM article_countries"), >, 10);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
count_elements (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  if (g_str_equal (element, "item"))
    (*(guint *) user_data)++;
}

/* Linked feeds are the pages of one feed; the RSS twin has the same items
 * and is well-formed XML whatever the texts hold. */
static void
test_linked_pages_and_rss (void)
{
  static const GMarkupParser parser = { count_elements, NULL, NULL, NULL, NULL };
  AtlasGeneratorOptions options;
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GString) rss = g_string_new ("<rss><channel>");
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  guint items = 0;

  atlas_generator_options_init (&options);
  options.articles = 250;
  options.entities = 40;
  options.items_per_feed = 100;
  options.linked = TRUE;
  g_assert_true (atlas_generate (&options, keep_feed, feeds, NULL));
  g_assert_cmpuint (feeds->len, ==, 4);

  for (guint i = 0; i < feeds->len; i++)
    {
      gsize length;
      const char *data = g_bytes_get_data (g_ptr_array_index (feeds, i), &length);
      g_autoptr(AtlasFeed) feed = atlas_feed_read (data, length, "generated", NULL, &error);
      g_autofree char *next = i + 1 < feeds->len ? atlas_generator_feed_name (i + 1) : NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (feed->next_url, ==, next);
      g_assert_true (atlas_generator_append_rss (g_ptr_array_index (feeds, i), rss, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *first = atlas_generator_feed_name (0);
    g_assert_cmpstr (first, ==, "00-entities.json");
  }
  g_string_append (rss, "</channel></rss>");

  context = g_markup_parse_context_new (&parser, 0, &items, NULL);
  g_assert_true (g_markup_parse_context_parse (context, rss->str, rss->len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items, ==, 250);
  g_assert_nonnull (strstr (rss->str, "<guid isPermaLink=\"false\">urn:synthetic:1</guid>"));
  g_assert_nonnull (strstr (rss->str, "<pubDate>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/generator/generated-corpus", test_generated_corpus);
  g_test_add_func ("/generator/linked-pages-and-rss", test_linked_pages_and_rss);
  return g_test_run ();
}
