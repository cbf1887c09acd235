#include "atlas-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-importer.h"

char *
atlas_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("atlas-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

AtlasStore *
atlas_test_open_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(GError) error = NULL;
  AtlasStore *store = atlas_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

AtlasStore *
atlas_test_corpus_store (const char *dir)
{
  static const char *const files[] = { "00-entities.json", "10-hyperai.json", "20-revue-de-presse.json" };
  AtlasStore *store = atlas_test_open_store (dir);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (CORPUS_DIR, files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AtlasImportReport) report = atlas_import_file (store, file, NULL, NULL);

      g_assert_null (report->error);
      g_assert_cmpuint (report->messages->len, ==, 0);
    }
  return store;
}

/* The corpus and a third article with no _atlas, "Nscale en Norvège"
 * (2023-03-01): what the query and the article list are tested on. */
AtlasStore *
atlas_test_corpus_and_plain_store (const char *dir)
{
  const char *plain =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Plain\", \"items\": ["
    " {\"id\": \"plain-1\", \"title\": \"Nscale en Norvège\", \"date_published\": \"2023-03-01T10:00:00Z\"}]}";
  AtlasStore *store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasImportReport) report = atlas_import_data (store, plain, strlen (plain), "plain.json", NULL);

  g_assert_cmpuint (report->added, ==, 1);
  return store;
}

/* Every row of every table, as text: two equal snapshots mean an unchanged
 * store. */
char *
atlas_test_snapshot (AtlasStore *store)
{
  static const char *const tables[] = {
    "feeds", "articles", "entities", "aliases", "mentions", "article_countries",
    "relations", "events", "event_entities", "sites",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

      g_assert_nonnull (stmt);
      g_string_append_printf (text, "[%s]\n", tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *imported_at = sqlite3_column_name (stmt, c);
              /* The import time changes on every import by design. */
              if (g_str_equal (imported_at, "imported_at"))
                continue;
              g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (text, FALSE);
}

void
atlas_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* The monotonic time `seconds` from now, longer in a build that runs slower
 * (the sanitizer build sets ATLAS_TEST_SLOWDOWN): a wait that works is not
 * made longer by it, and one that fails there fails for a real reason. */
gint64
atlas_test_deadline (guint seconds)
{
  const char *slowdown = g_getenv ("ATLAS_TEST_SLOWDOWN");
  guint factor = slowdown ? MAX (1, (guint) g_ascii_strtoull (slowdown, NULL, 10)) : 1;

  return g_get_monotonic_time () + (gint64) seconds * factor * G_USEC_PER_SEC;
}

/* Writes to `path` a copy of the store at `good` spoilt as `kind` says:
 * "cut" (its second half gone), "zeroed" (zeros after the header), "garbage"
 * (no SQLite file at all) or "newer" (a schema version from the future).
 * Returns the bytes written, to check later that nothing touched them. */
GBytes *
atlas_test_write_spoilt_store (const char *good,
                               const char *kind,
                               const char *path)
{
  g_autofree char *contents = NULL;
  sqlite3 *handle = NULL;
  gsize length = 0;

  /* Everything in the main file, none of it in a WAL. */
  g_assert_cmpint (sqlite3_open (good, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);

  if (g_str_equal (kind, "cut"))
    length /= 2;
  else if (g_str_equal (kind, "zeroed"))
    memset (contents + 100, 0, length - 100);
  else if (g_str_equal (kind, "garbage"))
    memset (contents, 'x', length);
  else if (g_str_equal (kind, "newer"))
    contents[63] = 99;  /* user_version, big-endian at offset 60 */
  else
    g_assert_not_reached ();

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

struct _AtlasTestLock
{
  char     *path;
  gulong    hold_us;
  GMutex    mutex;
  GCond     cond;
  gboolean  locked;
  GThread  *thread;
};

/* Another writer, with a connection of its own, keeping the write lock. */
static gpointer
hold_write_lock (gpointer data)
{
  AtlasTestLock *lock = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (lock->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&lock->mutex);
  lock->locked = TRUE;
  g_cond_signal (&lock->cond);
  g_mutex_unlock (&lock->mutex);
  g_usleep (lock->hold_us);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* Returns once another thread holds the store's write lock, which it keeps
 * for `hold_us`. */
AtlasTestLock *
atlas_test_lock_hold (const char *path,
                      gulong      hold_us)
{
  AtlasTestLock *lock = g_new0 (AtlasTestLock, 1);

  lock->path = g_strdup (path);
  lock->hold_us = hold_us;
  lock->thread = g_thread_new ("lock-holder", hold_write_lock, lock);
  g_mutex_lock (&lock->mutex);
  while (!lock->locked)
    g_cond_wait (&lock->cond, &lock->mutex);
  g_mutex_unlock (&lock->mutex);
  return lock;
}

/* Waits for the lock to be given back. */
void
atlas_test_lock_join (AtlasTestLock *lock)
{
  g_thread_join (lock->thread);
  g_free (lock->path);
  g_free (lock);
}

/* The graph of the corpus, or of one country's articles. */
AtlasGraph *
atlas_test_build_graph (AtlasStore *store,
                        const char *country,
                        gboolean    comentions,
                        char      **hidden)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  AtlasGraphOptions options;
  AtlasGraph *graph;

  if (country != NULL)
    atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, country);
  atlas_graph_options_init (&options);
  options.comentions = comentions;
  options.hidden_kinds = hidden;
  graph = atlas_graph_build (store, filter, &options, &error);
  g_assert_no_error (error);
  return graph;
}

/* A node that must be there. */
const AtlasGraphNode *
atlas_test_graph_node (AtlasGraph *graph,
                       const char *id)
{
  guint index;

  g_assert_true (atlas_graph_find (graph, id, &index));
  return atlas_graph_get_node (graph, index);
}

/* Runs the tests added with `*store` made by `make` in a directory of its
 * own for them all to share, then removes both. */
int
atlas_test_run_with_store (AtlasStore **store,
                           AtlasStore *(*make) (const char *dir))
{
  g_autofree char *dir = atlas_test_make_dir ();
  int status;

  *store = make (dir);
  status = g_test_run ();
  g_clear_object (store);
  atlas_test_remove_dir (dir);
  return status;
}

static gboolean
get_boolean (gpointer    object,
             const char *property)
{
  gboolean value;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* Runs the main context while `object`'s boolean property is TRUE (a
 * model's "busy"), `seconds` at most, and fails if it still is. */
void
atlas_test_wait_while (gpointer    object,
                       const char *boolean_property,
                       guint       seconds)
{
  gint64 deadline = atlas_test_deadline (seconds);

  while (get_boolean (object, boolean_property) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (get_boolean (object, boolean_property));
}

/* The text of one of Epoch AI's files in the project's shared folder
 * (../shared/data/epoch), or NULL (the test then skips) where it is not. */
char *
atlas_test_epoch_file (const char *name,
                       gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "data", "epoch", name, NULL);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, length, NULL))
    {
      g_test_skip ("Epoch AI's files are not here (they come with this project's shared folder)");
      return NULL;
    }
  return data;
}
