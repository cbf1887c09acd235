/* atlas-store.c: the SQLite store and its schema
 *
 * Each thread that touches the store opens its own AtlasStore (one SQLite
 * connection); WAL lets the UI read while a worker writes. A file that is not
 * ours, or was written by a newer version, is refused before anything is
 * written to it: the user's data is never "repaired" by guesswork.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "atlas-store.h"

#include "atlas-background.h"

struct _AtlasStore
{
  GObject  parent_instance;
  char       *path;
  sqlite3    *db;
  GHashTable *leased;  /* SQL → its prepared statement */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)

/* Migration N takes a store from user_version N to N + 1. Never edit one that
 * has shipped; add the next. */
static const char *const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE feeds ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  title TEXT,"
  "  home_page_url TEXT,"
  "  feed_url TEXT,"
  "  language TEXT,"
  "  relations_fingerprint TEXT,"
  "  imported_at INTEGER"
  ");"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
  "  item_id TEXT NOT NULL,"
  "  url TEXT,"
  "  title TEXT,"
  "  summary TEXT,"
  "  content TEXT,"
  "  language TEXT,"
  "  published INTEGER,"
  "  published_precision INTEGER NOT NULL DEFAULT 3,"
  "  fingerprint TEXT,"
  "  is_read INTEGER NOT NULL DEFAULT 0,"
  "  is_starred INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (feed_id, item_id)"
  ");"
  "CREATE INDEX articles_by_date ON articles (published DESC, id DESC);"
  "CREATE TABLE entities ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  country TEXT,"
  "  place TEXT,"
  "  url TEXT,"
  "  lat REAL,"
  "  lon REAL"
  ");"
  "CREATE INDEX entities_by_kind ON entities (kind, name);"
  "CREATE TABLE aliases ("
  "  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (entity_id, alias)"
  ") WITHOUT ROWID;"
  "CREATE TABLE mentions ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  tagged INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (article_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);"
  /* The country rule (a country mentioned, or an entity of that country
   * mentioned) is kept precomputed here by the importer, so that a country
   * filter or facet is one index lookup. */
  "CREATE TABLE article_countries ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  country TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, country)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_countries_by_country ON article_countries (country, article_id);"
  "CREATE TABLE relations ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
  "  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,"
  "  subject TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  predicate TEXT NOT NULL,"
  "  object TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  date TEXT,"
  "  date_precision INTEGER NOT NULL DEFAULT 0,"
  "  amount_value REAL,"
  "  amount_currency TEXT,"
  "  quantity_value REAL,"
  "  quantity_unit TEXT,"
  "  quantity_product TEXT REFERENCES entities(id) ON DELETE SET NULL,"
  "  note TEXT"
  ");"
  "CREATE INDEX relations_by_feed ON relations (feed_id, article_id);"
  "CREATE INDEX relations_by_article ON relations (article_id);"
  "CREATE INDEX relations_by_subject ON relations (subject);"
  "CREATE INDEX relations_by_object ON relations (object);"
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
  "  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  date_precision INTEGER NOT NULL,"
  "  starts INTEGER NOT NULL,"
  "  ends INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  title TEXT,"
  "  amount_value REAL,"
  "  amount_currency TEXT,"
  "  quantity_value REAL,"
  "  quantity_unit TEXT,"
  "  quantity_product TEXT REFERENCES entities(id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX events_by_time ON events (starts, ends);"
  "CREATE INDEX events_by_article ON events (article_id);"
  "CREATE TABLE event_entities ("
  "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
  "  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_entities_by_entity ON event_entities (entity_id);"
  /* Kept in step by the importer, not by triggers: with trusted_schema=OFF
   * SQLite refuses FTS5 tables inside triggers. */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, summary, content,"
  "  content='articles', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2'"
  ");",

  /* 1 → 2: subscriptions. A subscribed feed is keyed by its own address, so
   * a remote feed cannot claim another feed's feed_url and overwrite it. */
  "ALTER TABLE feeds ADD COLUMN url TEXT;"
  "ALTER TABLE feeds ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE feeds ADD COLUMN etag TEXT;"
  "ALTER TABLE feeds ADD COLUMN last_modified TEXT;"
  "ALTER TABLE feeds ADD COLUMN last_checked INTEGER;"
  "ALTER TABLE feeds ADD COLUMN last_success INTEGER;"
  "ALTER TABLE feeds ADD COLUMN last_error TEXT;"
  "ALTER TABLE feeds ADD COLUMN retry_after INTEGER NOT NULL DEFAULT 0;"
  "CREATE UNIQUE INDEX feeds_by_url ON feeds (url) WHERE url IS NOT NULL;",

  /* 2 → 3: prefix indexes of one and two characters. The search follows the
   * typing, so its first letters are prefix queries; without them FTS5 walks
   * every term of that letter (140 ms for "d" at 100,000 articles), with
   * them it reads one doclist (7 ms). */
  "DROP TABLE articles_fts;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, summary, content,"
  "  content='articles', content_rowid='id',"
  "  tokenize='" ATLAS_STORE_TOKENIZER "',"
  "  prefix='1 2'"
  ");"
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');",

  /* 3 → 4: who wrote an article, as RSS and Atom say (names, one a line). */
  "ALTER TABLE articles ADD COLUMN authors TEXT;",

  /* 4 → 5: sites from data files (Epoch AI's GPU clusters and data centres):
   * what a site is beyond its entity row, each from its feed (the file) and
   * row, so that every figure can be traced and a file's removal takes its
   * rows with it. Names are kept as the file wrote them, one a line; the
   * relations to the companies are in `relations`. A row's fingerprint tells
   * a newer file's changed rows from the unchanged. Events and relations
   * read from a file's rows keep their row too, and an event its source.
   * Two files may describe one site (a GPU cluster that is also a frontier
   * data centre): a row each, and readers choose. */
  "CREATE TABLE sites ("
  "  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
  "  source_file TEXT NOT NULL,"
  "  source_row INTEGER NOT NULL,"
  "  fingerprint TEXT,"
  "  status TEXT,"
  "  certainty TEXT,"
  "  chip_type TEXT,"
  "  chip_quantity REAL,"
  "  chip2_type TEXT,"
  "  chip2_quantity REAL,"
  "  h100e REAL,"
  "  power_mw REAL,"
  "  power_source TEXT,"
  "  cost REAL,"
  "  sector TEXT,"
  "  first_operational TEXT,"
  "  first_operational_precision INTEGER NOT NULL DEFAULT 0,"
  "  builds_upon TEXT,"
  "  superseded_by TEXT,"
  "  duplicate INTEGER NOT NULL DEFAULT 0,"
  "  owners TEXT,"
  "  users TEXT,"
  "  quote TEXT,"
  "  sources TEXT,"
  "  PRIMARY KEY (entity_id, feed_id)"
  ");"
  "CREATE INDEX sites_by_feed ON sites (feed_id);"
  "ALTER TABLE relations ADD COLUMN source_row INTEGER;"
  "ALTER TABLE events ADD COLUMN source_row INTEGER;"
  "ALTER TABLE events ADD COLUMN note TEXT;"
  "ALTER TABLE events ADD COLUMN url TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ATLAS_STORE_SCHEMA_VERSION);

/* Search text is split and folded by the index's own tokenizer, so that a
 * search term is exactly a term the index holds. Our folding disagrees with
 * it on some characters: it case-folds "ß" to "ss", where the index keeps
 * "straße", so "Straße" found nothing. FTS5's C API is not in Debian's
 * headers; its vocabulary table gives the same terms in SQL. The connection
 * is in memory and lives as long as the process. */
static GMutex term_lock;
static sqlite3 *term_db;
static sqlite3_stmt *term_clear;
static sqlite3_stmt *term_insert;
static sqlite3_stmt *term_select;

static gboolean
open_term_db (void)
{
  static const char *const setup =
    "CREATE VIRTUAL TABLE search USING fts5 (words, tokenize='" ATLAS_STORE_TOKENIZER "');"
    "CREATE VIRTUAL TABLE search_terms USING fts5vocab (search, 'instance');";

  if (term_db != NULL)
    return term_select != NULL;
  if (sqlite3_open_v2 (":memory:", &term_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (term_db, setup, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (term_db, "DELETE FROM search", -1, &term_clear, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (term_db, "INSERT INTO search (rowid, words) VALUES (1, ?1)", -1, &term_insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (term_db, "SELECT term FROM search_terms ORDER BY \"offset\"", -1, &term_select, NULL) != SQLITE_OK)
    {
      g_critical ("Compute Atlas: cannot split search text: %s", sqlite3_errmsg (term_db));
      return FALSE;
    }
  return TRUE;
}

/* Calls `func` with each term the full-text index makes of `text`, in order,
 * until it returns FALSE. */
void
atlas_store_foreach_index_term (const char    *text,
                                AtlasWordFunc  func,
                                gpointer       user_data)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&term_lock);

  if (text == NULL || !open_term_db ())
    return;

  sqlite3_step (term_clear);
  sqlite3_reset (term_clear);
  sqlite3_bind_text (term_insert, 1, text, -1, SQLITE_STATIC);
  sqlite3_step (term_insert);
  sqlite3_reset (term_insert);
  sqlite3_clear_bindings (term_insert);
  while (sqlite3_step (term_select) == SQLITE_ROW)
    if (!func ((const char *) sqlite3_column_text (term_select, 0), sqlite3_column_bytes (term_select, 0), user_data))
      break;
  sqlite3_reset (term_select);
}

/* What the connection's last error means for the person who owns the store. */
static AtlasStoreError
last_error_kind (AtlasStore *self)
{
  switch (sqlite3_errcode (self->db) & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ATLAS_STORE_ERROR_BUSY;
    case SQLITE_NOTADB:
      return ATLAS_STORE_ERROR_NOT_A_STORE;
    case SQLITE_CORRUPT:
      return ATLAS_STORE_ERROR_DAMAGED;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return ATLAS_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return ATLAS_STORE_ERROR_FULL;
    default:
      return ATLAS_STORE_ERROR_FAILED;
    }
}

void
atlas_store_set_error (AtlasStore  *self,
                       GError     **error,
                       const char  *what)
{
  AtlasStoreError kind = last_error_kind (self);

  /* Every write is a transaction rolled back when it fails. */
  if (kind == ATLAS_STORE_ERROR_FULL)
    g_set_error (error, ATLAS_STORE_ERROR, kind, _("%s: %s: the disk is full, so nothing was changed (%s)"),
                 self->path, what, sqlite3_errmsg (self->db));
  else
    g_set_error (error, ATLAS_STORE_ERROR, kind, "%s: %s (%s)", self->path, what, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
atlas_store_prepare (AtlasStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("could not read the store"));
      return NULL;
    }
  return stmt;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Preparing costs more than running the one-row queries of a list row;
 * keeping them prepared halves what a filter change spends reading rows. */
AtlasStmtLease *
atlas_store_lease (AtlasStore  *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->leased == NULL)
    self->leased = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  stmt = g_hash_table_lookup (self->leased, sql);
  if (stmt == NULL)
    {
      if ((stmt = atlas_store_prepare (self, sql, error)) == NULL)
        return NULL;
      g_hash_table_insert (self->leased, g_strdup (sql), stmt);
    }
  /* A lease still running would be reset under its reader. */
  g_return_val_if_fail (!sqlite3_stmt_busy (stmt), NULL);
  return stmt;
}

void
atlas_stmt_lease_end (AtlasStmtLease *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
atlas_store_exec (AtlasStore  *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("could not write to the store"));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (AtlasStore *self,
           const char *sql,
           gboolean   *ok)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = 0;

  *ok = FALSE;
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      *ok = TRUE;
    }
  return value;
}

gboolean
atlas_store_begin_write (AtlasStore  *self,
                         GError     **error)
{
  return atlas_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
atlas_store_commit (AtlasStore  *self,
                    GError     **error)
{
  return atlas_store_exec (self, "COMMIT", error);
}

void
atlas_store_rollback (AtlasStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Reads what the file claims to be without writing to it. */
static gboolean
check_identity (AtlasStore  *self,
                gint64      *user_version,
                GError     **error)
{
  gint64 application_id, n_objects;
  gboolean ok;

  application_id = query_int (self, "PRAGMA application_id", &ok);
  if (ok)
    *user_version = query_int (self, "PRAGMA user_version", &ok);
  if (ok)
    n_objects = query_int (self, "SELECT count(*) FROM sqlite_schema", &ok);
  if (!ok)
    {
      switch (last_error_kind (self))
        {
        case ATLAS_STORE_ERROR_BUSY:
          atlas_store_set_error (self, error, _("the store is locked by another program"));
          break;
        case ATLAS_STORE_ERROR_NOT_A_STORE:
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_STORE,
                       _("%s is not a Compute Atlas store (it is not an SQLite database); it was left untouched"),
                       self->path);
          break;
        case ATLAS_STORE_ERROR_DAMAGED:
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DAMAGED,
                       _("%s is damaged (%s); it was left untouched"), self->path, sqlite3_errmsg (self->db));
          break;
        case ATLAS_STORE_ERROR_READ_ONLY:
          /* WAL needs its -shm file beside the store, even to read. */
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                       _("%s cannot be opened for writing, or its folder does not allow the files SQLite keeps beside it (%s); it was left untouched"),
                       self->path, sqlite3_errmsg (self->db));
          break;
        case ATLAS_STORE_ERROR_FAILED:
        case ATLAS_STORE_ERROR_TOO_NEW:
        case ATLAS_STORE_ERROR_FULL:
        default:
          atlas_store_set_error (self, error, _("could not read the store"));
          break;
        }
      return FALSE;
    }

  /* Our own stamp with no tables: the schema's pages were lost. */
  if (application_id == ATLAS_STORE_APPLICATION_ID && *user_version > 0 && n_objects == 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DAMAGED,
                   _("%s is damaged (its tables are gone); it was left untouched"), self->path);
      return FALSE;
    }

  if (application_id != ATLAS_STORE_APPLICATION_ID && (application_id != 0 || n_objects != 0))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_STORE,
                   _("%s is an SQLite database of another program, not a Compute Atlas store; it was left untouched"),
                   self->path);
      return FALSE;
    }

  if (*user_version > ATLAS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Compute Atlas (store version %d, this one reads up to %d); it was left untouched"),
                   self->path, (int) *user_version, ATLAS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* A cut file reads well until a query reaches its missing pages. SQLite's
 * header says how many pages the file has, when its "valid for" counter
 * matches the change counter; a shorter file was truncated. */
static gboolean
check_length (AtlasStore  *self,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GFileInfo) info = NULL;
  guint8 header[100];
  gsize got = 0;
  guint64 page_size, claimed;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &got, NULL, NULL) ||
      got < sizeof header)
    return TRUE;  /* a new, empty file */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info == NULL || read_be32 (header + 24) != read_be32 (header + 92))
    return TRUE;

  page_size = (guint64) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  claimed = page_size * read_be32 (header + 28);
  if ((guint64) g_file_info_get_size (info) < claimed)
    {
      g_autofree char *has = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *should_have = g_format_size (claimed);

      /* TRANSLATORS: the file, its size, then the size it should have */
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DAMAGED,
                   _("%s is damaged (it was cut short: %s of %s); it was left untouched"),
                   self->path, has, should_have);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (AtlasStore  *self,
         GError     **error)
{
  g_autofree char *stamp = NULL;
  gint64 version;
  gboolean ok;

  if (!atlas_store_begin_write (self, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  version = query_int (self, "PRAGMA user_version", &ok);
  if (!ok || version > ATLAS_STORE_SCHEMA_VERSION)
    {
      atlas_store_rollback (self);
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   _("%s changed while it was being opened; it was left untouched"), self->path);
      return FALSE;
    }

  for (gint64 v = version; v < ATLAS_STORE_SCHEMA_VERSION; v++)
    {
      if (!atlas_store_exec (self, migrations[v], error))
        {
          atlas_store_rollback (self);
          return FALSE;
        }
    }

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           ATLAS_STORE_APPLICATION_ID, ATLAS_STORE_SCHEMA_VERSION);
  if (!atlas_store_exec (self, stamp, error) || !atlas_store_commit (self, error))
    {
      atlas_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* For the tests of migrations: a new store as an older version made it. */
gboolean
atlas_store_create_at_version (const char  *path,
                               int          version,
                               GError     **error)
{
  g_autoptr(AtlasStore) self = g_object_new (ATLAS_TYPE_STORE, NULL);
  g_autofree char *stamp = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (version >= 0 && version <= ATLAS_STORE_SCHEMA_VERSION, FALSE);

  self->path = g_strdup (path);
  if (sqlite3_open (path, &self->db) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("could not open the store"));
      return FALSE;
    }
  for (int v = 0; v < version && ok; v++)
    ok = atlas_store_exec (self, migrations[v], error);
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           ATLAS_STORE_APPLICATION_ID, version);
  return ok && atlas_store_exec (self, stamp, error);
}

char *
atlas_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "compute-atlas", "atlas.db", NULL);
}

AtlasStore *
atlas_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(AtlasStore) self = NULL;
  g_autofree char *dir = NULL;
  gint64 user_version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                       NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("could not open the store"));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (!check_identity (self, &user_version, error) || !check_length (self, error))
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   _("%s is read-only, and Compute Atlas needs to write to its store; it was left untouched"),
                   self->path);
      return NULL;
    }

  if (!atlas_store_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA trusted_schema = OFF;",
                         error))
    return NULL;

  if (user_version < ATLAS_STORE_SCHEMA_VERSION && !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Renames a store that cannot be used, with its WAL and shared-memory files,
 * to "NAME.set-aside-DATE", so that a fresh one can take its place: nothing
 * is deleted, and what the WAL held stays with its file. */
gboolean
atlas_store_move_aside (const char  *path,
                        char       **moved_to,
                        GError     **error)
{
  static const char *const companions[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  target = g_strdup_printf ("%s.set-aside-%s", path, stamp);
  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.set-aside-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move %s aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          /* A store must never be parted from its WAL: put back what moved. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *moved = g_strconcat (target, companions[j], NULL);
              g_autofree char *back = g_strconcat (path, companions[j], NULL);

              if (g_file_test (moved, G_FILE_TEST_EXISTS))
                g_rename (moved, back);
            }
          g_rename (target, path);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move %s aside: %s"), from, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&target);
  return TRUE;
}

const char *
atlas_store_get_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
atlas_store_get_db (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  return self->db;
}

void
atlas_store_emit_changed (AtlasStore *self)
{
  g_return_if_fail (ATLAS_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
atlas_store_is_empty (AtlasStore *self)
{
  gboolean ok;

  return query_int (self, "SELECT NOT EXISTS (SELECT 1 FROM feeds)", &ok) != 0 || !ok;
}

typedef struct
{
  char           *path;
  AtlasStoreJob   job;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Work;

static void
work_free (gpointer pointer)
{
  Work *work = pointer;

  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work->path);
  g_free (work);
}

/* All jobs run on one writer thread, in the order they were asked for: the
 * store has one writer at a time by design, not by waiting on its lock. */
static void
run_in_writer (gpointer data,
               gpointer user_data)
{
  g_autoptr(GTask) task = data;
  Work *work = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(AtlasStore) store = NULL;
  GError *error = NULL;
  gpointer result;

  atlas_background_thread_enter ();
  if (g_task_return_error_if_cancelled (task))
    return;

  /* SQLite connections are not shared between threads: a worker opens its
   * own, and writes through it with BEGIN IMMEDIATE. */
  store = atlas_store_open (work->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = work->job (store, work->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && work->result_free != NULL)
        work->result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, work->result_free);
}

static GThreadPool *
writer_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_in_writer, NULL, 1, FALSE, NULL));
  return pool;
}

void
atlas_store_run_async (AtlasStore          *self,
                       AtlasStoreJob        job,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (ATLAS_IS_STORE (self));

  work = g_new0 (Work, 1);
  work->path = g_strdup (self->path);
  work->job = job;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_store_run_async);
  g_task_set_task_data (task, work, work_free);
  g_thread_pool_push (writer_pool (), g_steal_pointer (&task), NULL);
}

gpointer
atlas_store_run_finish (AtlasStore    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
atlas_store_finalize (GObject *object)
{
  AtlasStore *self = ATLAS_STORE (object);

  g_clear_pointer (&self->leased, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_store_finalize;

  /**
   * AtlasStore::changed:
   *
   * Emitted on the main thread after a write made through another connection
   * (an import in a worker) has committed, so views can query again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_store_init (AtlasStore *self)
{
}

/* A text column as a string of its own; NULL for NULL. */
char *
atlas_store_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A number column; NAN for NULL, which is "not known". */
double
atlas_store_column_number (sqlite3_stmt *stmt,
                           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

/* Binds `value`, copied, or NULL. */
void
atlas_store_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Ends a job that changed the store (atlas_store_run_async()): FALSE with
 * its error, or TRUE once the store's "changed" signal has been emitted. */
gboolean
atlas_store_run_finish_changed (AtlasStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  atlas_store_run_finish (self, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  atlas_store_emit_changed (self);
  return TRUE;
}
