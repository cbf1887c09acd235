/* atlas-query.c: the articles and facet counts a filter selects
 *
 * SQL does the filtering and the counting; C only assembles the statement
 * from fixed fragments and binds every user-supplied value.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-query.h"
#include "atlas-countries.h"
#include "atlas-sites.h"
#include "atlas-statement.h"

/* Appends " AND …" for every part of the filter except `skip`: a facet counts
 * what its own choices would add, so its group is left out of its counts. */
static void
append_conditions (AtlasStatement    *statement,
                   const AtlasFilter *filter,
                   AtlasFilterGroup   skip,
                   const char        *fts_query)
{
  if (filter->countries->len > 0 && skip != ATLAS_FILTER_GROUP_COUNTRIES)
    {
      g_string_append (statement->sql, " AND a.id IN (SELECT article_id FROM article_countries WHERE country IN ");
      atlas_statement_append_in_list (statement, filter->countries);
      g_string_append_c (statement->sql, ')');
    }
  if (filter->companies->len > 0 && skip != ATLAS_FILTER_GROUP_COMPANIES)
    {
      g_string_append (statement->sql, " AND a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ");
      atlas_statement_append_in_list (statement, filter->companies);
      g_string_append_c (statement->sql, ')');
    }
  if (filter->entities->len > 0 && skip != ATLAS_FILTER_GROUP_ENTITIES)
    {
      g_string_append (statement->sql, " AND a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ");
      atlas_statement_append_in_list (statement, filter->entities);
      g_string_append_c (statement->sql, ')');
    }
  if (fts_query != NULL)
    {
      g_string_append (statement->sql, " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
      g_ptr_array_add (statement->binds, (gpointer) fts_query);
    }
  /* An article dated only to its month or year is that whole month or year,
   * as events are: it passes when that span overlaps the range. The first
   * bound (a span lasts at most a year) lets the date index do the work. */
  if (filter->since != G_MININT64)
    g_string_append_printf (statement->sql,
                            " AND a.published >= %" G_GINT64_FORMAT " AND CASE a.published_precision"
                            " WHEN 1 THEN CAST (strftime ('%%s', a.published, 'unixepoch', '+1 year') AS INTEGER)"
                            " WHEN 2 THEN CAST (strftime ('%%s', a.published, 'unixepoch', '+1 month') AS INTEGER)"
                            " ELSE a.published + 1 END > %" G_GINT64_FORMAT,
                            filter->since - G_GINT64_CONSTANT (366 * 86400), filter->since);
  if (filter->until != G_MAXINT64)
    g_string_append_printf (statement->sql, " AND a.published < %" G_GINT64_FORMAT, filter->until);
}


/* The ids in the first column of every row `stmt` gives. */
static GArray *
collect_ids (AtlasStore    *store,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
atlas_query_article_ids (AtlasStore         *store,
                         const AtlasFilter  *filter,
                         GError            **error)
{
  g_auto(AtlasStatement) statement = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts_query = atlas_filter_fts_query (filter);

  atlas_statement_init (&statement, "SELECT a.id FROM articles a WHERE 1");
  append_conditions (&statement, filter, ATLAS_FILTER_GROUP_NONE, fts_query);
  g_string_append (statement.sql, " ORDER BY a.published DESC, a.id DESC");

  stmt = atlas_statement_prepare (store, &statement, error);
  if (stmt == NULL)
    return NULL;

  return collect_ids (store, stmt, error);
}

/* Fills the temporary table `table` (one column, id) with `ids`, or with
 * every article's when `ids` is NULL, for the joins of a query over a
 * selection. `table` is a name of this program's. */
gboolean
atlas_query_fill_id_table (AtlasStore  *store,
                           const char  *table,
                           GArray      *ids,
                           GError     **error)
{
  g_autofree char *create = g_strdup_printf ("CREATE TEMP TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY);"
                                             "DELETE FROM %s;", table, table);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (id) VALUES (?1)", table);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!atlas_store_exec (store, create, error))
    return FALSE;
  if (ids == NULL)
    {
      g_autofree char *all = g_strdup_printf ("INSERT INTO %s (id) SELECT id FROM articles", table);

      return atlas_store_exec (store, all, error);
    }
  insert = atlas_store_prepare (store, sql, error);
  if (insert == NULL || !atlas_store_exec (store, "SAVEPOINT fill_ids", error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (insert, 1, g_array_index (ids, gint64, i));
      sqlite3_step (insert);
      sqlite3_reset (insert);
    }
  return atlas_store_exec (store, "RELEASE fill_ids", error);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Appends to `times` the publication times of the articles `ids` that have
 * one, in ascending order. */
gboolean
atlas_query_article_times (AtlasStore  *store,
                           GArray      *ids,
                           GArray      *times,
                           GError     **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store,
                                                      "SELECT id, published FROM articles WHERE published IS NOT NULL",
                                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (wanted, &id))
        g_array_append_val (times, (gint64) { sqlite3_column_int64 (stmt, 1) });
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return FALSE;
    }
  g_array_sort (times, compare_times);
  return TRUE;
}

void
atlas_facet_entry_free (AtlasFacetEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->sort_key);
  g_free (entry);
}

/* `sort_key` may be NULL: it is then worked out from the name. */
AtlasFacetEntry *
atlas_facet_entry_new (const char *id,
                       const char *name,
                       const char *sort_key,
                       guint       count,
                       gboolean    selected)
{
  AtlasFacetEntry *entry = g_new0 (AtlasFacetEntry, 1);

  entry->id = g_strdup (id);
  entry->name = g_strdup (name);
  entry->sort_key = sort_key != NULL ? g_strdup (sort_key) : g_utf8_collate_key (name, -1);
  entry->count = count;
  entry->selected = selected;
  return entry;
}

/* Most articles first, then by name as the user's language sorts, then by
 * id, so that two ways of counting give the same order to the letter. */
static int
compare_facet_entries (gconstpointer a,
                       gconstpointer b)
{
  const AtlasFacetEntry *x = *(const AtlasFacetEntry * const *) a;
  const AtlasFacetEntry *y = *(const AtlasFacetEntry * const *) b;
  int order;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  order = strcmp (x->sort_key, y->sort_key);
  return order != 0 ? order : strcmp (x->id, y->id);
}

/* Sorts the counted entries of a facet (`all`, taken) and keeps the largest
 * `max_entries`, plus every selected one so that a choice never disappears. */
GPtrArray *
atlas_facet_entries_finish (GPtrArray         *all,
                            AtlasStore        *store,
                            const AtlasFilter *filter,
                            AtlasFilterGroup   group,
                            guint              max_entries)
{
  g_autoptr(GPtrArray) counted = all;
  GPtrArray *selected_ids = atlas_filter_get_group (filter, group);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);

  g_ptr_array_sort (counted, compare_facet_entries);
  for (guint i = 0; i < counted->len; i++)
    {
      AtlasFacetEntry *entry = g_ptr_array_index (counted, i);

      if (i < max_entries || entry->selected)
        {
          g_ptr_array_add (result, entry);
          counted->pdata[i] = NULL;
        }
    }

  /* A selected choice with no article under the rest of the filter still
   * shows, with its zero, so it can be unticked. */
  for (guint i = 0; i < selected_ids->len; i++)
    {
      const char *id = g_ptr_array_index (selected_ids, i);
      gboolean present = FALSE;

      for (guint j = 0; j < result->len && !present; j++)
        present = g_str_equal (((AtlasFacetEntry *) g_ptr_array_index (result, j))->id, id);
      if (!present)
        {
          g_autoptr(AtlasEntityInfo) info = NULL;

          if (group != ATLAS_FILTER_GROUP_COUNTRIES)
            info = atlas_query_entity (store, id, NULL);
          g_ptr_array_add (result,
                           atlas_facet_entry_new (id,
                                                  group == ATLAS_FILTER_GROUP_COUNTRIES ? atlas_country_display_name (id)
                                                  : info != NULL ? info->name : id,
                                                  NULL, 0, TRUE));
        }
    }

  return result;
}

/* Counts per country, per company or per other entity among the articles the
 * rest of the filter selects. */
GPtrArray *
atlas_query_facet (AtlasStore         *store,
                   const AtlasFilter  *filter,
                   AtlasFilterGroup    group,
                   guint               max_entries,
                   GError            **error)
{
  g_auto(AtlasStatement) statement = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts_query = atlas_filter_fts_query (filter);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);
  int rc;

  if (group == ATLAS_FILTER_GROUP_COUNTRIES)
    atlas_statement_init (&statement,
                    "SELECT x.country, x.country, count(*) FROM article_countries x WHERE x.article_id IN "
                    "(SELECT a.id FROM articles a WHERE 1");
  /* The unary plus keeps SQLite from probing the mentions index once per
   * entity and per selected article (1,800 companies × 100,000 articles took
   * 34 s); it walks each entity's mentions and checks them against the set
   * instead (0.3 s). */
  else
    atlas_statement_init (&statement,
                    group == ATLAS_FILTER_GROUP_COMPANIES
                    ? "SELECT x.entity_id, e.name, count(*) FROM mentions x "
                      "JOIN entities e ON e.id = x.entity_id AND e.kind = 'company' "
                      "WHERE +x.article_id IN (SELECT a.id FROM articles a WHERE 1"
                    : "SELECT x.entity_id, e.name, count(*) FROM mentions x "
                      "JOIN entities e ON e.id = x.entity_id AND e.kind NOT IN ('company', 'country') "
                      "WHERE +x.article_id IN (SELECT a.id FROM articles a WHERE 1");
  append_conditions (&statement, filter, group, fts_query);
  g_string_append (statement.sql, group == ATLAS_FILTER_GROUP_COUNTRIES
                                  ? ") GROUP BY x.country" : ") GROUP BY x.entity_id");

  stmt = atlas_statement_prepare (store, &statement, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (all, atlas_facet_entry_new (id,
                                                   group == ATLAS_FILTER_GROUP_COUNTRIES
                                                   ? atlas_country_display_name (name) : name,
                                                   NULL, sqlite3_column_int (stmt, 2),
                                                   atlas_filter_contains (filter, group, id)));
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }

  return atlas_facet_entries_finish (g_steal_pointer (&all), store, filter, group, max_entries);
}

/* The ids of the articles whose text matches an FTS5 query, in ascending
 * order: no rank is asked for, so FTS5 only walks its doclists. */
GArray *
atlas_query_text_matches (AtlasStore  *store,
                          const char  *fts_query,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = atlas_store_prepare (store, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  return collect_ids (store, stmt, error);
}

/* Reads the fields and entities of `article`, made from its id alone. */
gboolean
atlas_query_article_fill (AtlasStore    *store,
                          AtlasArticle  *article,
                          gboolean       with_text,
                          GError       **error)
{
  g_autoptr(AtlasStmtLease) stmt = NULL;
  g_autoptr(AtlasStmtLease) entities = NULL;
  gint64 article_id = atlas_article_get_id (article);
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (!atlas_article_has_fields (article), FALSE);

  stmt = atlas_store_lease (store,
                            with_text
                            ? "SELECT a.item_id, f.title, a.url, a.title, a.summary, a.content, a.language, a.published, a.published_precision, "
                              "  a.authors FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1"
                            : "SELECT a.item_id, f.title, a.url, a.title, NULL, NULL, a.language, a.published, a.published_precision, "
                              "  NULL FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The article is no longer in the store"));
      else
        atlas_store_set_error (store, error, _("could not read the store"));
      return FALSE;
    }

  atlas_article_set_fields (article,
                            (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5),
                            (const char *) sqlite3_column_text (stmt, 6),
                            sqlite3_column_type (stmt, 7) != SQLITE_NULL,
                            sqlite3_column_int64 (stmt, 7),
                            sqlite3_column_int (stmt, 8));
  atlas_article_set_authors (article, (const char *) sqlite3_column_text (stmt, 9));

  /* Companies first, places and products next, countries last: the order a
   * reader scans the chips in. */
  entities = atlas_store_lease (store,
                                "SELECT e.id, e.kind, e.name, e.country FROM mentions m "
                                "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?1 "
                                "ORDER BY CASE e.kind WHEN 'company' THEN 0 WHEN 'country' THEN 2 ELSE 1 END, "
                                "  e.name COLLATE NOCASE",
                                error);
  if (entities == NULL)
    return FALSE;
  sqlite3_bind_int64 (entities, 1, article_id);
  while (sqlite3_step (entities) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (entities, 0);
      const char *kind = (const char *) sqlite3_column_text (entities, 1);
      const char *name = (const char *) sqlite3_column_text (entities, 2);

      if (g_strcmp0 (kind, "country") == 0)
        name = atlas_country_display_name (id);
      atlas_article_add_entity (article, id, kind, name, (const char *) sqlite3_column_text (entities, 3));
    }

  return TRUE;
}

AtlasArticle *
atlas_query_article (AtlasStore  *store,
                     gint64       article_id,
                     gboolean     with_text,
                     GError     **error)
{
  g_autoptr(AtlasArticle) article = atlas_article_new (article_id);

  if (!atlas_query_article_fill (store, article, with_text, error))
    return NULL;
  return g_steal_pointer (&article);
}

void
atlas_entity_info_free (AtlasEntityInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->kind);
  g_free (info->name);
  g_free (info->country);
  g_free (info->place);
  g_free (info->url);
  g_ptr_array_unref (info->aliases);
  g_free (info);
}

#define ENTITY_COLUMNS \
  "SELECT e.id, e.kind, e.name, e.country, e.place, e.url, e.lat, e.lon, " \
  "  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), " \
  "  (SELECT group_concat (alias, char(31)) FROM aliases WHERE entity_id = e.id) FROM entities e "

static AtlasEntityInfo *
entity_info_from_row (sqlite3_stmt *stmt)
{
  AtlasEntityInfo *info = g_new0 (AtlasEntityInfo, 1);
  const char *aliases = (const char *) sqlite3_column_text (stmt, 9);

  info->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  info->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  info->country = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  info->place = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  info->url = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  info->has_position = sqlite3_column_type (stmt, 6) != SQLITE_NULL && sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  info->lat = sqlite3_column_double (stmt, 6);
  info->lon = sqlite3_column_double (stmt, 7);
  info->n_articles = sqlite3_column_int (stmt, 8);
  info->aliases = g_ptr_array_new_with_free_func (g_free);
  if (aliases != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (aliases, "\x1f", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (info->aliases, g_strdup (parts[i]));
    }
  return info;
}

GPtrArray *
atlas_query_entities (AtlasStore  *store,
                      const char  *kind,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_entity_info_free);
  int rc;

  stmt = atlas_store_prepare (store,
                              ENTITY_COLUMNS "WHERE ?1 IS NULL OR e.kind = ?1 ORDER BY e.kind, e.name COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;
  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, entity_info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

AtlasEntityInfo *
atlas_query_entity (AtlasStore  *store,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = atlas_store_prepare (store, ENTITY_COLUMNS "WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No entity “%s” in the store"), id);
      return NULL;
    }
  return entity_info_from_row (stmt);
}

/* ---- the timeline ------------------------------------------------------- */

/* Kinds, currencies, units and entities repeat across tens of thousands of
 * events: each is one shared, counted string (GRefString). */
static char *
shared_string (const char *text)
{
  return text != NULL ? g_ref_string_new_intern (text) : NULL;
}

static void
release_shared_string (gpointer text)
{
  if (text != NULL)
    g_ref_string_release (text);
}

void
atlas_event_info_free (AtlasEventInfo *event)
{
  if (event == NULL)
    return;
  release_shared_string (event->kind);
  g_free (event->title);
  release_shared_string (event->currency);
  release_shared_string (event->quantity_unit);
  release_shared_string (event->quantity_product);
  for (guint i = 0; i < event->n_entities; i++)
    {
      release_shared_string ((char *) event->entities[i].id);
      release_shared_string ((char *) event->entities[i].name);
      release_shared_string ((char *) event->entities[i].kind);
    }
  g_free (event->entities);
  g_free (event);
}

const AtlasEventEntity *
atlas_event_info_get_entity (const AtlasEventInfo *event,
                             guint                 index)
{
  g_return_val_if_fail (index < event->n_entities, NULL);
  return &event->entities[index];
}

/* Whether the event names `entity_id`. */
gboolean
atlas_event_info_names (const AtlasEventInfo *event,
                        const char           *entity_id)
{
  for (guint i = 0; i < event->n_entities; i++)
    if (g_str_equal (event->entities[i].id, entity_id))
      return TRUE;
  return FALSE;
}

/* An event's entities by name, as a list: "NVIDIA, Nscale, GB". */
char *
atlas_event_info_entity_list (const AtlasEventInfo *event)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < event->n_entities; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, event->entities[i].name);
    }
  return g_string_free (names, FALSE);
}

static char *
column_shared (sqlite3_stmt *stmt,
               int           column)
{
  return shared_string ((const char *) sqlite3_column_text (stmt, column));
}

/* The events whose date (a span, for a partial one) overlaps [since, until)
 * and whose article passes the filter, its date range aside: the timeline
 * shows the range chosen on it among the rest. An event of a data file
 * has no article: it shows when it is of a site the filter selects, of
 * such a site's owner, or of a company it chooses. */
GPtrArray *
atlas_query_events (AtlasStore         *store,
                    const AtlasFilter  *filter,
                    gint64              since,
                    gint64              until,
                    GError            **error)
{
  g_autoptr(AtlasFilter) undated = atlas_filter_copy (filter);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) data_entities = NULL;

  undated->since = G_MININT64;
  undated->until = G_MAXINT64;
  if (!atlas_filter_is_empty (undated))
    {
      if ((ids = atlas_query_article_ids (store, undated, error)) == NULL ||
          (sites = atlas_sites_query (store, NULL, error)) == NULL)
        return NULL;
      data_entities = atlas_sites_event_entities (sites, undated);
    }
  return atlas_query_events_for_articles (store, ids, data_entities, since, until, error);
}

/* The entities of `data_entities` in a table of this connection, for the
 * statement to join. */
static gboolean
fill_entity_table (AtlasStore  *store,
                   GPtrArray   *data_entities,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!atlas_store_exec (store, "CREATE TEMP TABLE IF NOT EXISTS event_data_entities (id TEXT PRIMARY KEY);"
                                "DELETE FROM event_data_entities;", error) ||
      (insert = atlas_store_prepare (store, "INSERT OR IGNORE INTO event_data_entities (id) VALUES (?1)", error)) == NULL)
    return FALSE;
  for (guint i = 0; data_entities != NULL && i < data_entities->len; i++)
    {
      sqlite3_bind_text (insert, 1, g_ptr_array_index (data_entities, i), -1, SQLITE_STATIC);
      sqlite3_step (insert);
      sqlite3_reset (insert);
    }
  return TRUE;
}

/* The same for the articles `ids` (a selection the session has made) and
 * the data files' events of `data_entities` (see
 * atlas_sites_event_entities()), or for every event when `ids` is NULL. */
GPtrArray *
atlas_query_events_for_articles (AtlasStore  *store,
                                 GArray      *ids,
                                 GPtrArray   *data_entities,
                                 gint64       since,
                                 gint64       until,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) entities = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_event_info_free);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (AtlasEventEntity));
  int rc;

  if (ids != NULL && (!atlas_query_fill_id_table (store, "event_articles", ids, error) ||
                      !fill_entity_table (store, data_entities, error)))
    return NULL;
  stmt = atlas_store_prepare (store,
                              ids != NULL
                              ? "SELECT e.id, e.date, e.date_precision, e.starts, e.ends, e.kind, e.title, e.amount_value, "
                                "e.amount_currency, e.quantity_value, e.quantity_unit, e.quantity_product, e.article_id "
                                "FROM events e "
                                "WHERE e.ends > ?1 AND e.starts < ?2 AND (e.article_id IN (SELECT id FROM event_articles) "
                                "  OR (e.article_id IS NULL AND e.id IN (SELECT x.event_id FROM event_entities x "
                                "      JOIN event_data_entities d ON d.id = x.entity_id))) "
                                "ORDER BY e.starts, e.id"
                              : "SELECT e.id, e.date, e.date_precision, e.starts, e.ends, e.kind, e.title, e.amount_value, "
                                "e.amount_currency, e.quantity_value, e.quantity_unit, e.quantity_product, e.article_id "
                                "FROM events e WHERE e.ends > ?1 AND e.starts < ?2 ORDER BY e.starts, e.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, until);

  /* Names and kinds come along, so that no view asks the store for them
   * one entity at a time. */
  entities = atlas_store_prepare (store,
                                  "SELECT x.entity_id, coalesce (n.name, x.entity_id), n.kind FROM event_entities x "
                                  "LEFT JOIN entities n ON n.id = x.entity_id WHERE x.event_id = ?1 ORDER BY x.entity_id",
                                  error);
  if (entities == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasEventInfo *event = g_new0 (AtlasEventInfo, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      atlas_partial_date_parse ((const char *) sqlite3_column_text (stmt, 1), &event->date);
      event->starts = sqlite3_column_int64 (stmt, 3);
      event->ends = sqlite3_column_int64 (stmt, 4);
      event->kind = column_shared (stmt, 5);
      event->title = atlas_store_column_text (stmt, 6);
      event->amount = atlas_store_column_number (stmt, 7);
      event->currency = column_shared (stmt, 8);
      event->quantity = atlas_store_column_number (stmt, 9);
      event->quantity_unit = column_shared (stmt, 10);
      event->quantity_product = column_shared (stmt, 11);
      event->article_id = sqlite3_column_int64 (stmt, 12);
      /* Read into one scratch array, then kept at their exact size: a
       * large store has tens of thousands of events. */
      g_array_set_size (scratch, 0);
      sqlite3_bind_int64 (entities, 1, event->id);
      while (sqlite3_step (entities) == SQLITE_ROW)
        {
          const char *id = (const char *) sqlite3_column_text (entities, 0);
          const char *kind = (const char *) sqlite3_column_text (entities, 2);
          /* A country is named in the user's language, as everywhere else;
           * the store keeps the English name its feed gave. */
          const char *name = g_strcmp0 (kind, "country") == 0 ? atlas_country_display_name (id)
                                                              : (const char *) sqlite3_column_text (entities, 1);
          AtlasEventEntity entity = { shared_string (id), shared_string (name), shared_string (kind) };

          g_array_append_val (scratch, entity);
        }
      event->n_entities = scratch->len;
      event->entities = g_memdup2 (scratch->data, scratch->len * sizeof (AtlasEventEntity));
      sqlite3_reset (entities);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* How many articles under the filter (its date range aside) were published
 * in each bucket [edges[i], edges[i + 1]): SQL counts, one range of the
 * date index per bucket, so no article is read into memory. */
GArray *
atlas_query_article_histogram (AtlasStore         *store,
                               const AtlasFilter  *filter,
                               GArray             *edges,
                               GError            **error)
{
  g_autoptr(AtlasFilter) undated = atlas_filter_copy (filter);
  g_auto(AtlasStatement) statement = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *fts_query = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  int rc;

  g_return_val_if_fail (edges != NULL, NULL);

  g_array_set_size (counts, edges->len > 0 ? edges->len - 1 : 0);
  if (counts->len == 0)
    return g_steal_pointer (&counts);

  undated->since = G_MININT64;
  undated->until = G_MAXINT64;
  fts_query = atlas_filter_fts_query (undated);

  if (!atlas_store_exec (store,
                         "CREATE TEMP TABLE IF NOT EXISTS timeline_buckets (i INTEGER PRIMARY KEY, starts INTEGER, ends INTEGER);"
                         "DELETE FROM timeline_buckets;", error))
    return NULL;
  insert = atlas_store_prepare (store, "INSERT INTO timeline_buckets (i, starts, ends) VALUES (?1, ?2, ?3)", error);
  if (insert == NULL || !atlas_store_exec (store, "SAVEPOINT buckets", error))
    return NULL;
  for (guint i = 0; i < counts->len; i++)
    {
      sqlite3_bind_int (insert, 1, i);
      sqlite3_bind_int64 (insert, 2, g_array_index (edges, gint64, i));
      sqlite3_bind_int64 (insert, 3, g_array_index (edges, gint64, i + 1));
      sqlite3_step (insert);
      sqlite3_reset (insert);
    }
  if (!atlas_store_exec (store, "RELEASE buckets", error))
    return NULL;

  atlas_statement_init (&statement,
                  "SELECT b.i, count(a.id) FROM timeline_buckets b JOIN articles a "
                  "ON a.published >= b.starts AND a.published < b.ends WHERE 1");
  append_conditions (&statement, undated, ATLAS_FILTER_GROUP_NONE, fts_query);
  g_string_append (statement.sql, " GROUP BY b.i");

  stmt = atlas_statement_prepare (store, &statement, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_index (counts, guint, sqlite3_column_int (stmt, 0)) = sqlite3_column_int (stmt, 1);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }
  return g_steal_pointer (&counts);
}
