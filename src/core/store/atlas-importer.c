/* atlas-importer.c: writes a read feed to the store
 *
 * One feed is one `BEGIN IMMEDIATE` transaction: it lands whole or not at
 * all, however many pages it came in. Articles are keyed by (feed, item id),
 * so importing the same feed again updates in place and keeps the user's
 * read/starred marks. Pieces that point at unknown entities are skipped and
 * reported, never fatal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-importer.h"
#include "atlas-epoch-import.h"
#include "atlas-countries.h"
#include "atlas-tagger.h"

struct _AtlasImport
{
  AtlasStore        *store;
  sqlite3           *db;
  AtlasImportReport *report;
  GHashTable        *statements;  /* SQL text → sqlite3_stmt */
  AtlasTagger       *tagger;
  GHashTable        *known_entities;  /* id → its country (or NULL), for the ids found during this import */
  GHashTable        *seen_items;      /* item ids of the pages written so far */
  GArray            *fts_writes;      /* FtsWrite, in order, written with each page */
  gint64             feed_id;
  char              *stored_relations_fingerprint;
  GError            *error;           /* the first failure; the import then only rolls back */
};

AtlasImportReport *
atlas_import_report_new (const char *source)
{
  AtlasImportReport *report = g_new0 (AtlasImportReport, 1);

  report->source = g_strdup (source);
  report->messages = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
atlas_import_report_free (AtlasImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source);
  g_free (report->feed_title);
  g_free (report->error);
  g_ptr_array_unref (report->messages);
  g_free (report);
}

char *
atlas_import_report_describe (const AtlasImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *skipped = NULL;

  if (report->error != NULL)
    {
      g_string_append (text, report->error);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  switch (report->unit)
    {
    case ATLAS_IMPORT_UNIT_SITES:
      added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u site added", "%'u sites added", report->added), report->added);
      break;
    case ATLAS_IMPORT_UNIT_EVENTS:
      added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event added", "%'u events added", report->added), report->added);
      break;
    case ATLAS_IMPORT_UNIT_ARTICLES:
    default:
      added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article added", "%'u articles added", report->added), report->added);
      break;
    }
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", report->updated), report->updated);
  unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", report->unchanged), report->unchanged);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", report->skipped), report->skipped);

  /* TRANSLATORS: source, feed title, then the counts of added, updated, unchanged and skipped articles */
  g_string_append_printf (text, _("%s (%s): %s, %s, %s, %s"),
                          report->source,
                          report->feed_title ? report->feed_title : _("untitled feed"),
                          added, updated, unchanged, skipped);
  for (guint i = 0; i < report->messages->len; i++)
    g_string_append_printf (text, "\n  %s", (const char *) g_ptr_array_index (report->messages, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
report_message (AtlasImport *importer,
                const char  *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
report_message (AtlasImport *importer,
                const char  *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (importer->report->messages, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Statements are prepared once per import and reused for every item. */
static sqlite3_stmt *
prepare (AtlasImport *importer,
         const char  *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (importer->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (importer->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Compute Atlas: bad SQL in the importer: %s", sqlite3_errmsg (importer->db));
      return NULL;
    }
  g_hash_table_insert (importer->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_partial_date (sqlite3_stmt           *stmt,
                   int                     text_index,
                   const AtlasPartialDate *date)
{
  g_autofree char *text = atlas_partial_date_to_string (date);

  atlas_store_bind_text (stmt, text_index, text);
  sqlite3_bind_int (stmt, text_index + 1, date->precision);
}

static void
bind_amount_quantity (sqlite3_stmt        *stmt,
                      int                  first_index,
                      const AtlasAmount   *amount,
                      const AtlasQuantity *quantity)
{
  if (amount->set)
    {
      sqlite3_bind_double (stmt, first_index, amount->value);
      atlas_store_bind_text (stmt, first_index + 1, amount->currency);
    }
  if (quantity->set)
    {
      sqlite3_bind_double (stmt, first_index + 2, quantity->value);
      atlas_store_bind_text (stmt, first_index + 3, quantity->unit);
      atlas_store_bind_text (stmt, first_index + 4, quantity->product);
    }
}

static gboolean
step_done (AtlasImport  *importer,
           sqlite3_stmt *stmt)
{
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_DONE;
}

/* Country codes need no declaration: the first use creates the entity. Its
 * own `country` is itself, which makes "mentions a country" a special case of
 * "mentions an entity of that country". */
static gboolean
ensure_country (AtlasImport *importer,
                const char  *code)
{
  sqlite3_stmt *stmt = prepare (importer,
                                "INSERT OR IGNORE INTO entities (id, kind, name, country) "
                                "VALUES (?1, 'country', ?2, ?1)");
  const AtlasCountry *country = atlas_country_lookup (code);

  if (stmt == NULL)
    return FALSE;
  atlas_store_bind_text (stmt, 1, code);
  atlas_store_bind_text (stmt, 2, country ? country->name : code);
  return step_done (importer, stmt);
}

/* TRUE when `id` names an entity the store knows (creating countries). */
static gboolean
resolve_reference (AtlasImport *importer,
                   const char  *id)
{
  sqlite3_stmt *stmt;
  char *country;

  /* Entities are never removed during an import, and their countries are
   * settled before the first item, so what is found once holds for the rest:
   * the many mentions of the same companies cost one lookup. */
  if (g_hash_table_contains (importer->known_entities, id))
    return TRUE;
  if (atlas_country_code_is_valid (id))
    {
      if (!ensure_country (importer, id))
        return FALSE;
      country = g_strdup (id);
    }
  else
    {
      stmt = prepare (importer, "SELECT country FROM entities WHERE id = ?1");
      if (stmt == NULL)
        return FALSE;
      atlas_store_bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return FALSE;
      country = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (importer->known_entities, g_strdup (id), country);
  return TRUE;
}

static gboolean
upsert_feed (AtlasImport     *importer,
             const AtlasFeed *feed,
             const char      *key)
{
  sqlite3_stmt *stmt = prepare (importer,
                                "INSERT INTO feeds (key, title, home_page_url, feed_url, language, imported_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                "ON CONFLICT (key) DO UPDATE SET title = excluded.title, "
                                "  home_page_url = excluded.home_page_url, feed_url = excluded.feed_url, "
                                "  language = excluded.language, imported_at = excluded.imported_at "
                                "RETURNING id, relations_fingerprint");

  if (stmt == NULL)
    return FALSE;

  atlas_store_bind_text (stmt, 1, key);
  atlas_store_bind_text (stmt, 2, feed->title);
  atlas_store_bind_text (stmt, 3, feed->home_page_url);
  atlas_store_bind_text (stmt, 4, feed->feed_url);
  atlas_store_bind_text (stmt, 5, feed->language);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  importer->feed_id = sqlite3_column_int64 (stmt, 0);
  importer->stored_relations_fingerprint = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  stmt = prepare (importer, "UPDATE feeds SET relations_fingerprint = ?2 WHERE id = ?1");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, importer->feed_id);
  atlas_store_bind_text (stmt, 2, feed->relations_fingerprint);
  return step_done (importer, stmt);
}

static void
note_field_conflict (AtlasImport           *importer,
                     const AtlasEntityDecl *entity,
                     const char            *field,
                     const char            *stored,
                     const char            *offered)
{
  if (stored == NULL || offered == NULL || g_strcmp0 (stored, offered) == 0)
    return;
  report_message (importer,
                  _("entity “%s”: the store has %s “%s”; “%s” from this feed was not applied"),
                  entity->id, field, stored, offered);
}

static gboolean
merge_entity (AtlasImport           *importer,
              const AtlasEntityDecl *entity)
{
  sqlite3_stmt *stmt;
  g_autofree char *stored_kind = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *stored_country = NULL;
  g_autofree char *stored_place = NULL;

  stmt = prepare (importer, "SELECT kind, name, country, place FROM entities WHERE id = ?1");
  if (stmt == NULL)
    return FALSE;
  atlas_store_bind_text (stmt, 1, entity->id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (entity->country != NULL && !ensure_country (importer, entity->country))
        return FALSE;

      stmt = prepare (importer,
                      "INSERT INTO entities (id, kind, name, country, place, url, lat, lon) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      if (stmt == NULL)
        return FALSE;
      atlas_store_bind_text (stmt, 1, entity->id);
      atlas_store_bind_text (stmt, 2, entity->kind);
      atlas_store_bind_text (stmt, 3, entity->name);
      atlas_store_bind_text (stmt, 4, entity->country);
      atlas_store_bind_text (stmt, 5, entity->place);
      atlas_store_bind_text (stmt, 6, entity->url);
      if (entity->has_position)
        {
          sqlite3_bind_double (stmt, 7, entity->lat);
          sqlite3_bind_double (stmt, 8, entity->lon);
        }
      if (!step_done (importer, stmt))
        return FALSE;
      importer->report->entities_added++;
    }
  else
    {
      stored_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      stored_country = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      stored_place = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      sqlite3_reset (stmt);

      /* The same id in two feeds is one entity: a later feed may fill in what
       * is missing but never silently renames or moves it. */
      note_field_conflict (importer, entity, _("kind"), stored_kind, entity->kind);
      note_field_conflict (importer, entity, _("name"), stored_name, entity->name);
      note_field_conflict (importer, entity, _("country"), stored_country, entity->country);
      note_field_conflict (importer, entity, _("place"), stored_place, entity->place);

      if (stored_country == NULL && entity->country != NULL)
        {
          if (!ensure_country (importer, entity->country))
            return FALSE;
          /* The country rule for articles already stored follows at once. */
          stmt = prepare (importer,
                          "INSERT OR IGNORE INTO article_countries (article_id, country) "
                          "SELECT article_id, ?2 FROM mentions WHERE entity_id = ?1");
          if (stmt == NULL)
            return FALSE;
          atlas_store_bind_text (stmt, 1, entity->id);
          atlas_store_bind_text (stmt, 2, entity->country);
          if (!step_done (importer, stmt))
            return FALSE;
        }

      stmt = prepare (importer,
                      "UPDATE entities SET country = coalesce (country, ?2), place = coalesce (place, ?3), "
                      "  url = coalesce (url, ?4), lat = coalesce (lat, ?5), lon = coalesce (lon, ?6) "
                      "WHERE id = ?1");
      if (stmt == NULL)
        return FALSE;
      atlas_store_bind_text (stmt, 1, entity->id);
      atlas_store_bind_text (stmt, 2, entity->country);
      atlas_store_bind_text (stmt, 3, entity->place);
      atlas_store_bind_text (stmt, 4, entity->url);
      if (entity->has_position)
        {
          sqlite3_bind_double (stmt, 5, entity->lat);
          sqlite3_bind_double (stmt, 6, entity->lon);
        }
      if (!step_done (importer, stmt))
        return FALSE;
    }

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      stmt = prepare (importer, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
      if (stmt == NULL)
        return FALSE;
      atlas_store_bind_text (stmt, 1, entity->id);
      atlas_store_bind_text (stmt, 2, g_ptr_array_index (entity->aliases, i));
      if (!step_done (importer, stmt))
        return FALSE;
    }

  return TRUE;
}

/* Returns FALSE only on a store error; an unusable relation is reported and
 * skipped. */
static gboolean
insert_relation (AtlasImport             *importer,
                 const AtlasRelationDecl *relation,
                 gint64                   article_id)
{
  sqlite3_stmt *stmt;

  if (!resolve_reference (importer, relation->subject) || !resolve_reference (importer, relation->object))
    {
      report_message (importer, _("relation “%s %s %s”: unknown entity; skipped"),
                      relation->subject, relation->predicate, relation->object);
      return TRUE;
    }
  if (relation->quantity.product != NULL && !resolve_reference (importer, relation->quantity.product))
    report_message (importer, _("unknown entity “%s” named as a product; ignored"), relation->quantity.product);

  stmt = prepare (importer,
                  "INSERT INTO relations (feed_id, article_id, subject, predicate, object, date, date_precision,"
                  "  amount_value, amount_currency, quantity_value, quantity_unit, quantity_product, note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                  "  (SELECT id FROM entities WHERE id = ?12), ?13)");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, importer->feed_id);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 2, article_id);
  atlas_store_bind_text (stmt, 3, relation->subject);
  atlas_store_bind_text (stmt, 4, relation->predicate);
  atlas_store_bind_text (stmt, 5, relation->object);
  bind_partial_date (stmt, 6, &relation->date);
  bind_amount_quantity (stmt, 8, &relation->amount, &relation->quantity);
  atlas_store_bind_text (stmt, 13, relation->note);
  return step_done (importer, stmt);
}

static gboolean
insert_event (AtlasImport          *importer,
              const AtlasEventDecl *event,
              gint64                article_id)
{
  sqlite3_stmt *stmt;
  gint64 event_id;

  if (event->quantity.product != NULL && !resolve_reference (importer, event->quantity.product))
    report_message (importer, _("unknown entity “%s” named as a product; ignored"), event->quantity.product);

  stmt = prepare (importer,
                  "INSERT INTO events (feed_id, article_id, date, date_precision, starts, ends, kind, title,"
                  "  amount_value, amount_currency, quantity_value, quantity_unit, quantity_product) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                  "  (SELECT id FROM entities WHERE id = ?13)) RETURNING id");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, importer->feed_id);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 2, article_id);
  bind_partial_date (stmt, 3, &event->date);
  sqlite3_bind_int64 (stmt, 5, atlas_partial_date_start (&event->date));
  sqlite3_bind_int64 (stmt, 6, atlas_partial_date_end (&event->date));
  atlas_store_bind_text (stmt, 7, event->kind);
  atlas_store_bind_text (stmt, 8, event->title);
  bind_amount_quantity (stmt, 9, &event->amount, &event->quantity);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  event_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < event->entities->len; i++)
    {
      const char *id = g_ptr_array_index (event->entities, i);

      if (!resolve_reference (importer, id))
        {
          report_message (importer, _("event “%s”: unknown entity “%s”; ignored"),
                          event->title ? event->title : "", id);
          continue;
        }
      stmt = prepare (importer, "INSERT OR IGNORE INTO event_entities (event_id, entity_id) VALUES (?1, ?2)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      atlas_store_bind_text (stmt, 2, id);
      if (!step_done (importer, stmt))
        return FALSE;
    }

  return TRUE;
}

/* The tagger for the items without mentions: the names and aliases the store
 * holds within this import, the first page's included. Built on first use,
 * in the import's thread; once built it is only read, so another thread may
 * scan with it until atlas_import_end(). NULL on a store error. */
AtlasTagger *
atlas_import_get_tagger (AtlasImport *importer)
{
  g_autoptr(AtlasTagger) tagger = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (importer != NULL, NULL);

  if (importer->tagger != NULL || importer->error != NULL)
    return importer->tagger;

  tagger = atlas_tagger_new ();
  atlas_tagger_add_countries (tagger);
  stmt = prepare (importer,
                  "SELECT id, name FROM entities WHERE kind <> 'country' "
                  "UNION ALL SELECT entity_id, alias FROM aliases");
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    atlas_tagger_add (tagger,
                      (const char *) sqlite3_column_text (stmt, 1),
                      (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;
  importer->tagger = g_steal_pointer (&tagger);
  return importer->tagger;
}

static gboolean
insert_mention (AtlasImport *importer,
                gint64       article_id,
                const char  *entity_id,
                gboolean     tagged)
{
  sqlite3_stmt *stmt = prepare (importer,
                                "INSERT OR IGNORE INTO mentions (article_id, entity_id, tagged) VALUES (?1, ?2, ?3)");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  atlas_store_bind_text (stmt, 2, entity_id);
  sqlite3_bind_int (stmt, 3, tagged);
  return step_done (importer, stmt);
}

/* Runs `sql`, whose one parameter is the article. */
static gboolean
run_for_article (AtlasImport *importer,
                 const char  *sql,
                 gint64       article_id)
{
  sqlite3_stmt *stmt = prepare (importer, sql);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return step_done (importer, stmt);
}

/* Deletes what an article had before it changed (`sql` is the DELETE); a
 * new article has nothing yet. */
static gboolean
delete_article_rows (AtlasImport *importer,
                     const char  *sql,
                     gint64       article_id,
                     gboolean     is_new)
{
  return is_new || run_for_article (importer, sql, article_id);
}

/* Adds `entity_id`'s country to the article's `countries`, once each. */
static void
note_country (AtlasImport *importer,
              const char  *entity_id,
              GPtrArray   *countries)
{
  const char *country = g_hash_table_lookup (importer->known_entities, entity_id);

  if (country != NULL && !g_ptr_array_find_with_equal_func (countries, country, g_str_equal, NULL))
    g_ptr_array_add (countries, (gpointer) country);
}

static gboolean
write_mention (AtlasImport *importer,
               gint64       article_id,
               const char  *entity_id,
               gboolean     tagged,
               GPtrArray   *countries)
{
  note_country (importer, entity_id, countries);
  return insert_mention (importer, article_id, entity_id, tagged);
}

/* The article's countries are those of the entities it mentions. They are
 * known from the lookups already made, which spares a join per article. */
static gboolean
write_article_countries (AtlasImport *importer,
                         gint64       article_id,
                         GPtrArray   *countries)
{
  for (guint i = 0; i < countries->len; i++)
    {
      sqlite3_stmt *stmt = prepare (importer,
                                    "INSERT OR IGNORE INTO article_countries (article_id, country) VALUES (?1, ?2)");

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      atlas_store_bind_text (stmt, 2, g_ptr_array_index (countries, i));
      if (!step_done (importer, stmt))
        return FALSE;
    }
  return TRUE;
}

/* `tagged`, when given, holds what the import's tagger found in an item
 * without mentions, found ahead of the import (atlas_import_get_tagger()). */
static gboolean
write_mentions (AtlasImport     *importer,
                const AtlasItem *item,
                GHashTable      *tagged,
                gint64           article_id,
                gboolean         is_new)
{
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();

  if (!delete_article_rows (importer, "DELETE FROM mentions WHERE article_id = ?1", article_id, is_new))
    return FALSE;

  if (item->has_mentions)
    {
      for (guint i = 0; i < item->mentions->len; i++)
        {
          const char *id = g_ptr_array_index (item->mentions, i);

          if (!resolve_reference (importer, id))
            {
              report_message (importer, _("item “%s”: unknown entity “%s” in mentions; ignored"), item->id, id);
              continue;
            }
          if (!write_mention (importer, article_id, id, FALSE, countries))
            return FALSE;
        }
    }
  else
    {
      g_autoptr(GHashTable) scanned = NULL;
      GHashTable *found = tagged;
      GHashTableIter iter;
      gpointer id;

      if (found == NULL)
        {
          if (atlas_import_get_tagger (importer) == NULL)
            return FALSE;
          found = scanned = atlas_tagger_scan_item (importer->tagger, item);
        }

      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          if (!resolve_reference (importer, id) || !write_mention (importer, article_id, id, TRUE, countries))
            return FALSE;
        }
    }

  return delete_article_rows (importer, "DELETE FROM article_countries WHERE article_id = ?1", article_id, is_new) &&
         write_article_countries (importer, article_id, countries);
}

static gboolean
replace_item_pieces (AtlasImport     *importer,
                     const AtlasItem *item,
                     gint64           article_id,
                     gboolean         is_new)
{
  /* Foreign keys are off while importing (atlas_import_begin()), so the
   * events' entities do not go with them by themselves. */
  if (!delete_article_rows (importer,
                            "DELETE FROM event_entities WHERE event_id IN (SELECT id FROM events WHERE article_id = ?1)",
                            article_id, is_new) ||
      !delete_article_rows (importer, "DELETE FROM events WHERE article_id = ?1", article_id, is_new) ||
      !delete_article_rows (importer, "DELETE FROM relations WHERE article_id = ?1", article_id, is_new))
    return FALSE;

  for (guint i = 0; i < item->events->len; i++)
    if (!insert_event (importer, g_ptr_array_index (item->events, i), article_id))
      return FALSE;
  for (guint i = 0; i < item->relations->len; i++)
    if (!insert_relation (importer, g_ptr_array_index (item->relations, i), article_id))
      return FALSE;

  return TRUE;
}

/* A change to the full-text index, kept until the feed's other writes are
 * done. FTS5 flushes its pending terms to disk at every statement savepoint
 * (an INSERT … SELECT opens one), so writing the index between the other
 * statements made one segment per article, merged again and again: a third
 * of an import's time. Written together, they are flushed once. */
typedef struct
{
  gboolean  remove;
  gint64    article_id;
  char     *title;    /* owned only for a removal: the values stored before */
  char     *summary;
  char     *content;
} FtsWrite;

static void
clear_fts_write (gpointer data)
{
  FtsWrite *write = data;

  if (write->remove)
    {
      g_free (write->title);
      g_free (write->summary);
      g_free (write->content);
    }
}

static gboolean
flush_fts_writes (AtlasImport *importer)
{
  for (guint i = 0; i < importer->fts_writes->len; i++)
    {
      const FtsWrite *write = &g_array_index (importer->fts_writes, FtsWrite, i);
      sqlite3_stmt *stmt;

      if (write->remove)
        stmt = prepare (importer,
                        "INSERT INTO articles_fts (articles_fts, rowid, title, summary, content) "
                        "VALUES ('delete', ?1, ?2, ?3, ?4)");
      else
        stmt = prepare (importer,
                        "INSERT INTO articles_fts (rowid, title, summary, content) VALUES (?1, ?2, ?3, ?4)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, write->article_id);
      atlas_store_bind_text (stmt, 2, write->title);
      atlas_store_bind_text (stmt, 3, write->summary);
      atlas_store_bind_text (stmt, 4, write->content);
      if (!step_done (importer, stmt))
        return FALSE;
    }
  g_array_set_size (importer->fts_writes, 0);
  return TRUE;
}

/* Queues the index change; `title`, `summary` and `content` are taken for a
 * removal and borrowed from the feed for an addition. */
static void
queue_fts_write (AtlasImport *importer,
                 gboolean     remove,
                 gint64       article_id,
                 char        *title,
                 char        *summary,
                 char        *content)
{
  FtsWrite write = { remove, article_id, title, summary, content };

  g_array_append_val (importer->fts_writes, write);
}


/* An item's authors as the store keeps them: one name a line, each name on
 * one line of its own. */
static char *
join_names (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = g_strdup (g_ptr_array_index (names, i));

      g_strdelimit (name, "\r\n\t", ' ');
      g_string_append_printf (joined, "%s%s", i ? "\n" : "", name);
    }
  return g_string_free (joined, FALSE);
}

static gboolean
write_item (AtlasImport     *importer,
            const AtlasItem *item,
            GHashTable      *tagged)
{
  sqlite3_stmt *stmt;
  gint64 article_id = 0;
  gboolean is_new;

  stmt = prepare (importer,
                  "SELECT id, fingerprint, title, summary, content FROM articles WHERE feed_id = ?1 AND item_id = ?2");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, importer->feed_id);
  atlas_store_bind_text (stmt, 2, item->id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Most items of a refreshed feed are the ones already stored: they cost
       * one lookup and no write. */
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), item->fingerprint) == 0)
        {
          sqlite3_reset (stmt);
          importer->report->unchanged++;
          return TRUE;
        }

      article_id = sqlite3_column_int64 (stmt, 0);
      queue_fts_write (importer, TRUE, article_id,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                       g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
                       g_strdup ((const char *) sqlite3_column_text (stmt, 4)));
      sqlite3_reset (stmt);

      stmt = prepare (importer,
                      "UPDATE articles SET url = ?2, title = ?3, summary = ?4, content = ?5,"
                      "  language = ?6, published = ?7, published_precision = ?8, fingerprint = ?9, authors = ?12"
                      "  WHERE id = ?1");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      importer->report->updated++;
    }
  else
    {
      stmt = prepare (importer,
                      "INSERT INTO articles (feed_id, item_id, url, title, summary, content, language, published,"
                      "  published_precision, fingerprint, authors) VALUES (?10, ?11, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 10, importer->feed_id);
      atlas_store_bind_text (stmt, 11, item->id);
      importer->report->added++;
    }

  atlas_store_bind_text (stmt, 2, item->url);
  atlas_store_bind_text (stmt, 3, item->title);
  atlas_store_bind_text (stmt, 4, item->summary);
  atlas_store_bind_text (stmt, 5, item->text);
  atlas_store_bind_text (stmt, 6, item->language);
  /* An Atom entry may give only when it was last updated: that dates it. */
  if (item->has_published)
    sqlite3_bind_int64 (stmt, 7, item->published);
  else if (item->has_updated)
    sqlite3_bind_int64 (stmt, 7, item->updated);
  sqlite3_bind_int (stmt, 8, item->has_published ? item->published_precision : ATLAS_DATE_PRECISION_DAY);
  atlas_store_bind_text (stmt, 9, item->fingerprint);
  if (item->authors->len > 0)
    {
      g_autofree char *authors = join_names (item->authors);
      sqlite3_bind_text (stmt, 12, authors, -1, SQLITE_TRANSIENT);
    }
  if (!step_done (importer, stmt))
    return FALSE;
  is_new = article_id == 0;
  if (is_new)
    article_id = sqlite3_last_insert_rowid (importer->db);

  queue_fts_write (importer, FALSE, article_id, item->title, item->summary, item->text);
  return write_mentions (importer, item, tagged, article_id, is_new) &&
         replace_item_pieces (importer, item, article_id, is_new);
}

/* Writes a page's items and then their text index, so that the page is no
 * longer needed once this returns. */
static gboolean
write_items (AtlasImport     *importer,
             const GPtrArray *items,
             GPtrArray       *tagged)
{
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasItem *item = g_ptr_array_index (items, i);

      if (g_hash_table_contains (importer->seen_items, item->id))
        {
          report_message (importer, _("item “%s”: the id appears twice in this feed; the later one was skipped"),
                          item->id);
          importer->report->skipped++;
          continue;
        }
      g_hash_table_add (importer->seen_items, g_strdup (item->id));
      if (!write_item (importer, item, tagged ? g_ptr_array_index (tagged, i) : NULL))
        return FALSE;
    }

  return flush_fts_writes (importer);
}

static void
note_page (AtlasImport     *importer,
           const AtlasFeed *page)
{
  importer->report->skipped += page->items_skipped;
  for (guint i = 0; i < page->problems->len; i++)
    g_ptr_array_add (importer->report->messages, g_strdup (g_ptr_array_index (page->problems, i)));
}

/* The feed's own rows come from its first page: its title, entities and
 * relations. Later pages add items. */
static gboolean
write_feed (AtlasImport     *importer,
            const AtlasFeed *feed,
            const char      *key)
{
  sqlite3_stmt *stmt;

  if (!upsert_feed (importer, feed, key))
    return FALSE;

  for (guint i = 0; i < feed->entities->len; i++)
    if (!merge_entity (importer, g_ptr_array_index (feed->entities, i)))
      return FALSE;

  if (g_strcmp0 (importer->stored_relations_fingerprint, feed->relations_fingerprint) != 0)
    {
      stmt = prepare (importer, "DELETE FROM relations WHERE feed_id = ?1 AND article_id IS NULL");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, importer->feed_id);
      if (!step_done (importer, stmt))
        return FALSE;
      for (guint i = 0; i < feed->relations->len; i++)
        if (!insert_relation (importer, g_ptr_array_index (feed->relations, i), 0))
          return FALSE;
    }

  return write_items (importer, feed->items, NULL);
}

static void
fail (AtlasImport *importer)
{
  if (importer->error == NULL)
    atlas_store_set_error (importer->store, &importer->error, _("the feed could not be stored"));
}

/* Statements must be finished before COMMIT can release the write lock. */
static void
release_statements (AtlasImport *importer)
{
  g_clear_pointer (&importer->statements, g_hash_table_unref);
  g_clear_pointer (&importer->tagger, atlas_tagger_free);
}

static void
atlas_import_free (AtlasImport *importer)
{
  release_statements (importer);
  g_clear_pointer (&importer->known_entities, g_hash_table_unref);
  g_clear_pointer (&importer->seen_items, g_hash_table_unref);
  g_clear_pointer (&importer->fts_writes, g_array_unref);
  g_clear_pointer (&importer->stored_relations_fingerprint, g_free);
  g_clear_pointer (&importer->report, atlas_import_report_free);
  g_clear_error (&importer->error);
  g_clear_object (&importer->store);
  g_free (importer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImport, atlas_import_free)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* Opens the feed's transaction and writes its first page. `key` names the
 * feed in the store. Without one, a feed is the same feed wherever it was read
 * from when it names itself (feed_url), and is known by its source otherwise.
 * Subscriptions pass their own address. Returns NULL, with nothing changed,
 * when the store cannot be written. */
AtlasImport *
atlas_import_begin (AtlasStore       *store,
                    const AtlasFeed  *feed,
                    const char       *source,
                    const char       *key,
                    GError          **error)
{
  g_autoptr(AtlasImport) importer = g_new0 (AtlasImport, 1);

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (feed != NULL, NULL);

  importer->store = g_object_ref (store);
  importer->db = atlas_store_get_db (store);
  importer->report = atlas_import_report_new (source);
  importer->report->feed_title = g_strdup (feed->title);
  importer->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  importer->known_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  importer->seen_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer->fts_writes = g_array_new (FALSE, FALSE, sizeof (FtsWrite));
  g_array_set_clear_func (importer->fts_writes, clear_fts_write);
  note_page (importer, feed);

  /* A feed's rows land all over the mentions and country indexes: 32 MB of
   * cache instead of SQLite's 2 keeps their pages in memory (a tenth less
   * time at 10,000 articles). Importing connections are short-lived. */
  atlas_store_exec (store, "PRAGMA cache_size = -32768", NULL);
  /* Every row the importer writes refers to what it has just written or
   * looked up itself (resolve_reference()), so SQLite's own check of each
   * reference is a second B-tree search per reference for nothing: a tenth
   * of a large import's time. The pragma cannot change inside a
   * transaction; atlas_import_end() turns the checks back on. */
  atlas_store_exec (store, "PRAGMA foreign_keys = OFF", NULL);
  if (!atlas_store_begin_write (store, error))
    {
      atlas_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
      return NULL;
    }

  if (key == NULL)
    key = feed->feed_url != NULL ? feed->feed_url : source;
  if (!write_feed (importer, feed, key))
    fail (importer);

  return g_steal_pointer (&importer);
}

/* Writes the items of a later page of the same feed. `tagged`, if given,
 * holds for each item what the import's tagger found in it (NULL for the
 * items with mentions). After a failure it writes nothing more and returns
 * FALSE; atlas_import_end() tells why. */
gboolean
atlas_import_add_page (AtlasImport     *importer,
                       const AtlasFeed *page,
                       GPtrArray       *tagged)
{
  g_return_val_if_fail (importer != NULL, FALSE);

  if (importer->error != NULL)
    return FALSE;
  note_page (importer, page);
  g_return_val_if_fail (tagged == NULL || tagged->len == page->items->len, FALSE);
  if (!write_items (importer, page->items, tagged))
    fail (importer);
  return importer->error == NULL;
}

/* The feed turned out to be refused after its first pages were written (a
 * document cut short is known only at its end): nothing of it is stored. */
void
atlas_import_abort (AtlasImport  *importer,
                    const GError *reason)
{
  g_return_if_fail (importer != NULL && reason != NULL);

  if (importer->error == NULL)
    importer->error = g_error_copy (reason);
}

void
atlas_import_note (AtlasImport *importer,
                   const char  *message)
{
  g_return_if_fail (importer != NULL);

  g_ptr_array_add (importer->report->messages, g_strdup (message));
}

/* Commits what was written, or rolls all of it back if any part failed. */
AtlasImportReport *
atlas_import_end (AtlasImport  *importer,
                  GError      **error)
{
  g_autoptr(AtlasImport) owned = importer;

  g_return_val_if_fail (importer != NULL, NULL);

  release_statements (importer);
  if (importer->error != NULL || !atlas_store_commit (importer->store, &importer->error))
    {
      atlas_store_rollback (importer->store);
      atlas_store_exec (importer->store, "PRAGMA foreign_keys = ON", NULL);
      g_propagate_error (error, g_steal_pointer (&importer->error));
      return NULL;
    }

  atlas_store_exec (importer->store, "PRAGMA foreign_keys = ON", NULL);
  return g_steal_pointer (&importer->report);
}

AtlasImportReport *
atlas_import_feed (AtlasStore       *store,
                   const AtlasFeed  *feed,
                   const char       *source,
                   const char       *key,
                   GError          **error)
{
  AtlasImport *importer = atlas_import_begin (store, feed, source, key, error);

  return importer ? atlas_import_end (importer, error) : NULL;
}

AtlasImportReport *
atlas_import_data (AtlasStore            *store,
                   const char            *data,
                   gsize                  length,
                   const char            *source,
                   const AtlasFeedLimits *limits)
{
  g_autoptr(AtlasFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  AtlasImportReport *report;

  if (atlas_epoch_data_is_csv (data, length, source))
    return atlas_epoch_import_data (store, data, length, source);

  feed = atlas_feed_read (data, length, source, limits, &error);
  if (feed != NULL)
    {
      report = atlas_import_feed (store, feed, source, NULL, &error);
      if (report != NULL)
        return report;
    }

  report = atlas_import_report_new (source);
  report->error = g_strdup (error->message);
  return report;
}

AtlasImportReport *
atlas_import_file (AtlasStore            *store,
                   GFile                 *file,
                   const AtlasFeedLimits *limits,
                   GCancellable          *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;
  AtlasFeedLimits default_limits;
  gsize length = 0;

  if (limits == NULL)
    {
      atlas_feed_limits_init (&default_limits);
      limits = &default_limits;
    }

  source = g_file_has_uri_scheme (file, "file") ? g_file_get_path (file) : g_file_get_uri (file);

  /* A huge file is refused before it is read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && (guint64) g_file_info_get_size (info) > limits->max_body_bytes)
    {
      AtlasImportReport *report = atlas_import_report_new (source);

      report->error = g_strdup_printf (_("%s: refused, larger than %zu bytes"), source, limits->max_body_bytes);
      return report;
    }

  if (info == NULL || !g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      AtlasImportReport *report = atlas_import_report_new (source);

      report->error = g_strdup_printf (_("%s: could not be read: %s"), source, error->message);
      return report;
    }

  return atlas_import_data (store, contents, length, source, limits);
}

typedef struct
{
  GFile **files;
  guint   n_files;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  for (guint i = 0; i < job->n_files; i++)
    g_object_unref (job->files[i]);
  g_free (job->files);
  g_free (job);
}

static gpointer
import_files_job (AtlasStore    *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ImportJob *job = data;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_import_report_free);

  for (guint i = 0; i < job->n_files; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_ptr_array_add (reports, atlas_import_file (store, job->files[i], NULL, cancellable));
    }
  return g_steal_pointer (&reports);
}

void
atlas_import_files_async (AtlasStore          *store,
                          GFile              **files,
                          guint                n_files,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ImportJob *job;

  g_return_if_fail (ATLAS_IS_STORE (store));

  job = g_new0 (ImportJob, 1);
  job->files = g_new0 (GFile *, n_files);
  job->n_files = n_files;
  for (guint i = 0; i < n_files; i++)
    job->files[i] = g_object_ref (files[i]);

  atlas_store_run_async (store, import_files_job, job, import_job_free, (GDestroyNotify) g_ptr_array_unref,
                         cancellable, callback, user_data);
}

/* Returns the reports, one per file. The store's "changed" signal has been
 * emitted when any article was added or updated. */
GPtrArray *
atlas_import_files_finish (AtlasStore    *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  GPtrArray *reports = atlas_store_run_finish (store, result, error);

  if (reports == NULL)
    return NULL;

  for (guint i = 0; i < reports->len; i++)
    {
      const AtlasImportReport *report = g_ptr_array_index (reports, i);

      if (report->added > 0 || report->updated > 0 || report->entities_added > 0)
        {
          atlas_store_emit_changed (store);
          break;
        }
    }

  return reports;
}
