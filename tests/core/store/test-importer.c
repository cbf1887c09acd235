#include <string.h>

#include "atlas-importer.h"
#include "atlas-test-util.h"

static gint64
count (AtlasStore *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static AtlasImportReport *
import_text (AtlasStore *store,
             const char *body)
{
  return atlas_import_data (store, body, strlen (body), "test.json", NULL);
}

static gboolean
report_mentions (AtlasImportReport *report,
                 const char        *fragment)
{
  for (guint i = 0; i < report->messages->len; i++)
    if (strstr (g_ptr_array_index (report->messages, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_corpus_counts (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);

  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind <> 'country'"), >=, 40);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'country'"), >=, 10);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations"), >=, 30);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events"), ==, 15);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE amount_value IS NOT NULL"), ==, 4);
  /* Partial dates keep their precision. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE date = '2017' AND date_precision = 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE date = '2024-05' AND date_precision = 2"), ==, 1);
  /* Every article is about the United Kingdom. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries WHERE country = 'GB'"), ==, 2);
  /* Yandex is Russian: the CoreWeave article belongs to Russia through it. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries WHERE country = 'RU'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions WHERE entity_id = 'RU'"), ==, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_idempotent (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *path = g_build_filename (CORPUS_DIR, "10-hyperai.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasImportReport) report = atlas_import_file (store, file, NULL, NULL);

  g_assert_null (report->error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 1);
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static const char *feed_v1 =
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"feed_url\": \"https://example.org/f.json\","
  " \"items\": [{\"id\": \"1\", \"title\": \"Premier titre\", \"date_published\": \"2025-01-01T00:00:00Z\"},"
  "             {\"id\": \"2\", \"title\": \"Second\"}]}";
static const char *feed_v2 =
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"feed_url\": \"https://example.org/f.json\","
  " \"items\": [{\"id\": \"1\", \"title\": \"Titre corrigé\", \"date_published\": \"2025-01-01T00:00:00Z\"},"
  "             {\"id\": \"2\", \"title\": \"Second\"}, {\"id\": \"3\", \"title\": \"Third\"}]}";

static void
test_update_in_place (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) first = import_text (store, feed_v1);
  g_autoptr(AtlasImportReport) second = NULL;

  g_assert_null (first->error);
  g_assert_cmpuint (first->added, ==, 2);
  g_assert_true (atlas_store_exec (store, "UPDATE articles SET is_read = 1, is_starred = 1 WHERE item_id = '1'", NULL));

  second = import_text (store, feed_v2);
  g_assert_null (second->error);
  g_assert_cmpuint (second->added, ==, 1);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpuint (second->unchanged, ==, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM feeds"), ==, 1);
  g_assert_cmpint (count (store, "SELECT is_read + is_starred FROM articles WHERE item_id = '1'"), ==, 2);
  /* The full-text index follows the update: the new words are found, the
   * old ones are gone. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'corrige'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'premier'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'second'"), ==, 1);
  g_assert_true (atlas_store_exec (store, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", NULL));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_all_or_nothing (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(AtlasImportReport) report = NULL;

  /* A failure on the third item, after two were written, must undo them. */
  g_assert_true (atlas_store_exec (store,
                                   "CREATE TEMP TRIGGER fail_on_boom AFTER INSERT ON main.articles "
                                   "WHEN new.item_id = 'boom' BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                   NULL));
  report = import_text (store,
                        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"New\","
                        " \"_atlas\": {\"entities\": [{\"id\": \"newco\", \"kind\": \"company\", \"name\": \"NewCo\"}]},"
                        " \"items\": [{\"id\": \"a\", \"title\": \"NewCo in Norway\"}, {\"id\": \"b\"}, {\"id\": \"boom\"}]}");
  g_assert_nonnull (report->error);
  g_assert_nonnull (strstr (report->error, "injected failure"));

  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_refused_feed_changes_nothing (void)
{
  static const char *const hostile[] = {
    "",
    "not json",
    "[]",
    "{\"version\": \"https://jsonfeed.org/version/9\", \"items\": []}",
    "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(AtlasImportReport) report = import_text (store, hostile[i]);
      g_autofree char *after = atlas_test_snapshot (store);

      g_assert_nonnull (report->error);
      g_assert_true (g_str_has_prefix (report->error, "test.json: "));
      g_assert_cmpstr (before, ==, after);
    }

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_unknown_references (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasImportReport) report = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"x\", \"title\": \"T\","
    " \"_atlas\": {\"mentions\": [\"nvidia\", \"no-such-entity\", \"NO\"],"
    "  \"events\": [{\"date\": \"2025-10\", \"kind\": \"opening\", \"entities\": [\"nscale\", \"ghost\"],"
    "              \"quantity\": {\"value\": 5, \"unit\": \"mw\", \"product\": \"ghost-chip\"}}],"
    "  \"relations\": [{\"subject\": \"nvidia\", \"predicate\": \"owns\", \"object\": \"ghost\"},"
    "                 {\"subject\": \"nvidia\", \"predicate\": \"supplies\", \"object\": \"NO\"}]}}]}");

  g_assert_null (report->error);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_true (report_mentions (report, "no-such-entity"));
  g_assert_true (report_mentions (report, "ghost"));
  g_assert_true (report_mentions (report, "ghost-chip"));

  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.item_id = 'x'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                                 "WHERE a.item_id = 'x' AND e.quantity_product IS NULL AND e.quantity_value = 5"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_entities ee JOIN events e ON e.id = ee.event_id "
                                 "JOIN articles a ON a.id = e.article_id WHERE a.item_id = 'x'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations r JOIN articles a ON a.id = r.article_id WHERE a.item_id = 'x'"), ==, 1);
  /* The mentioned company is British and Norway is named: two countries. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries c JOIN articles a ON a.id = c.article_id WHERE a.item_id = 'x'"), ==, 2);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* The importer writes with SQLite's foreign-key checks off: what it writes
 * must hold together all the same, and the checks come back on after. */
static void
test_references_hold (void)
{
  static const char *const versions[] = {
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"feed_url\": \"https://a.example/f\","
    " \"_atlas\": {\"entities\": [{\"id\": \"acme\", \"kind\": \"company\", \"name\": \"Acme\"}]},"
    " \"items\": [{\"id\": \"1\", \"title\": \"Acme builds\", \"_atlas\": {\"mentions\": [\"acme\", \"SE\"],"
    "   \"events\": [{\"date\": \"2025-10\", \"kind\": \"opening\", \"entities\": [\"acme\", \"SE\"]}]}}]}",
    /* The item changes: its events, their entities and its mentions are replaced. */
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"feed_url\": \"https://a.example/f\","
    " \"_atlas\": {\"entities\": [{\"id\": \"acme\", \"kind\": \"company\", \"name\": \"Acme\"}]},"
    " \"items\": [{\"id\": \"1\", \"title\": \"Acme opens\", \"_atlas\": {\"mentions\": [\"acme\"],"
    "   \"events\": [{\"date\": \"2026\", \"kind\": \"funding\", \"entities\": [\"acme\"]}]}}]}",
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(AtlasImportReport) report = import_text (store, versions[i]);
      g_autoptr(sqlite3_stmt) check = atlas_store_prepare (store, "PRAGMA foreign_key_check", NULL);

      g_assert_null (report->error);
      g_assert_cmpint (sqlite3_step (check), ==, SQLITE_DONE);
      g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM events"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_entities"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions"), ==, 1);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_entity_conflicts (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) first = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"feed_url\": \"https://a.example/f\","
    " \"_atlas\": {\"entities\": [{\"id\": \"acme\", \"kind\": \"company\", \"name\": \"Acme\"}]},"
    " \"items\": [{\"id\": \"1\", \"title\": \"Acme builds\", \"_atlas\": {\"mentions\": [\"acme\"]}}]}");
  g_autoptr(AtlasImportReport) second = NULL;
  g_autoptr(AtlasImportReport) third = NULL;

  g_assert_cmpuint (first->entities_added, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries"), ==, 0);

  /* Another feed fills in the country and an alias, and tries to rename. */
  second = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"feed_url\": \"https://b.example/f\","
    " \"_atlas\": {\"entities\": [{\"id\": \"acme\", \"kind\": \"company\", \"name\": \"Acme Corporation\","
    "   \"country\": \"SE\", \"aliases\": [\"ACME Corp\"]}]}, \"items\": []}");
  g_assert_null (second->error);
  g_assert_true (report_mentions (second, "Acme Corporation"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'acme' AND name = 'Acme' AND country = 'SE'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM aliases WHERE entity_id = 'acme'"), ==, 1);
  /* The article stored before now belongs to Sweden too. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries WHERE country = 'SE'"), ==, 1);

  /* A plain feed is tagged with the new alias. */
  third = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"p\", \"content_text\": \"ACME Corp opens\"}]}");
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions WHERE entity_id = 'acme' AND tagged = 1"), ==, 1);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_tags_plain_feed (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasImportReport) report = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Plain\", \"items\": ["
    " {\"id\": \"fr\", \"title\": \"Nscale s'étend en Écosse\", \"content_text\": \"Un projet avec la Norvège.\"},"
    " {\"id\": \"en\", \"summary\": \"CoreWeave and Microsoft expand in the Netherlands\"},"
    " {\"id\": \"html\", \"content_html\": \"<p>Oxford&nbsp;Quantum Circuits &amp; <b>OQC</b></p>\"},"
    " {\"id\": \"none\", \"title\": \"Nothing to see\"}]}");
  g_assert_null (report->error);
  g_assert_cmpuint (report->added, ==, 4);

#define MENTIONS(item) "SELECT group_concat (entity_id, ',') FROM (SELECT m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.item_id = '" item "' ORDER BY 1)"
  {
    g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, MENTIONS ("fr"), NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "GB,NO,nscale");
  }
  {
    g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, MENTIONS ("en"), NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "NL,coreweave,microsoft");
  }
  {
    g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, MENTIONS ("html"), NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "oqc");
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.item_id = 'none'"), ==, 0);
  /* Country rule: CoreWeave is American, so the English item is about the
   * United States too. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries c JOIN articles a ON a.id = c.article_id "
                                 "WHERE a.item_id = 'en' AND c.country = 'US'"), ==, 1);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_duplicate_ids (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = import_text (store,
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"a\", \"title\": \"one\"},"
    " {\"id\": \"a\", \"title\": \"two\"}, 5]}");

  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles WHERE title = 'one'"), ==, 1);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
on_changed (AtlasStore *store,
            guint      *n_changed)
{
  (*n_changed)++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **reports = user_data;
  g_autoptr(GError) error = NULL;

  *reports = atlas_import_files_finish (ATLAS_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_import_in_worker (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *path = g_build_filename (CORPUS_DIR, "00-entities.json", NULL);
  g_autofree char *path2 = g_build_filename (CORPUS_DIR, "10-hyperai.json", NULL);
  GFile *files[3];
  g_autoptr(GPtrArray) reports = NULL;
  guint n_changed = 0;

  files[0] = g_file_new_for_path (path);
  files[1] = g_file_new_for_path (path2);
  files[2] = g_file_new_for_path ("/nonexistent/feed.json");
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &n_changed);

  atlas_import_files_async (store, files, 3, NULL, on_imported, &reports);
  while (reports == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (reports->len, ==, 3);
  g_assert_null (((AtlasImportReport *) g_ptr_array_index (reports, 1))->error);
  g_assert_nonnull (((AtlasImportReport *) g_ptr_array_index (reports, 2))->error);
  g_assert_cmpuint (n_changed, ==, 1);
  /* The main connection sees what the worker's connection committed. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 1);

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/corpus-counts", test_corpus_counts);
  g_test_add_func ("/importer/idempotent", test_idempotent);
  g_test_add_func ("/importer/update-in-place", test_update_in_place);
  g_test_add_func ("/importer/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/importer/refused-feed-changes-nothing", test_refused_feed_changes_nothing);
  g_test_add_func ("/importer/unknown-references", test_unknown_references);
  g_test_add_func ("/importer/references-hold", test_references_hold);
  g_test_add_func ("/importer/entity-conflicts", test_entity_conflicts);
  g_test_add_func ("/importer/tags-plain-feed", test_tags_plain_feed);
  g_test_add_func ("/importer/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/importer/import-in-worker", test_import_in_worker);

  return g_test_run ();
}
