/* atlas-statement.c: SQL assembled from fixed fragments, every user-supplied value bound */
#include "config.h"

#include "atlas-statement.h"

void
atlas_statement_init (AtlasStatement *statement,
                      const char     *sql)
{
  statement->sql = g_string_new (sql);
  statement->binds = g_ptr_array_new ();
}

void
atlas_statement_clear (AtlasStatement *statement)
{
  if (statement->sql != NULL)
    g_string_free (statement->sql, TRUE);
  g_clear_pointer (&statement->binds, g_ptr_array_unref);
  statement->sql = NULL;
}

/* "(?, ?, …)", one for each of `values` (borrowed until prepared). */
void
atlas_statement_append_in_list (AtlasStatement *statement,
                                GPtrArray      *values)
{
  g_string_append_c (statement->sql, '(');
  for (guint i = 0; i < values->len; i++)
    {
      g_string_append (statement->sql, i == 0 ? "?" : ", ?");
      g_ptr_array_add (statement->binds, g_ptr_array_index (values, i));
    }
  g_string_append_c (statement->sql, ')');
}

sqlite3_stmt *
atlas_statement_prepare (AtlasStore      *store,
                         AtlasStatement  *statement,
                         GError         **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, statement->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < statement->binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (statement->binds, i), -1, SQLITE_STATIC);
  return stmt;
}
