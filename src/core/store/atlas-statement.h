#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

/* SQL assembled from fixed fragments, every user-supplied value bound. */
typedef struct
{
  GString   *sql;
  GPtrArray *binds;  /* borrowed strings, bound in order */
} AtlasStatement;

void          atlas_statement_init           (AtlasStatement  *statement,
                                              const char      *sql);
void          atlas_statement_clear          (AtlasStatement  *statement);
void          atlas_statement_append_in_list (AtlasStatement  *statement,
                                              GPtrArray       *values);
sqlite3_stmt *atlas_statement_prepare        (AtlasStore      *store,
                                              AtlasStatement  *statement,
                                              GError         **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasStatement, atlas_statement_clear)

G_END_DECLS
