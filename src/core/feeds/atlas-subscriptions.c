/* atlas-subscriptions.c: remote feeds the user follows
 *
 * A subscription is a row of `feeds` with a `url`; its articles are keyed by
 * that address. Refreshing one feed is: a conditional GET, the pages its
 * `next_url` leads to (a bounded number), one import transaction, and the
 * outcome written on the feed's row. Whatever fails, the articles already
 * stored stay as they were, and one feed's failure never touches another's.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-subscriptions.h"
#include "atlas-html.h"
#include "atlas-opml.h"
#include "atlas-text.h"

void
atlas_subscription_free (AtlasSubscription *subscription)
{
  if (subscription == NULL)
    return;
  g_free (subscription->url);
  g_free (subscription->title);
  g_free (subscription->etag);
  g_free (subscription->last_modified);
  g_free (subscription->last_error);
  g_free (subscription);
}

void
atlas_refresh_report_free (AtlasRefreshReport *report)
{
  if (report == NULL)
    return;
  g_free (report->url);
  g_free (report->page_url);
  g_clear_pointer (&report->feed_links, g_ptr_array_unref);
  g_clear_pointer (&report->import, atlas_import_report_free);
  g_free (report->message);
  g_free (report);
}

char *
atlas_refresh_report_describe (const AtlasRefreshReport *report)
{
  switch (report->outcome)
    {
    case ATLAS_REFRESH_UPDATED:
      return atlas_import_report_describe (report->import);
    case ATLAS_REFRESH_NOT_MODIFIED:
      return g_strdup_printf (_("%s: not modified since the last refresh"), report->url);
    case ATLAS_REFRESH_FAILED:
    case ATLAS_REFRESH_WAITING:
    case ATLAS_REFRESH_DISABLED:
    default:
      /* The reader's messages already name the feed. */
      if (g_str_has_prefix (report->message, report->url))
        return g_strdup (report->message);
      return g_strdup_printf ("%s: %s", report->url, report->message);
    }
}

/* What a batch of refreshes came to, for a one-line summary. */
void
atlas_refresh_tally (GPtrArray         *reports,
                     AtlasRefreshTally *tally)
{
  *tally = (AtlasRefreshTally) { 0 };
  for (guint i = 0; i < reports->len; i++)
    {
      const AtlasRefreshReport *report = g_ptr_array_index (reports, i);

      if (report->outcome == ATLAS_REFRESH_FAILED)
        {
          tally->feeds_failed++;
          tally->feeds_not_stored_disk_full += report->disk_full;
          if (tally->first_error == NULL)
            tally->first_error = report->message;
        }
      else if (report->import != NULL)
        {
          tally->feeds_imported++;
          tally->new_articles += report->import->added;
        }
    }
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- the store side ----------------------------------------------------- */

#define SUBSCRIPTION_COLUMNS \
  "SELECT f.url, f.title, f.enabled, f.etag, f.last_modified, f.last_checked, f.last_success, " \
  "  f.last_error, f.retry_after, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) FROM feeds f "

static AtlasSubscription *
subscription_from_row (sqlite3_stmt *stmt)
{
  AtlasSubscription *subscription = g_new0 (AtlasSubscription, 1);

  subscription->url = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  subscription->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  subscription->enabled = sqlite3_column_int (stmt, 2) != 0;
  subscription->etag = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  subscription->last_modified = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  subscription->last_checked = sqlite3_column_int64 (stmt, 5);
  subscription->last_success = sqlite3_column_int64 (stmt, 6);
  subscription->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  subscription->retry_after = sqlite3_column_int64 (stmt, 8);
  subscription->n_articles = sqlite3_column_int (stmt, 9);
  return subscription;
}

GPtrArray *
atlas_subscriptions_list (AtlasStore  *store,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, SUBSCRIPTION_COLUMNS
                                                      "WHERE f.url IS NOT NULL ORDER BY f.title COLLATE NOCASE, f.url",
                                                      error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_subscription_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, subscription_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not read the store"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

AtlasSubscription *
atlas_subscriptions_get (AtlasStore  *store,
                         const char  *url,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, SUBSCRIPTION_COLUMNS "WHERE f.url = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Not subscribed to %s"), url);
      return NULL;
    }
  return subscription_from_row (stmt);
}

/* FALSE when no enabled feed is subscribed; otherwise the oldest time any of
 * them was last checked (0 for never), which says whether a refresh is due. */
gboolean
atlas_subscriptions_last_refresh (AtlasStore *store,
                                  gint64     *last_checked)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store,
                                                      "SELECT count(*), min(coalesce(last_checked, 0)) FROM feeds "
                                                      "WHERE url IS NOT NULL AND enabled",
                                                      NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    return FALSE;
  *last_checked = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
run_with_url (AtlasStore  *store,
              const char  *sql,
              const char  *url,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("could not write to the store"));
      return FALSE;
    }
  return TRUE;
}

/* The feed's articles go with it; the full-text index is told first, as
 * SQLite will not maintain it from a trigger here. */
gboolean
atlas_subscriptions_remove (AtlasStore  *store,
                            const char  *url,
                            GError     **error)
{
  g_autoptr(AtlasSubscription) existing = atlas_subscriptions_get (store, url, error);

  if (existing == NULL || !atlas_store_begin_write (store, error))
    return FALSE;

  if (!run_with_url (store,
                     "INSERT INTO articles_fts (articles_fts, rowid, title, summary, content) "
                     "SELECT 'delete', a.id, a.title, a.summary, a.content FROM articles a "
                     "JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?1",
                     url, error) ||
      !run_with_url (store, "DELETE FROM feeds WHERE url = ?1", url, error) ||
      !atlas_store_commit (store, error))
    {
      atlas_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_subscriptions_set_enabled (AtlasStore  *store,
                                 const char  *url,
                                 gboolean     enabled,
                                 GError     **error)
{
  g_autoptr(AtlasSubscription) existing = atlas_subscriptions_get (store, url, error);

  if (existing == NULL)
    return FALSE;
  return run_with_url (store, enabled ? "UPDATE feeds SET enabled = 1 WHERE url = ?1"
                                      : "UPDATE feeds SET enabled = 0 WHERE url = ?1",
                       url, error);
}

/* Writes what a refresh learned on the feed's row. A failed refresh keeps the
 * validators (ETag, Last-Modified) of the last good one. */
static void
save_outcome (AtlasStore             *store,
              const char             *url,
              const AtlasFetchResult *fetched,
              const char             *error_message,
              const char             *title)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = now_seconds ();

  stmt = atlas_store_prepare (store,
                              "UPDATE feeds SET url = ?1, last_checked = ?2, last_error = ?3, retry_after = ?4,"
                              "  last_success = CASE WHEN ?3 IS NULL THEN ?2 ELSE last_success END,"
                              "  etag = CASE WHEN ?3 IS NULL THEN ?5 ELSE etag END,"
                              "  last_modified = CASE WHEN ?3 IS NULL THEN ?6 ELSE last_modified END,"
                              "  title = coalesce (?7, title) "
                              "WHERE key = ?1 OR url = ?1",
                              NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  if (error_message != NULL)
    sqlite3_bind_text (stmt, 3, error_message, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, fetched ? fetched->retry_after : 0);
  if (fetched != NULL && fetched->etag != NULL)
    sqlite3_bind_text (stmt, 5, fetched->etag, -1, SQLITE_STATIC);
  if (fetched != NULL && fetched->last_modified != NULL)
    sqlite3_bind_text (stmt, 6, fetched->last_modified, -1, SQLITE_STATIC);
  if (title != NULL)
    sqlite3_bind_text (stmt, 7, title, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
}

/* ---- the network side --------------------------------------------------- */

static AtlasRefreshReport *
report_new (const char *url)
{
  AtlasRefreshReport *report = g_new0 (AtlasRefreshReport, 1);

  report->url = g_strdup (url);
  return report;
}

static void
report_failure (AtlasRefreshReport *report,
                const char         *message)
{
  report->outcome = ATLAS_REFRESH_FAILED;
  g_free (report->message);
  report->message = g_strdup (message);
}

static void
feed_limits_for (const AtlasFetchLimits *fetch_limits,
                 AtlasFeedLimits        *feed_limits)
{
  atlas_feed_limits_init (feed_limits);
  feed_limits->max_body_bytes = fetch_limits->max_bytes;
}

static AtlasFeed *
read_body (const AtlasFetchResult  *fetched,
           const char              *url,
           const AtlasFeedLimits   *feed_limits,
           GError                 **error)
{
  return atlas_feed_read_http (g_bytes_get_data (fetched->body, NULL), g_bytes_get_size (fetched->body),
                               url, fetched->content_type, feed_limits, error);
}

static AtlasFeed *
read_first_page (AtlasRefreshReport     *report,
                 const AtlasFetchResult *fetched,
                 const AtlasFetchLimits *limits)
{
  g_autoptr(GError) error = NULL;
  AtlasFeedLimits feed_limits;
  AtlasFeed *feed;

  feed_limits_for (limits, &feed_limits);
  feed = read_body (fetched, report->url, &feed_limits, &error);
  if (feed == NULL)
    report_failure (report, error->message);
  return feed;
}

static AtlasFeedFormat
sniff (const AtlasFetchResult *fetched)
{
  return atlas_feed_sniff (g_bytes_get_data (fetched->body, NULL), g_bytes_get_size (fetched->body));
}

/* The pages after the first, fetched and read in a thread of their own while
 * the importer writes the ones before: on two cores, subscribing to a feed of
 * many pages then takes about as long as writing it. At most
 * ATLAS_SUBSCRIPTION_MAX_PAGES in all, never the same address twice, each hop
 * under the same rules as a redirect. A page that fails ends the walk; what
 * was read before it is kept. */
typedef struct
{
  AtlasFeed *page;     /* or NULL, with a problem to report */
  GPtrArray *tagged;   /* what the tagger found in each item, when one was needed */
  char      *problem;
  GError    *refusal;  /* the first document was refused: nothing of it may be kept */
  gboolean   part;     /* a part of a document already counted as a page */
} PageRead;

/* Two pages read ahead keep the writer busy; more would only hold memory. */
#define PAGES_READ_AHEAD 2

/* Items to a page when one RSS or Atom document is read page by page: the
 * writer starts on them while the reader goes on. */
#define BODY_PAGE_ITEMS 1000

typedef struct
{
  GMutex            lock;
  GCond             changed;
  GQueue            ready;   /* PageRead *, oldest first */
  gboolean          finished;
  GThread          *thread;
  GCancellable     *cancellable;   /* cancelled with the caller's, or when the import fails */
  GCancellable     *caller_cancellable;
  gulong            caller_handler;
  AtlasFetchLimits  limits;
  AtlasFeedLimits   feed_limits;
  /* The first document, read here page by page when it is RSS or Atom, so
   * that its first items are written while the rest are read. */
  GBytes           *body;
  char             *content_type;
  guint             body_pages;
  char             *current;
  char             *next_url;
  guint             pages;   /* read so far, the first one included */
  guint             items;
  /* Items without mentions are tagged here too, with the import's own tagger:
   * the walk asks for it, and the importer's thread builds it. */
  gboolean          wants_tagger;
  gboolean          tagger_given;
  AtlasTagger      *tagger;
} PageWalk;

static void
page_read_free (PageRead *read)
{
  g_clear_pointer (&read->page, atlas_feed_free);
  g_clear_pointer (&read->tagged, g_ptr_array_unref);
  g_free (read->problem);
  g_clear_error (&read->refusal);
  g_free (read);
}

static void
found_free (gpointer found)
{
  g_clear_pointer (&found, g_hash_table_unref);
}

/* What the import's tagger finds in each item of `page` without mentions
 * (NULL for the others); NULL when no item needs it or there is no tagger. */
static GPtrArray *
tag_page (PageWalk        *walk,
          const AtlasFeed *page)
{
  GPtrArray *tagged = NULL;
  AtlasTagger *tagger;
  gboolean needed = FALSE;

  for (guint i = 0; i < page->items->len && !needed; i++)
    needed = !((const AtlasItem *) g_ptr_array_index (page->items, i))->has_mentions;
  if (!needed)
    return NULL;

  g_mutex_lock (&walk->lock);
  walk->wants_tagger = TRUE;
  g_cond_broadcast (&walk->changed);
  while (!walk->tagger_given && !g_cancellable_is_cancelled (walk->cancellable))
    g_cond_wait (&walk->changed, &walk->lock);
  tagger = walk->tagger;
  g_mutex_unlock (&walk->lock);
  if (tagger == NULL)
    return NULL;

  tagged = g_ptr_array_new_full (page->items->len, found_free);
  for (guint i = 0; i < page->items->len; i++)
    {
      const AtlasItem *item = g_ptr_array_index (page->items, i);

      g_ptr_array_add (tagged, item->has_mentions ? NULL : atlas_tagger_scan_item (tagger, item));
    }
  return tagged;
}

static gboolean
page_walk_push (PageWalk  *walk,
                AtlasFeed *page,
                GPtrArray *tagged,
                char      *problem)
{
  PageRead *read = g_new0 (PageRead, 1);
  gboolean stopped;

  read->part = walk->body_pages > 1;
  read->page = page;
  read->tagged = tagged;
  read->problem = problem;
  g_mutex_lock (&walk->lock);
  while (page != NULL && walk->ready.length >= PAGES_READ_AHEAD && !g_cancellable_is_cancelled (walk->cancellable))
    g_cond_wait (&walk->changed, &walk->lock);
  stopped = g_cancellable_is_cancelled (walk->cancellable);
  g_queue_push_tail (&walk->ready, read);
  g_cond_broadcast (&walk->changed);
  g_mutex_unlock (&walk->lock);
  return !stopped;
}

/* A page of the first document, as its reader reaches it. Its first page
 * goes to atlas_import_begin(), which tags it itself; the others are
 * tagged here, with the import's tagger. */
static gboolean
take_body_page (AtlasFeed *page,
                gpointer   data)
{
  PageWalk *walk = data;
  GPtrArray *tagged = walk->body_pages++ == 0 ? NULL : tag_page (walk, page);

  if (walk->next_url == NULL && page->next_url != NULL)
    walk->next_url = g_steal_pointer (&page->next_url);
  walk->items += page->items->len;
  return page_walk_push (walk, page, tagged, NULL);
}

/* Reads the first document page by page. FALSE when it was refused: the
 * refusal is the walk's last word. */
static gboolean
page_walk_read_body (PageWalk *walk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_steal_pointer (&walk->body);
  PageRead *read;

  if (atlas_feed_read_pages (g_bytes_get_data (body, NULL), g_bytes_get_size (body), walk->current,
                             walk->content_type, &walk->feed_limits, BODY_PAGE_ITEMS, take_body_page, walk, &error))
    {
      walk->pages = 1;
      return TRUE;
    }

  read = g_new0 (PageRead, 1);
  read->refusal = g_steal_pointer (&error);
  g_mutex_lock (&walk->lock);
  g_queue_push_tail (&walk->ready, read);
  g_cond_broadcast (&walk->changed);
  g_mutex_unlock (&walk->lock);
  return FALSE;
}

static gpointer
page_walk_run (gpointer data)
{
  PageWalk *walk = data;
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (visited, g_strdup (walk->current));
  if (walk->body != NULL && !page_walk_read_body (walk))
    g_clear_pointer (&walk->next_url, g_free);
  while (walk->next_url != NULL && walk->pages < ATLAS_SUBSCRIPTION_MAX_PAGES &&
         walk->items < walk->feed_limits.max_items)
    {
      g_autoptr(AtlasFetchResult) fetched = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *next = atlas_fetch_resolve_redirect (walk->current, walk->next_url, &error);
      AtlasFeed *page = NULL;

      g_clear_pointer (&walk->next_url, g_free);
      if (next == NULL || g_hash_table_contains (visited, next))
        break;
      g_hash_table_add (visited, g_strdup (next));

      fetched = atlas_fetch (next, NULL, NULL, &walk->limits, walk->cancellable);
      if (fetched->error == NULL)
        page = read_body (fetched, next, &walk->feed_limits, &error);
      if (page == NULL)
        {
          page_walk_push (walk, NULL, NULL,
                          g_strdup_printf (_("page %u (%s) was not read: %s"), walk->pages + 1, next,
                                           fetched->error ? fetched->error->message : error->message));
          break;
        }

      walk->pages++;
      walk->items += page->items->len;
      walk->next_url = g_steal_pointer (&page->next_url);
      g_free (walk->current);
      walk->current = g_steal_pointer (&next);
      if (!page_walk_push (walk, page, tag_page (walk, page), NULL))
        break;
    }

  if (walk->pages >= ATLAS_SUBSCRIPTION_MAX_PAGES && walk->next_url != NULL)
    page_walk_push (walk, NULL, NULL,
                    g_strdup_printf (_("only the first %u pages were read"), ATLAS_SUBSCRIPTION_MAX_PAGES));

  g_mutex_lock (&walk->lock);
  walk->finished = TRUE;
  g_cond_broadcast (&walk->changed);
  g_mutex_unlock (&walk->lock);
  return NULL;
}

static void
cancel_walk (GCancellable *caller_cancellable,
             gpointer      data)
{
  g_cancellable_cancel (data);
}

/* Walks the pages after `first`, or, without it, reads `body` (which it
 * takes, and lets go of once read) page by page first. */
static PageWalk *
page_walk_start (AtlasFeed              *first,
                 GBytes                 *body,
                 const char             *content_type,
                 const char             *first_url,
                 const AtlasFetchLimits *limits,
                 GCancellable           *cancellable)
{
  PageWalk *walk = g_new0 (PageWalk, 1);

  g_mutex_init (&walk->lock);
  g_cond_init (&walk->changed);
  g_queue_init (&walk->ready);
  walk->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      walk->caller_cancellable = g_object_ref (cancellable);
      walk->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_walk),
                                                    g_object_ref (walk->cancellable), g_object_unref);
    }
  walk->limits = *limits;
  feed_limits_for (limits, &walk->feed_limits);
  walk->current = g_strdup (first_url);
  if (first != NULL)
    {
      walk->next_url = g_steal_pointer (&first->next_url);
      walk->pages = 1;
      walk->items = first->items->len;
    }
  else
    {
      walk->body = body;
      walk->content_type = g_strdup (content_type);
    }
  walk->thread = g_thread_new ("atlas-feed-pages", page_walk_run, walk);
  return walk;
}

/* The next page or problem, in order; NULL once the walk has ended. Builds
 * the import's tagger here, in its thread, when the walk asks for it. */
static PageRead *
page_walk_next (PageWalk    *walk,
                AtlasImport *import)
{
  PageRead *read;

  g_mutex_lock (&walk->lock);
  for (;;)
    {
      if (import != NULL && walk->wants_tagger && !walk->tagger_given)
        {
          AtlasTagger *tagger;

          g_mutex_unlock (&walk->lock);
          tagger = atlas_import_get_tagger (import);
          g_mutex_lock (&walk->lock);
          walk->tagger = tagger;
          walk->tagger_given = TRUE;
          g_cond_broadcast (&walk->changed);
        }
      if (walk->ready.length > 0 || walk->finished)
        break;
      g_cond_wait (&walk->changed, &walk->lock);
    }
  read = g_queue_pop_head (&walk->ready);
  g_cond_broadcast (&walk->changed);
  g_mutex_unlock (&walk->lock);
  return read;
}

/* Stops the walk where it is (a fetch under way is cancelled) and waits for
 * its thread. */
static void
page_walk_stop (PageWalk *walk)
{
  g_mutex_lock (&walk->lock);
  g_cancellable_cancel (walk->cancellable);
  g_cond_broadcast (&walk->changed);
  g_mutex_unlock (&walk->lock);
  g_thread_join (walk->thread);

  if (walk->caller_cancellable != NULL)
    g_cancellable_disconnect (walk->caller_cancellable, walk->caller_handler);
  g_clear_object (&walk->caller_cancellable);
  g_queue_clear_full (&walk->ready, (GDestroyNotify) page_read_free);
  g_clear_object (&walk->cancellable);
  g_clear_pointer (&walk->body, g_bytes_unref);
  g_free (walk->content_type);
  g_free (walk->current);
  g_free (walk->next_url);
  g_mutex_clear (&walk->lock);
  g_cond_clear (&walk->changed);
  g_free (walk);
}

/* Imports the first page and every page the walk brings, in one transaction.
 * Without `first`, the first page is the first of `body` (taken), read page
 * by page in the walk's thread; a refusal found in its course (a
 * document cut short) undoes the whole import. `report->pages` counts the
 * pages imported. */
static AtlasImportReport *
import_pages (AtlasStore              *store,
              AtlasRefreshReport      *report,
              AtlasFeed               *first,
              GBytes                  *body,
              const char              *content_type,
              const char              *first_url,
              const AtlasFetchLimits  *limits,
              GCancellable            *cancellable,
              GError                 **error)
{
  PageWalk *walk = page_walk_start (first, body, content_type, first_url, limits, cancellable);
  g_autoptr(AtlasFeed) owned_first = NULL;
  AtlasImport *import = NULL;
  PageRead *read;

  if (first == NULL)
    {
      read = page_walk_next (walk, NULL);
      if (read != NULL && read->page != NULL)
        first = owned_first = g_steal_pointer (&read->page);
      else if (read != NULL && read->refusal != NULL)
        g_propagate_error (error, g_steal_pointer (&read->refusal));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      g_clear_pointer (&read, page_read_free);
    }
  if (first != NULL)
    import = atlas_import_begin (store, first, report->url, report->url, error);

  report->pages = 1;
  while (import != NULL && (read = page_walk_next (walk, import)) != NULL)
    {
      gboolean written = TRUE;

      if (read->refusal != NULL)
        {
          atlas_import_abort (import, read->refusal);
          written = FALSE;
        }
      else if (read->page != NULL)
        {
          written = atlas_import_add_page (import, read->page, read->tagged);
          report->pages += read->part ? 0 : 1;
        }
      else
        atlas_import_note (import, read->problem);
      page_read_free (read);
      if (!written)
        break;
    }
  page_walk_stop (walk);

  return import ? atlas_import_end (import, error) : NULL;
}

/* The address given was a web page: the feed it names, when it names one
 * (or several and `discovery` says to take the first), becomes the address
 * to subscribe to, and is fetched. Otherwise the report says why not, with
 * the feeds to choose from. */
static AtlasFetchResult *
discover (AtlasStore              *store,
          AtlasRefreshReport      *report,
          const AtlasFetchResult  *page,
          gboolean                 subscribe,
          AtlasDiscovery           discovery,
          const AtlasFetchLimits  *limits,
          GCancellable            *cancellable)
{
  g_autoptr(GPtrArray) links = atlas_html_find_feed_links (g_bytes_get_data (page->body, NULL),
                                                           g_bytes_get_size (page->body),
                                                           page->final_url ? page->final_url : report->url);
  const AtlasFeedLink *chosen;
  g_autoptr(AtlasSubscription) existing = NULL;

  if (links->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s is a web page that names no feed"), report->url);
      report_failure (report, message);
      return NULL;
    }
  if (links->len > 1 && discovery == ATLAS_DISCOVERY_OFFER)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is a web page that names %u feed; choose one",
                                                            "%s is a web page that names %u feeds; choose one",
                                                            links->len),
                                                  report->url, links->len);
      report_failure (report, message);
      report->feed_links = g_steal_pointer (&links);
      return NULL;
    }

  chosen = g_ptr_array_index (links, 0);
  report->page_url = g_steal_pointer (&report->url);
  report->url = g_strdup (chosen->url);
  if (subscribe && (existing = atlas_subscriptions_get (store, report->url, NULL)) != NULL)
    {
      report_failure (report, _("Already subscribed"));
      return NULL;
    }
  return atlas_fetch (report->url, NULL, NULL, limits, cancellable);
}

/* Fetches `url` and imports it under that address. `subscription` gives the
 * validators for a conditional GET and receives the outcome; with `subscribe`
 * a successful first import becomes a subscription; with neither, it is a
 * one-off import. A new address that is a web page is followed to the feed
 * it names (`discovery`). */
static AtlasRefreshReport *
fetch_and_import (AtlasStore              *store,
                  const char              *url,
                  const AtlasSubscription *subscription,
                  gboolean                 subscribe,
                  AtlasDiscovery           discovery,
                  const AtlasFetchLimits  *limits,
                  GCancellable            *cancellable)
{
  AtlasRefreshReport *report = report_new (url);
  g_autoptr(AtlasFetchResult) fetched = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  AtlasFetchLimits default_limits;
  gint64 start = g_get_monotonic_time ();

  if (limits == NULL)
    {
      atlas_fetch_limits_init (&default_limits);
      limits = &default_limits;
    }

  fetched = atlas_fetch (url, subscription ? subscription->etag : NULL,
                         subscription ? subscription->last_modified : NULL, limits, cancellable);

  /* A new address may be a site's page: the feed it names is fetched. */
  if (fetched->error == NULL && !atlas_fetch_not_modified (fetched) && subscription == NULL &&
      sniff (fetched) == ATLAS_FEED_FORMAT_HTML)
    {
      AtlasFetchResult *page = g_steal_pointer (&fetched);

      fetched = discover (store, report, page, subscribe, discovery, limits, cancellable);
      atlas_fetch_result_free (page);
    }

  if (fetched == NULL)
    ;
  else if (fetched->error != NULL)
    report_failure (report, fetched->error->message);
  else if (atlas_fetch_not_modified (fetched))
    report->outcome = ATLAS_REFRESH_NOT_MODIFIED;
  else if (sniff (fetched) == ATLAS_FEED_FORMAT_XML ||
           (feed = read_first_page (report, fetched, limits)) != NULL)
    {
      /* RSS and Atom are read page by page while the first pages are
       * written; a JSON Feed page is read whole, here. */
      report->import = import_pages (store, report, feed, feed ? NULL : g_steal_pointer (&fetched->body),
                                     fetched->content_type, fetched->final_url ? fetched->final_url : report->url,
                                     limits, cancellable, &error);
      if (report->import == NULL)
        {
          report_failure (report, error->message);
          report->disk_full = g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FULL);
        }
      else
        report->outcome = ATLAS_REFRESH_UPDATED;
    }

  if (subscription != NULL || (subscribe && report->outcome == ATLAS_REFRESH_UPDATED))
    save_outcome (store, report->url, fetched, report->outcome == ATLAS_REFRESH_FAILED ? report->message : NULL,
                  report->import ? report->import->feed_title : NULL);

  report->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return report;
}

AtlasRefreshReport *
atlas_fetch_and_import (AtlasStore             *store,
                        const char             *url,
                        AtlasDiscovery          discovery,
                        const AtlasFetchLimits *limits,
                        GCancellable           *cancellable)
{
  return fetch_and_import (store, url, NULL, FALSE, discovery, limits, cancellable);
}

/* Subscribes only when the first fetch and import succeed: a typo or a page
 * that is not a feed leaves nothing behind. */
AtlasRefreshReport *
atlas_subscriptions_add (AtlasStore             *store,
                         const char             *url,
                         AtlasDiscovery          discovery,
                         const AtlasFetchLimits *limits,
                         GCancellable           *cancellable)
{
  g_autoptr(AtlasSubscription) existing = atlas_subscriptions_get (store, url, NULL);
  AtlasRefreshReport *report;

  if (!atlas_text_is_web_link (url))
    {
      report = report_new (url);
      report_failure (report, _("Only http and https addresses can be subscribed to"));
      return report;
    }
  if (existing != NULL)
    {
      report = report_new (url);
      report_failure (report, _("Already subscribed"));
      return report;
    }

  return fetch_and_import (store, url, NULL, TRUE, discovery, limits, cancellable);
}

GPtrArray *
atlas_subscriptions_refresh (AtlasStore             *store,
                             const char             *url,
                             gboolean                force,
                             const AtlasFetchLimits *limits,
                             GCancellable           *cancellable)
{
  g_autoptr(GPtrArray) subscriptions = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_refresh_report_free);

  if (url != NULL)
    {
      AtlasSubscription *one = atlas_subscriptions_get (store, url, &error);

      subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_subscription_free);
      if (one != NULL)
        g_ptr_array_add (subscriptions, one);
      else
        {
          AtlasRefreshReport *report = report_new (url);
          report_failure (report, error->message);
          g_ptr_array_add (reports, report);
        }
    }
  else if ((subscriptions = atlas_subscriptions_list (store, &error)) == NULL)
    {
      AtlasRefreshReport *report = report_new ("");
      report_failure (report, error->message);
      g_ptr_array_add (reports, report);
      return reports;
    }

  for (guint i = 0; i < subscriptions->len; i++)
    {
      const AtlasSubscription *subscription = g_ptr_array_index (subscriptions, i);
      AtlasRefreshReport *report;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (!subscription->enabled && url == NULL)
        {
          report = report_new (subscription->url);
          report->outcome = ATLAS_REFRESH_DISABLED;
          report->message = g_strdup (_("disabled"));
        }
      else if (!force && subscription->retry_after > now_seconds ())
        {
          g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (subscription->retry_after);
          g_autofree char *when = until ? g_date_time_format (until, "%c") : g_strdup ("");

          report = report_new (subscription->url);
          report->outcome = ATLAS_REFRESH_WAITING;
          report->message = g_strdup_printf (_("the server asked to wait until %s"), when);
        }
      else
        report = fetch_and_import (store, subscription->url, subscription, FALSE, ATLAS_DISCOVERY_OFFER,
                                   limits, cancellable);

      g_ptr_array_add (reports, report);
    }

  return reports;
}

/* ---- in a worker -------------------------------------------------------- */

typedef struct
{
  char     *url;
  /* force for a refresh; the new state for enable/disable */
  gboolean  flag;
  GBytes   *opml;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->url);
  g_clear_pointer (&job->opml, g_bytes_unref);
  g_free (job);
}

static Job *
job_new (const char *url,
         gboolean    flag,
         GBytes     *opml)
{
  Job *job = g_new0 (Job, 1);

  job->url = g_strdup (url);
  job->flag = flag;
  job->opml = opml ? g_bytes_ref (opml) : NULL;
  return job;
}

static gpointer
refresh_job (AtlasStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return atlas_subscriptions_refresh (store, job->url, job->flag, NULL, cancellable);
}

static gpointer
add_job (AtlasStore    *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_refresh_report_free);

  g_ptr_array_add (reports, atlas_subscriptions_add (store, job->url, ATLAS_DISCOVERY_OFFER, NULL, cancellable));
  return reports;
}

static gpointer
import_opml_job (AtlasStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) outlines = NULL;
  GPtrArray *reports;

  outlines = atlas_opml_parse (g_bytes_get_data (job->opml, NULL), g_bytes_get_size (job->opml), error);
  if (outlines == NULL)
    return NULL;

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_refresh_report_free);
  for (guint i = 0; i < outlines->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const AtlasOpmlOutline *outline = g_ptr_array_index (outlines, i);
      /* No one to ask: a page's first feed is its main one. */
      g_ptr_array_add (reports, atlas_subscriptions_add (store, outline->url, ATLAS_DISCOVERY_FIRST, NULL, cancellable));
    }
  return reports;
}

static gpointer
remove_job (AtlasStore    *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;

  atlas_subscriptions_remove (store, job->url, error);
  return NULL;
}

static gpointer
set_enabled_job (AtlasStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Job *job = data;

  atlas_subscriptions_set_enabled (store, job->url, job->flag, error);
  return NULL;
}

static void
run (AtlasStore          *store,
     AtlasStoreJob        job_func,
     Job                 *job,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  gboolean returns_reports = job_func != remove_job && job_func != set_enabled_job;

  atlas_store_run_async (store, job_func, job, job_free,
                         returns_reports ? (GDestroyNotify) g_ptr_array_unref : NULL,
                         cancellable, callback, user_data);
}

void
atlas_subscriptions_refresh_async (AtlasStore          *store,
                                   const char          *url,
                                   gboolean             force,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run (store, refresh_job, job_new (url, force, NULL), cancellable, callback, user_data);
}

void
atlas_subscriptions_add_async (AtlasStore          *store,
                               const char          *url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  run (store, add_job, job_new (url, FALSE, NULL), cancellable, callback, user_data);
}

void
atlas_subscriptions_import_opml_async (AtlasStore          *store,
                                       GBytes              *opml,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  run (store, import_opml_job, job_new (NULL, FALSE, opml), cancellable, callback, user_data);
}

void
atlas_subscriptions_remove_async (AtlasStore          *store,
                                  const char          *url,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  run (store, remove_job, job_new (url, FALSE, NULL), cancellable, callback, user_data);
}

void
atlas_subscriptions_set_enabled_async (AtlasStore          *store,
                                       const char          *url,
                                       gboolean             enabled,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  run (store, set_enabled_job, job_new (url, enabled, NULL), cancellable, callback, user_data);
}

/* The reports of refresh, add or OPML import, one per feed. The store's
 * "changed" signal has been emitted when any feed was fetched: new articles,
 * or only a new state (an error, a time of refresh) to show. */
GPtrArray *
atlas_subscriptions_finish (AtlasStore    *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  GPtrArray *reports = atlas_store_run_finish (store, result, error);

  if (reports == NULL)
    return NULL;
  for (guint i = 0; i < reports->len; i++)
    {
      const AtlasRefreshReport *report = g_ptr_array_index (reports, i);

      if (report->outcome != ATLAS_REFRESH_WAITING && report->outcome != ATLAS_REFRESH_DISABLED)
        {
          atlas_store_emit_changed (store);
          break;
        }
    }
  return reports;
}

/* For remove and set_enabled. */
gboolean
atlas_subscriptions_change_finish (AtlasStore    *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return atlas_store_run_finish_changed (store, result, error);
}
