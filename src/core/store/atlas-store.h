#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "atlas-text.h"

G_BEGIN_DECLS

#define ATLAS_STORE_ERROR (atlas_store_error_quark ())

typedef enum
{
  ATLAS_STORE_ERROR_FAILED,
  ATLAS_STORE_ERROR_NOT_A_STORE,
  ATLAS_STORE_ERROR_TOO_NEW,
  ATLAS_STORE_ERROR_BUSY,
  ATLAS_STORE_ERROR_DAMAGED,
  ATLAS_STORE_ERROR_READ_ONLY,
  ATLAS_STORE_ERROR_FULL,
} AtlasStoreError;

/* 'ATLS': tells a Compute Atlas store from any other SQLite file. */
#define ATLAS_STORE_APPLICATION_ID 0x41544C53
#define ATLAS_STORE_SCHEMA_VERSION 5
/* How the full-text index splits and folds text into terms. */
#define ATLAS_STORE_TOKENIZER "unicode61 remove_diacritics 2"

#define ATLAS_TYPE_STORE (atlas_store_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

GQuark      atlas_store_error_quark     (void);
void        atlas_store_foreach_index_term (const char    *text,
                                            AtlasWordFunc  func,
                                            gpointer       user_data);
char       *atlas_store_default_path    (void);
AtlasStore *atlas_store_open            (const char  *path,
                                         GError     **error);
gboolean    atlas_store_move_aside      (const char  *path,
                                         char       **moved_to,
                                         GError     **error);
const char *atlas_store_get_path        (AtlasStore  *self);
sqlite3    *atlas_store_get_db          (AtlasStore  *self);
void        atlas_store_emit_changed    (AtlasStore  *self);
gboolean    atlas_store_is_empty        (AtlasStore  *self);

gboolean    atlas_store_begin_write     (AtlasStore  *self,
                                         GError     **error);
gboolean    atlas_store_commit          (AtlasStore  *self,
                                         GError     **error);
void        atlas_store_rollback        (AtlasStore  *self);

gboolean    atlas_store_create_at_version (const char  *path,
                                           int          version,
                                           GError     **error);

sqlite3_stmt *atlas_store_prepare       (AtlasStore  *self,
                                         const char  *sql,
                                         GError     **error);
/* A statement the store keeps prepared, lent until the lease ends (reset,
 * so that no read stays open). For the statements run once per row shown. */
typedef sqlite3_stmt AtlasStmtLease;
AtlasStmtLease *atlas_store_lease       (AtlasStore     *self,
                                         const char     *sql,
                                         GError        **error);
void        atlas_stmt_lease_end        (AtlasStmtLease *stmt);
gboolean    atlas_store_exec            (AtlasStore  *self,
                                         const char  *sql,
                                         GError     **error);
/* Column and parameter helpers every reader and writer of the store shares. */
char       *atlas_store_column_text     (sqlite3_stmt *stmt,
                                         int           column);
double      atlas_store_column_number   (sqlite3_stmt *stmt,
                                         int           column);
void        atlas_store_bind_text       (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *value);
gboolean    atlas_store_run_finish_changed (AtlasStore    *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void        atlas_store_set_error       (AtlasStore  *self,
                                         GError     **error,
                                         const char  *what);

/* Work for a worker thread, given a connection of its own. The result may be
 * NULL; failure is told by `error`. */
typedef gpointer (*AtlasStoreJob) (AtlasStore    *store,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

void        atlas_store_run_async       (AtlasStore          *self,
                                         AtlasStoreJob        job,
                                         gpointer             data,
                                         GDestroyNotify       data_free,
                                         GDestroyNotify       result_free,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gpointer    atlas_store_run_finish      (AtlasStore          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStmtLease, atlas_stmt_lease_end)

G_END_DECLS
