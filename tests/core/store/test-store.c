#include <glib/gstdio.h>
#include <string.h>

#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-test-util.h"

static gint64
pragma_int (AtlasStore *store,
            const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_connection_setup (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = atlas_store_prepare (store, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");

  g_assert_cmpint (pragma_int (store, "synchronous"), ==, 1);
  g_assert_cmpint (pragma_int (store, "foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (store, "busy_timeout"), >=, 1000);
  g_assert_cmpint (pragma_int (store, "trusted_schema"), ==, 0);
  g_assert_cmpint (pragma_int (store, "application_id"), ==, ATLAS_STORE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (store, "user_version"), ==, ATLAS_STORE_SCHEMA_VERSION);
  g_assert_true (atlas_store_is_empty (store));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_reopen (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;

  g_clear_object (&store);
  store = atlas_test_open_store (dir);
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (atlas_store_is_empty (store));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static gint64
count_feeds_leased (AtlasStore *store)
{
  g_autoptr(AtlasStmtLease) stmt = atlas_store_lease (store, "SELECT count(*) FROM feeds", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A leased statement is prepared once, and its lease ending closes its
 * read: a write made meanwhile by another connection is seen next time. */
static void
test_leased_statements (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasStore) writer = atlas_test_open_store (dir);
  sqlite3_stmt *first, *second;
  gint64 before = count_feeds_leased (store);

  {
    g_autoptr(AtlasStmtLease) a = atlas_store_lease (store, "SELECT 1", NULL);
    first = a;
    g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
  }
  g_assert_false (sqlite3_stmt_busy (first));
  {
    g_autoptr(AtlasStmtLease) b = atlas_store_lease (store, "SELECT 1", NULL);
    second = b;
  }
  g_assert_true (first == second);

  g_assert_true (atlas_store_exec (writer, "INSERT INTO feeds (key, title) VALUES ('leased', 'Leased')", NULL));
  g_assert_cmpint (count_feeds_leased (store), ==, before + 1);

  g_clear_object (&writer);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
make_foreign_db (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  gsize before_len = 0, after_len = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = atlas_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "left untouched"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_foreign_files (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *text = g_strnfill (4096, 'x');

  g_assert_true (g_file_set_contents (garbage, text, -1, NULL));
  assert_refused (garbage, ATLAS_STORE_ERROR_NOT_A_STORE);

  make_foreign_db (newer, "PRAGMA application_id = 1096043603; PRAGMA user_version = 99; CREATE TABLE t (x);");
  assert_refused (newer, ATLAS_STORE_ERROR_TOO_NEW);

  make_foreign_db (other, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, secret TEXT);");
  assert_refused (other, ATLAS_STORE_ERROR_NOT_A_STORE);

  atlas_test_remove_dir (dir);
}


/* A store of the corpus with everything in its main file. */
static char *
make_whole_store (const char *dir)
{
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  return g_strdup (atlas_store_get_path (store));
}

static void
test_refuses_damaged_files (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *good = make_whole_store (dir);
  g_autofree char *cut = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *zeroed = g_build_filename (dir, "zeroed.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);

  /* Cut in half, as a full disk or a failed copy leaves it. */
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  assert_refused (cut, ATLAS_STORE_ERROR_DAMAGED);

  /* A valid header, and zeros after it. */
  memset (contents + 100, 0, length - 100);
  g_assert_true (g_file_set_contents (zeroed, contents, length, NULL));
  assert_refused (zeroed, ATLAS_STORE_ERROR_DAMAGED);

  atlas_test_remove_dir (dir);
}

/* Permissions do not stop root, so the opening is tried in a child that
 * runs as "nobody" then; it finds the store through the environment. */
static void
test_refuses_unwritable (gconstpointer data)
{
  gboolean folder_read_only = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasStore) store = NULL;

      if (geteuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
      store = atlas_store_open (g_getenv ("ATLAS_TEST_STORE"), &error);
      g_assert_null (store);
      g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "left untouched"));
      return;
    }

  dir = atlas_test_make_dir ();
  path = make_whole_store (dir);
  /* A read-only file where its -shm file could be made; or a writable file
   * in a read-only folder, where no -shm file can be made, so not even a
   * read works. */
  g_assert_cmpint (g_chmod (dir, folder_read_only ? 0555 : 0777), ==, 0);
  g_assert_cmpint (g_chmod (path, folder_read_only ? 0666 : 0444), ==, 0);
  g_setenv ("ATLAS_TEST_STORE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  atlas_test_remove_dir (dir);
}

static gboolean
write_while_locked (const char  *path,
                    gulong       hold_us,
                    gint64      *waited_us,
                    GError     **error)
{
  AtlasTestLock *lock = atlas_test_lock_hold (path, hold_us);
  g_autoptr(AtlasStore) store = NULL;
  gint64 start;
  gboolean ok;

  /* Reading is never blocked by a writer. */
  store = atlas_store_open (path, NULL);
  g_assert_nonnull (store);
  start = g_get_monotonic_time ();
  ok = atlas_store_begin_write (store, error);
  *waited_us = g_get_monotonic_time () - start;
  if (ok)
    atlas_store_rollback (store);
  atlas_test_lock_join (lock);
  return ok;
}

static void
test_waits_for_another_writer (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = make_whole_store (dir);
  g_autoptr(GError) error = NULL;
  gint64 waited;

  /* A second holding the lock is waited for. */
  g_assert_true (write_while_locked (path, G_USEC_PER_SEC, &waited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waited, >=, G_USEC_PER_SEC * 8 / 10);

  /* Longer than the five seconds allowed: a clear error, nothing written. */
  g_assert_false (write_while_locked (path, G_USEC_PER_SEC * 6, &waited, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY);
  g_assert_cmpint (waited, >=, G_USEC_PER_SEC * 4);

  atlas_test_remove_dir (dir);
}

static char *
large_feed (guint items)
{
  GString *json = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Large\", "
                                "\"feed_url\": \"https://example.org/large.json\", \"items\": [");
  g_autofree char *text = g_strnfill (2000, 'x');

  for (guint i = 0; i < items; i++)
    g_string_append_printf (json, "%s{\"id\": \"large-%u\", \"title\": \"Item %u\", \"content_text\": \"%s %u\"}",
                            i ? ", " : "", i, i, text, i);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

/* A full disk, simulated by a page limit: the import fails whole and says
 * why, the store keeps what it had and takes the same import once there is
 * room. */
static void
test_full_disk (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *feed = large_feed (300);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                                            pragma_int (store, "page_count") + 8);
  g_autoptr(AtlasImportReport) refused = NULL;
  g_autoptr(AtlasImportReport) taken = NULL;

  g_assert_true (atlas_store_exec (store, limit, NULL));
  refused = atlas_import_data (store, feed, strlen (feed), "large.json", NULL);
  g_assert_nonnull (refused->error);
  g_assert_nonnull (strstr (refused->error, "full"));
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (atlas_store_exec (store, "PRAGMA max_page_count = 1073741823", NULL));
  taken = atlas_import_data (store, feed, strlen (feed), "large.json", NULL);
  g_assert_null (taken->error);
  g_assert_cmpuint (taken->added, ==, 300);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Set aside, never deleted: the file and its WAL keep their bytes under a
 * new name, and a fresh store can take the old name. */
static void
test_move_aside (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *moved = NULL;
  g_autofree char *moved_wal = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) fresh = NULL;

  g_assert_true (g_file_set_contents (path, "not a store", -1, NULL));
  g_assert_true (g_file_set_contents (wal, "its log", -1, NULL));
  g_assert_true (atlas_store_move_aside (path, &moved, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (moved, path));
  g_assert_nonnull (strstr (moved, ".set-aside-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a store");
  moved_wal = g_strconcat (moved, "-wal", NULL);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (moved_wal, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "its log");

  /* A second one in the same second gets a name of its own. */
  g_assert_true (g_file_set_contents (path, "another", -1, NULL));
  g_assert_true (atlas_store_move_aside (path, &second, &error));
  g_assert_cmpstr (second, !=, moved);
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));

  fresh = atlas_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);

  g_clear_object (&fresh);
  atlas_test_remove_dir (dir);
}

/* When a companion file cannot follow the store (here its new name is taken
 * by a folder that is not empty), what already moved is put back: the store
 * is never parted from its WAL. */
static void
test_move_aside_puts_back (void)
{
  static const char *const files[] = { "", "-wal", "-shm" };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(GPtrArray) blockers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (path, files[i], NULL);
      g_autofree char *text = g_strdup_printf ("bytes of %s", files[i]);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  /* The name the -shm file would take, for each second this test may reach. */
  for (int second = -1; second <= 5; second++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, second);
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
      char *blocker = g_strdup_printf ("%s.set-aside-%s-shm", path, stamp);
      g_autofree char *inside = g_build_filename (blocker, "keep", NULL);

      g_assert_cmpint (g_mkdir (blocker, 0755), ==, 0);
      g_assert_true (g_file_set_contents (inside, "", 0, NULL));
      g_ptr_array_add (blockers, blocker);
    }

  g_assert_false (atlas_store_move_aside (path, &moved, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "atlas.db-shm"));
  g_assert_null (moved);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (path, files[i], NULL);
      g_autofree char *text = g_strdup_printf ("bytes of %s", files[i]);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (name, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, text);
    }

  for (guint i = 0; i < blockers->len; i++)
    {
      g_autofree char *inside = g_build_filename (g_ptr_array_index (blockers, i), "keep", NULL);

      g_remove (inside);
      g_rmdir (g_ptr_array_index (blockers, i));
    }
  /* Only the store's own three files are left in the folder. */
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (handle) != NULL)
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (files));
  }
  atlas_test_remove_dir (dir);
}

static void
test_migrates_empty_file (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;

  /* A zero-length file is an empty SQLite database: it becomes a store. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = atlas_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "user_version"), ==, ATLAS_STORE_SCHEMA_VERSION);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Version 3 rebuilt the text index with prefix indexes: what a version 2
 * store held is found again, from its first letter. */
static void
test_migrates_search_index (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GArray) matches = NULL;
  sqlite3 *db;

  g_assert_true (atlas_store_create_at_version (path, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO feeds (id, key) VALUES (1, 'f');"
                                 "INSERT INTO articles (id, feed_id, item_id, title) VALUES (7, 1, 'a', 'Centre de données');"
                                 "INSERT INTO articles_fts (rowid, title) VALUES (7, 'Centre de données');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = atlas_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store, "user_version"), ==, ATLAS_STORE_SCHEMA_VERSION);
  matches = atlas_query_text_matches (store, "\"d\"*", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (g_array_index (matches, gint64, 0), ==, 7);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_creates_missing_folder (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *nested = g_build_filename (dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (nested, "atlas.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  atlas_test_remove_dir (nested);
  {
    g_autofree char *a = g_build_filename (dir, "a", NULL);
    g_rmdir (a);
  }
  atlas_test_remove_dir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = atlas_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "compute-atlas", "atlas.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/connection-setup", test_connection_setup);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/leased-statements", test_leased_statements);
  g_test_add_func ("/store/refuses-foreign-files", test_refuses_foreign_files);
  g_test_add_func ("/store/refuses-damaged-files", test_refuses_damaged_files);
  g_test_add_data_func ("/store/refuses-read-only-file", GINT_TO_POINTER (FALSE), test_refuses_unwritable);
  g_test_add_data_func ("/store/refuses-read-only-folder", GINT_TO_POINTER (TRUE), test_refuses_unwritable);
  g_test_add_func ("/store/waits-for-another-writer", test_waits_for_another_writer);
  g_test_add_func ("/store/full-disk", test_full_disk);
  g_test_add_func ("/store/move-aside", test_move_aside);
  g_test_add_func ("/store/move-aside-puts-back", test_move_aside_puts_back);
  g_test_add_func ("/store/migrates-empty-file", test_migrates_empty_file);
  g_test_add_func ("/store/migrates-search-index", test_migrates_search_index);
  g_test_add_func ("/store/creates-missing-folder", test_creates_missing_folder);
  g_test_add_func ("/store/default-path", test_default_path);

  return g_test_run ();
}
