/* atlas-sites.c: the sites a filter selects, with their owners, one row each
 *
 * A site two files describe (a GPU cluster that is also a frontier data
 * centre) has a row from each; the GPU clusters' row, which says status,
 * certainty and chips, is the one shown and summed. Which sites a filter
 * selects is atlas_site_matches()'s to say, in memory, the same for the
 * command line and for every view.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-countries.h"
#include "atlas-sites.h"

static const char *const select_sites =
  "SELECT e.id, e.name, e.country, e.place, e.lat, e.lon, s.status, s.certainty, s.owners, s.users,"
  "  s.chip_type, s.chip_quantity, s.chip2_type, s.chip2_quantity, s.h100e, s.power_mw, s.power_source, s.cost,"
  "  s.sector, s.first_operational, s.builds_upon, s.superseded_by, s.duplicate, s.quote, s.sources,"
  "  s.source_file, s.source_row "
  "FROM sites s JOIN entities e ON e.id = s.entity_id "
  "WHERE NOT EXISTS (SELECT 1 FROM sites t WHERE t.entity_id = s.entity_id AND"
  "  (t.source_file <> 'gpu_clusters.csv', t.feed_id) < (s.source_file <> 'gpu_clusters.csv', s.feed_id)) "
  "ORDER BY e.name, e.id";

/* Names or links kept one a line. */
static void
add_lines (GPtrArray    *array,
           sqlite3_stmt *stmt,
           int           column)
{
  g_auto(GStrv) lines = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  lines = g_strsplit ((const char *) sqlite3_column_text (stmt, column), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (lines[i]));
}

static void
add_chips (AtlasSite    *site,
           sqlite3_stmt *stmt,
           int           type_column)
{
  AtlasChips chips;

  if (sqlite3_column_type (stmt, type_column) == SQLITE_NULL && sqlite3_column_type (stmt, type_column + 1) == SQLITE_NULL)
    return;
  chips.type = atlas_store_column_text (stmt, type_column);
  chips.quantity = atlas_store_column_number (stmt, type_column + 1);
  g_array_append_val (site->chips, chips);
}

static AtlasSite *
read_site (sqlite3_stmt *stmt)
{
  AtlasSite *site = atlas_site_new ();

  site->id = atlas_store_column_text (stmt, 0);
  site->name = atlas_store_column_text (stmt, 1);
  site->country = atlas_store_column_text (stmt, 2);
  site->place = atlas_store_column_text (stmt, 3);
  site->has_position = sqlite3_column_type (stmt, 4) != SQLITE_NULL && sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  site->lat = sqlite3_column_double (stmt, 4);
  site->lon = sqlite3_column_double (stmt, 5);
  site->status = atlas_store_column_text (stmt, 6);
  site->certainty = atlas_store_column_text (stmt, 7);
  add_lines (site->owners, stmt, 8);
  add_lines (site->users, stmt, 9);
  add_chips (site, stmt, 10);
  add_chips (site, stmt, 12);
  site->h100e = atlas_store_column_number (stmt, 14);
  site->power_mw = atlas_store_column_number (stmt, 15);
  site->power_source = atlas_store_column_text (stmt, 16);
  site->cost = atlas_store_column_number (stmt, 17);
  site->sector = atlas_store_column_text (stmt, 18);
  site->first_operational = atlas_store_column_text (stmt, 19);
  site->builds_upon = atlas_store_column_text (stmt, 20);
  site->superseded_by = atlas_store_column_text (stmt, 21);
  site->duplicate = sqlite3_column_int (stmt, 22) != 0;
  site->quote = atlas_store_column_text (stmt, 23);
  add_lines (site->sources, stmt, 24);
  site->source_file = atlas_store_column_text (stmt, 25);
  site->source_row = sqlite3_column_int (stmt, 26);
  return site;
}

/* Each site's owners, from every file that names them. */
static gboolean
add_owner_ids (AtlasStore  *store,
               GPtrArray   *sites,
               GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store,
                                                      "SELECT DISTINCT r.object, r.subject FROM relations r "
                                                      "JOIN sites s ON s.entity_id = r.object AND s.feed_id = r.feed_id "
                                                      "WHERE r.predicate = 'owns' ORDER BY 1, 2",
                                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < sites->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);

      g_hash_table_insert (by_id, site->id, site);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasSite *site = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (site != NULL)
        g_ptr_array_add (site->owner_ids, atlas_store_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("the sites’ owners could not be read"));
      return FALSE;
    }
  return TRUE;
}

/* The sites `filter` selects (NULL: all), by name, each ready to be
 * shared between threads. */
GPtrArray *
atlas_sites_query (AtlasStore         *store,
                   const AtlasFilter  *filter,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, select_sites, error);
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_site_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sites, read_site (stmt));
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("the sites could not be read"));
      return NULL;
    }
  if (!add_owner_ids (store, sites, error))
    return NULL;
  for (guint i = sites->len; i-- > 0;)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);

      atlas_site_seal (site);
      if (filter != NULL && !atlas_site_matches (site, filter, ATLAS_FILTER_GROUP_NONE))
        g_ptr_array_remove_index (sites, i);
    }
  return g_steal_pointer (&sites);
}

/* Gives each roll-up its group's name: a country's in the user's language,
 * a company's as the store has it. */
void
atlas_sites_name_rollups (AtlasStore    *store,
                          GPtrArray     *rollups,
                          AtlasRollupBy  by)
{
  g_autoptr(sqlite3_stmt) stmt = by == ATLAS_ROLLUP_BY_COMPANY
                                 ? atlas_store_prepare (store, "SELECT name FROM entities WHERE id = ?1", NULL)
                                 : NULL;

  for (guint i = 0; i < rollups->len; i++)
    {
      AtlasRollup *rollup = g_ptr_array_index (rollups, i);

      g_free (rollup->name);
      if (by == ATLAS_ROLLUP_BY_COUNTRY)
        rollup->name = g_strdup (atlas_country_display_name (rollup->key));
      else if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, rollup->key, -1, SQLITE_STATIC);
          rollup->name = sqlite3_step (stmt) == SQLITE_ROW ? atlas_store_column_text (stmt, 0) : g_strdup (rollup->key);
          sqlite3_reset (stmt);
        }
      else
        rollup->name = g_strdup (rollup->key);
    }
}

/* ---- the imported data files ------------------------------------------- */

void
atlas_data_file_free (AtlasDataFile *file)
{
  if (file == NULL)
    return;
  g_free (file->key);
  g_free (file->title);
  g_free (file);
}

/* The data files imported (Epoch AI's), with what each brought. */
GPtrArray *
atlas_sites_list_files (AtlasStore  *store,
                        GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_data_file_free);
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store,
                                                      "SELECT f.key, f.title, f.imported_at,"
                                                      "  (SELECT count(*) FROM sites s WHERE s.feed_id = f.id),"
                                                      "  (SELECT count(*) FROM events e WHERE e.feed_id = f.id) "
                                                      "FROM feeds f WHERE f.key LIKE 'epoch:%' ORDER BY f.key",
                                                      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasDataFile *file = g_new0 (AtlasDataFile, 1);

      file->key = atlas_store_column_text (stmt, 0);
      file->title = atlas_store_column_text (stmt, 1);
      file->imported_at = sqlite3_column_int64 (stmt, 2);
      file->sites = sqlite3_column_int (stmt, 3);
      file->events = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (files, file);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("the data files could not be read"));
      return NULL;
    }
  return g_steal_pointer (&files);
}

/* Removes a data file's sites, relations and events, and the sites no
 * other file, article or relation still names. The companies stay: the
 * articles may name them. */
gboolean
atlas_sites_remove_file (AtlasStore  *store,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!atlas_store_begin_write (store, error))
    return FALSE;
  stmt = atlas_store_prepare (store, "DELETE FROM feeds WHERE key = ?1 AND key LIKE 'epoch:%'", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_DONE ||
      !atlas_store_exec (store,
                         "DELETE FROM entities WHERE kind = 'site' "
                         "AND id NOT IN (SELECT entity_id FROM sites) "
                         "AND id NOT IN (SELECT entity_id FROM mentions) "
                         "AND id NOT IN (SELECT subject FROM relations) "
                         "AND id NOT IN (SELECT object FROM relations) "
                         "AND id NOT IN (SELECT entity_id FROM event_entities)",
                         error) ||
      !atlas_store_commit (store, error))
    {
      if (error != NULL && *error == NULL)
        atlas_store_set_error (store, error, _("the data file could not be removed"));
      atlas_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static gpointer
remove_file_job (AtlasStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  atlas_sites_remove_file (store, data, error);
  return NULL;
}

void
atlas_sites_remove_file_async (AtlasStore          *store,
                               const char          *key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  atlas_store_run_async (store, remove_file_job, g_strdup (key), g_free, NULL, cancellable, callback, user_data);
}

/* The store's "changed" signal has been emitted when the file was removed. */
gboolean
atlas_sites_remove_file_finish (AtlasStore    *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return atlas_store_run_finish_changed (store, result, error);
}
