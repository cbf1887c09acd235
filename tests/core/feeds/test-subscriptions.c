/* Subscriptions against the loopback server: the life cycle, conditional
 * GET, paging, and an intact store whatever the server does. */
#include <string.h>

#include "atlas-html.h"
#include "atlas-subscriptions.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"

static AtlasTestServer *server;
static AtlasFetchLimits limits;

static char *
feed_with_items (const char *title,
                 guint       first,
                 guint       n,
                 const char *next_url)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"%s\",", title);
  if (next_url != NULL)
    g_string_append_printf (text, " \"next_url\": \"%s\",", next_url);
  g_string_append (text, " \"items\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"%u\", \"title\": \"Item %u about Norway\","
                                  " \"date_published\": \"2025-09-%02uT10:00:00Z\"}",
                            i ? ", " : "", first + i, first + i, 1 + (first + i) % 28);
  g_string_append (text, "]}");
  return g_string_free (text, FALSE);
}

static char *
rss_with_items (const char *title,
                guint       n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                                "<title>%s</title><link>https://rss.example.org/</link>", title);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "<item><title>%s item %u about Norway</title><guid>%s-%u</guid>"
                                  "<pubDate>Tue, %02u Sep 2025 10:00:00 GMT</pubDate>"
                                  "<description>&lt;p&gt;Text&lt;/p&gt;</description></item>",
                            title, i, title, i, 1 + i % 28);
  g_string_append (text, "</channel></rss>");
  return g_string_free (text, FALSE);
}

static char *
page_naming (const char *first,
             const char *second)
{
  return g_strdup_printf ("<!DOCTYPE html><html><head><title>A news site</title>"
                          "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All stories\" href=\"%s\">"
                          "%s%s%s</head><body>News</body></html>",
                          first, second ? "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" : "",
                          second ? second : "", second ? "\">" : "");
}

static gint64
count (AtlasStore *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_life_cycle (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/life.json");
  g_autofree char *v1 = feed_with_items ("Life & <times>", 1, 2, NULL);
  g_autofree char *v2 = feed_with_items ("Life & <times>", 1, 3, NULL);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(AtlasRefreshReport) again = NULL;
  g_autoptr(AtlasSubscription) subscription = NULL;
  g_autoptr(GPtrArray) unchanged = NULL;
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint hits;

  atlas_test_server_set_feed (server, "/life.json", v1);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (added->import->added, ==, 2);

  subscription = atlas_subscriptions_get (store, url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subscription->title, ==, "Life & <times>");
  g_assert_cmpuint (subscription->n_articles, ==, 2);
  g_assert_true (subscription->enabled);
  g_assert_nonnull (subscription->etag);
  g_assert_cmpint (subscription->last_success, >, 0);
  g_assert_null (subscription->last_error);
  /* The plain feed was tagged: "Norway" is a country. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries c JOIN articles a ON a.id = c.article_id "
                                 "JOIN feeds f ON f.id = a.feed_id WHERE f.url IS NOT NULL AND c.country = 'NO'"), ==, 2);

  again = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (again->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_cmpstr (again->message, ==, "Already subscribed");

  /* Unchanged on the server: a conditional GET, no import. */
  hits = atlas_test_server_get_hits (server, "/life.json");
  unchanged = atlas_subscriptions_refresh (store, NULL, FALSE, &limits, NULL);
  g_assert_cmpuint (unchanged->len, ==, 1);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (unchanged, 0))->outcome, ==, ATLAS_REFRESH_NOT_MODIFIED);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/life.json"), ==, hits + 1);

  atlas_test_server_set_feed (server, "/life.json", v2);
  updated = atlas_subscriptions_refresh (store, url, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (updated, 0))->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (((AtlasRefreshReport *) g_ptr_array_index (updated, 0))->import->added, ==, 1);
  g_assert_cmpuint (((AtlasRefreshReport *) g_ptr_array_index (updated, 0))->import->unchanged, ==, 2);

  list = atlas_subscriptions_list (store, NULL);
  g_assert_cmpuint (list->len, ==, 1);

  /* Removing takes its articles and their index entries, nothing else. */
  g_assert_true (atlas_subscriptions_remove (store, url, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'norway'"), ==, 0);
  g_assert_true (atlas_store_exec (store, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", NULL));
  g_assert_false (atlas_subscriptions_remove (store, url, NULL));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_paging (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/paged/1.json");
  g_autofree char *p1 = feed_with_items ("Paged", 1, 2, "/paged/2.json");
  g_autofree char *p2 = feed_with_items ("Paged", 3, 2, "3.json");
  g_autofree char *p3 = feed_with_items ("Paged", 5, 2, "/paged/1.json");
  g_autoptr(AtlasRefreshReport) report = NULL;

  /* The first page declares a company that the later pages' plain items
   * name: those are tagged ahead of the import, with the import's tagger,
   * which holds what the first page brought before it is committed. */
  g_autofree char *declared = g_strdup_printf ("%.*s, \"_atlas\": {\"version\": 1, \"entities\": ["
                                               "{\"id\": \"fjord-compute\", \"kind\": \"company\","
                                               " \"name\": \"Item\", \"country\": \"NO\"}]}}",
                                               (int) strlen (p1) - 1, p1);

  atlas_test_server_set_feed (server, "/paged/1.json", declared);
  atlas_test_server_set_feed (server, "/paged/2.json", p2);
  atlas_test_server_set_feed (server, "/paged/3.json", p3);

  report = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (report->outcome, ==, ATLAS_REFRESH_UPDATED);
  /* Relative next_url, and a loop back to page 1 that is not followed. */
  g_assert_cmpuint (report->pages, ==, 3);
  g_assert_cmpuint (report->import->added, ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions WHERE entity_id = 'fjord-compute' AND tagged"), ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM article_countries WHERE country = 'NO'"), ==, 6);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Pages are read ahead while earlier ones are written: a page that fails
 * ends the walk and keeps what came before it, an id seen on an earlier page
 * is skipped, and the walk stops at the page limit. */
static void
test_paging_limits (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *broken_url = atlas_test_server_url (server, "/broken/1.json");
  g_autofree char *long_url = atlas_test_server_url (server, "/long/1.json");
  g_autofree char *b1 = feed_with_items ("Broken", 1, 2, "2.json");
  g_autofree char *b2 = feed_with_items ("Broken", 2, 2, "/status/404");
  g_autoptr(AtlasRefreshReport) broken = NULL;
  g_autoptr(AtlasRefreshReport) long_feed = NULL;
  g_autofree char *messages = NULL;

  atlas_test_server_set_feed (server, "/broken/1.json", b1);
  atlas_test_server_set_feed (server, "/broken/2.json", b2);
  broken = atlas_subscriptions_add (store, broken_url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (broken->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (broken->pages, ==, 2);
  g_assert_cmpuint (broken->import->added, ==, 3);
  g_assert_cmpuint (broken->import->skipped, ==, 1);
  messages = atlas_import_report_describe (broken->import);
  g_assert_nonnull (strstr (messages, "item “2”: the id appears twice"));
  g_assert_nonnull (strstr (messages, "page 3 ("));
  g_assert_nonnull (strstr (messages, "404 Not Found"));

  for (guint page = 1; page <= ATLAS_SUBSCRIPTION_MAX_PAGES + 2; page++)
    {
      g_autofree char *path = g_strdup_printf ("/long/%u.json", page);
      g_autofree char *next = g_strdup_printf ("%u.json", page + 1);
      g_autofree char *body = feed_with_items ("Long", page * 10, 3, next);

      atlas_test_server_set_feed (server, path, body);
    }
  long_feed = atlas_subscriptions_add (store, long_url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (long_feed->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (long_feed->pages, ==, ATLAS_SUBSCRIPTION_MAX_PAGES);
  g_assert_cmpuint (long_feed->import->added, ==, 3 * ATLAS_SUBSCRIPTION_MAX_PAGES);
  g_assert_cmpuint (long_feed->import->messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (long_feed->import->messages, 0), ==, "only the first 10 pages were read");
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/long/11.json"), ==, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelling a subscription while a later page stalls stops that fetch at
 * once and keeps the pages read before it. */
static void
test_paging_cancelled (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/slow/1.json");
  g_autofree char *first = feed_with_items ("Slow", 1, 2, "/stall");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AtlasRefreshReport) report = NULL;
  AtlasFetchLimits patient = limits;
  GThread *canceller;

  patient.io_timeout_seconds = 60;
  patient.deadline_ms = 60000;
  atlas_test_server_set_feed (server, "/slow/1.json", first);
  canceller = g_thread_new ("cancel-later", cancel_later, cancellable);

  report = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &patient, cancellable);
  g_thread_join (canceller);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpfloat (report->seconds, <, 5);
  g_assert_cmpint (report->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (report->pages, ==, 1);
  g_assert_cmpuint (report->import->added, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A disk that fills up during a refresh: the feed fails whole, says so, and
 * the articles already stored stay; once there is room it refreshes. The
 * store's page limit stands in for the disk (tests/reliability/test-full-disk.sh fills a
 * real one). */
static void
test_disk_full (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/growing.json");
  g_autofree char *small = feed_with_items ("Growing", 1, 2, NULL);
  g_autofree char *large = feed_with_items ("Growing", 1, 3000, NULL);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) roomy = NULL;
  g_autofree char *limit = NULL;
  AtlasRefreshTally tally;
  const AtlasRefreshReport *report;

  atlas_test_server_set_feed (server, "/growing.json", small);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_false (added->disk_full);

  atlas_test_server_set_feed (server, "/growing.json", large);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, count (store, "PRAGMA page_count") + 4);
  g_assert_true (atlas_store_exec (store, limit, NULL));
  full = atlas_subscriptions_refresh (store, url, FALSE, &limits, NULL);
  report = g_ptr_array_index (full, 0);
  g_assert_cmpint (report->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_true (report->disk_full);
  g_assert_nonnull (strstr (report->message, "full"));
  atlas_refresh_tally (full, &tally);
  g_assert_cmpuint (tally.feeds_not_stored_disk_full, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);
  g_assert_true (atlas_store_exec (store, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", NULL));

  g_assert_true (atlas_store_exec (store, "PRAGMA max_page_count = 1073741823", NULL));
  roomy = atlas_subscriptions_refresh (store, url, TRUE, &limits, NULL);
  report = g_ptr_array_index (roomy, 0);
  g_assert_cmpint (report->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_false (report->disk_full);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 3000);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_failures_keep_the_store (void)
{
  static const struct { const char *path; const char *message; } cases[] = {
    { "/status/404", "404 Not Found" },
    { "/status/410", "410 Gone" },
    { "/status/500", "500 Internal Server Error" },
    { "/retry-after", "429 Too Many Requests" },
    { "/loop", "redirects" },
    { "/redirect-to-file", "http or https" },
    { "/gzip-bomb", "Stopped after" },
    { "/big", "larger than" },
    { "/short", "closed before" },
    { "/stall", "stopped answering" },
    { "/drip", "Gave up" },
    { "/html", "is a web page that names no feed" },
    { "/not-json", "neither a JSON Feed nor RSS or Atom" },
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  double bound = limits.deadline_ms / 1000.0 + 1.5;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = atlas_test_server_url (server, cases[i].path);
      g_autoptr(AtlasRefreshReport) added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
      g_autoptr(AtlasRefreshReport) imported = atlas_fetch_and_import (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
      g_autofree char *after = atlas_test_snapshot (store);

      g_test_message ("%s: %.2f s, %s", cases[i].path, added->seconds, added->message);
      g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_FAILED);
      g_assert_cmpint (imported->outcome, ==, ATLAS_REFRESH_FAILED);
      if (strstr (added->message, cases[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].path, added->message, cases[i].message);
      g_assert_cmpfloat (added->seconds, <, bound);
      g_assert_cmpstr (before, ==, after);
    }

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_failure_on_refresh (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/flaky.json");
  g_autofree char *body = feed_with_items ("Flaky", 1, 3, NULL);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(AtlasSubscription) subscription = NULL;
  g_autofree char *etag = NULL;

  atlas_test_server_set_feed (server, "/flaky.json", body);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  subscription = atlas_subscriptions_get (store, url, NULL);
  etag = g_strdup (subscription->etag);
  g_clear_pointer (&subscription, atlas_subscription_free);

  atlas_test_server_set_feed (server, "/flaky.json", NULL);
  failed = atlas_subscriptions_refresh (store, NULL, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (failed, 0))->outcome, ==, ATLAS_REFRESH_FAILED);

  subscription = atlas_subscriptions_get (store, url, NULL);
  g_assert_cmpstr (subscription->last_error, ==, "The server answered 404 Not Found");
  g_assert_cmpstr (subscription->etag, ==, etag);
  g_assert_cmpuint (subscription->n_articles, ==, 3);
  g_clear_pointer (&subscription, atlas_subscription_free);

  atlas_test_server_set_feed (server, "/flaky.json", body);
  back = atlas_subscriptions_refresh (store, NULL, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (back, 0))->outcome, ==, ATLAS_REFRESH_NOT_MODIFIED);
  subscription = atlas_subscriptions_get (store, url, NULL);
  g_assert_null (subscription->last_error);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_waiting_and_disabled (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/patient.json");
  g_autofree char *body = feed_with_items ("Patient", 1, 1, NULL);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) forced = NULL;
  g_autoptr(GPtrArray) disabled = NULL;
  guint hits;

  atlas_test_server_set_feed (server, "/patient.json", body);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);

  /* As after a 429 with Retry-After: no request until then. */
  g_assert_true (atlas_store_exec (store, "UPDATE feeds SET retry_after = strftime('%s', 'now') + 3600", NULL));
  hits = atlas_test_server_get_hits (server, "/patient.json");
  waiting = atlas_subscriptions_refresh (store, NULL, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (waiting, 0))->outcome, ==, ATLAS_REFRESH_WAITING);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/patient.json"), ==, hits);
  forced = atlas_subscriptions_refresh (store, NULL, TRUE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (forced, 0))->outcome, ==, ATLAS_REFRESH_NOT_MODIFIED);

  g_assert_true (atlas_subscriptions_set_enabled (store, url, FALSE, NULL));
  disabled = atlas_subscriptions_refresh (store, NULL, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (disabled, 0))->outcome, ==, ATLAS_REFRESH_DISABLED);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/patient.json"), ==, hits + 1);
  g_assert_true (atlas_subscriptions_set_enabled (store, url, TRUE, NULL));
  g_assert_false (atlas_subscriptions_set_enabled (store, "https://nowhere.example/", TRUE, NULL));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_cannot_take_over_a_feed (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/impostor.json");
  g_autoptr(AtlasRefreshReport) report = NULL;
  /* Claims to be the bundled HyperAI feed, with an item of the same id. */
  const char *impostor =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Impostor\","
    " \"feed_url\": \"https://computeatlas.github.io/corpus/hyperai.json\","
    " \"items\": [{\"id\": \"urn:compute-atlas:corpus:uk-ai-factories-2025-09\", \"title\": \"Rewritten\"}]}";

  atlas_test_server_set_feed (server, "/impostor.json", impostor);
  report = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (report->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles WHERE title = 'Rewritten'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles WHERE title LIKE 'Usines d''IA%'"), ==, 1);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **reports = user_data;

  *reports = atlas_subscriptions_finish (ATLAS_STORE (source), result, NULL);
}

static void
on_changed (AtlasStore *store,
            guint      *n)
{
  (*n)++;
}

static void
test_refresh_in_worker (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/worker.json");
  g_autofree char *v1 = feed_with_items ("Worker", 1, 1, NULL);
  g_autofree char *v2 = feed_with_items ("Worker", 1, 2, NULL);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  guint changed = 0;

  atlas_test_server_set_feed (server, "/worker.json", v1);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  atlas_test_server_set_feed (server, "/worker.json", v2);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);

  atlas_subscriptions_refresh_async (store, NULL, FALSE, NULL, on_refreshed, &reports);
  while (reports == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  *done = atlas_subscriptions_change_finish (ATLAS_STORE (source), result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

/* What the preferences window does: an OPML file subscribed in a worker,
 * then a feed removed in a worker; the views hear of both. */
static void
test_opml_and_remove_in_worker (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/opml-worker.json");
  g_autofree char *rss_url = atlas_test_server_url (server, "/opml-worker.rss");
  g_autofree char *site_url = atlas_test_server_url (server, "/opml-site/");
  g_autofree char *body = feed_with_items ("From OPML", 1, 2, NULL);
  g_autofree char *rss = rss_with_items ("OPML RSS", 3);
  /* A site naming two feeds: the first is taken, with no one to ask. */
  g_autofree char *page = page_naming ("atom.xml", "elsewhere.xml");
  const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>OPML Atom</title>"
                     "<entry><id>tag:o,1</id><title>One</title></entry></feed>";
  g_autofree char *opml = g_strdup_printf ("<opml version=\"2.0\"><body><outline text=\"x\" xmlUrl=\"%s\"/>"
                                           "<outline text=\"bad\" xmlUrl=\"file:///etc/passwd\"/>"
                                           "<outline type=\"rss\" text=\"r\" xmlUrl=\"%s\"/>"
                                           "<outline type=\"rss\" text=\"s\" xmlUrl=\"%s\"/></body></opml>",
                                           url, rss_url, site_url);
  g_autoptr(GBytes) bytes = g_bytes_new (opml, strlen (opml));
  g_autoptr(GPtrArray) reports = NULL;
  guint changed = 0;
  int removed = 0;

  atlas_test_server_set_feed (server, "/opml-worker.json", body);
  atlas_test_server_set_typed_feed (server, "/opml-worker.rss", rss, "text/xml");
  atlas_test_server_set_typed_feed (server, "/opml-site/", page, "text/html");
  atlas_test_server_set_typed_feed (server, "/opml-site/atom.xml", atom, "application/atom+xml");
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);

  atlas_subscriptions_import_opml_async (store, bytes, NULL, on_refreshed, &reports);
  while (reports == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (reports->len, ==, 4);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (reports, 0))->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (reports, 1))->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (reports, 2))->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (reports, 3))->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_true (g_str_has_suffix (((AtlasRefreshReport *) g_ptr_array_index (reports, 3))->url, "/opml-site/atom.xml"));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 6);

  atlas_subscriptions_remove_async (store, url, NULL, on_removed, &removed);
  while (removed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (removed, ==, 1);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 4);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* RSS served as text/xml, and refreshed with a conditional GET. */
static void
test_rss (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *url = atlas_test_server_url (server, "/news.rss");
  g_autofree char *body = rss_with_items ("Wire", 3);
  g_autoptr(AtlasRefreshReport) added = NULL;
  g_autoptr(GPtrArray) refreshed = NULL;
  g_autoptr(AtlasSubscription) subscription = NULL;

  atlas_test_server_set_typed_feed (server, "/news.rss", body, "text/xml; charset=utf-8");
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (added->import->added, ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles WHERE summary = 'Text'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                                 " WHERE m.entity_id = 'NO'"), ==, 3);
  subscription = atlas_subscriptions_get (store, url, NULL);
  g_assert_cmpstr (subscription->title, ==, "Wire");

  refreshed = atlas_subscriptions_refresh (store, url, FALSE, &limits, NULL);
  g_assert_cmpint (((AtlasRefreshReport *) g_ptr_array_index (refreshed, 0))->outcome, ==, ATLAS_REFRESH_NOT_MODIFIED);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A large RSS document is written page by page while the rest is read: every
 * item is stored and tagged, whatever its page; a document found cut short
 * at its end stores nothing. */
static void
test_rss_read_while_written (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *url = atlas_test_server_url (server, "/large.rss");
  g_autofree char *cut_url = atlas_test_server_url (server, "/cut.rss");
  g_autofree char *body = rss_with_items ("Large", 2600);
  g_autofree char *cut = g_strndup (body, strlen (body) * 9 / 10);
  g_autoptr(AtlasRefreshReport) refused = NULL;
  g_autoptr(AtlasRefreshReport) added = NULL;
  AtlasFetchLimits large = limits;

  large.max_bytes = 4 * 1024 * 1024;
  atlas_test_server_set_typed_feed (server, "/cut.rss", cut, "application/rss+xml");
  refused = atlas_subscriptions_add (store, cut_url, ATLAS_DISCOVERY_OFFER, &large, NULL);
  g_assert_cmpint (refused->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_nonnull (strstr (refused->message, "the document is cut short"));
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  atlas_test_server_set_typed_feed (server, "/large.rss", body, "application/rss+xml");
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, &large, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpuint (added->pages, ==, 1);
  g_assert_cmpuint (added->import->added, ==, 2600);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id"
                                 " WHERE f.url LIKE '%/large.rss'"), ==, 2600);
  /* Tagged on the first page by the importer, on the others in the
   * reading thread with the import's tagger: the same in both. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                                 " JOIN feeds f ON f.id = a.feed_id WHERE f.url LIKE '%/large.rss' AND m.entity_id = 'NO'"),
                   ==, 2600);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'large'"), ==, 2600);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A site's address: the one feed its page names is subscribed to; several
 * are offered, or the first taken. */
static void
test_discovery (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *one_page = atlas_test_server_url (server, "/site-one/");
  g_autofree char *two_page = atlas_test_server_url (server, "/site-two/");
  g_autofree char *feed_url = atlas_test_server_url (server, "/site-one/feed.xml");
  g_autofree char *atom_url = atlas_test_server_url (server, "/site-two/atom.xml");
  g_autofree char *page_one = page_naming ("feed.xml", NULL);
  g_autofree char *page_two = page_naming ("/site-one/feed.xml", "atom.xml");
  g_autofree char *rss = rss_with_items ("Site", 2);
  g_autofree char *atom = g_strdup ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom site</title>"
                                    "<entry><id>tag:a,1</id><title>One</title></entry></feed>");
  g_autoptr(AtlasRefreshReport) one = NULL;
  g_autoptr(AtlasRefreshReport) twice = NULL;
  g_autoptr(AtlasRefreshReport) offered = NULL;
  g_autoptr(AtlasRefreshReport) first = NULL;
  g_autoptr(AtlasSubscription) subscription = NULL;
  const AtlasFeedLink *link;

  atlas_test_server_set_typed_feed (server, "/site-one/", page_one, "text/html; charset=utf-8");
  atlas_test_server_set_typed_feed (server, "/site-two/", page_two, "text/html");
  atlas_test_server_set_typed_feed (server, "/site-one/feed.xml", rss, "application/rss+xml");
  atlas_test_server_set_typed_feed (server, "/site-two/atom.xml", atom, "application/octet-stream");

  one = atlas_subscriptions_add (store, one_page, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (one->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpstr (one->url, ==, feed_url);
  g_assert_cmpstr (one->page_url, ==, one_page);
  subscription = atlas_subscriptions_get (store, feed_url, NULL);
  g_assert_nonnull (subscription);
  g_assert_null (atlas_subscriptions_get (store, one_page, NULL));
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles"), ==, 2);

  /* The same site again is the same feed. */
  twice = atlas_subscriptions_add (store, one_page, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (twice->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_cmpstr (twice->message, ==, "Already subscribed");

  offered = atlas_subscriptions_add (store, two_page, ATLAS_DISCOVERY_OFFER, &limits, NULL);
  g_assert_cmpint (offered->outcome, ==, ATLAS_REFRESH_FAILED);
  g_assert_nonnull (strstr (offered->message, "names 2 feeds; choose one"));
  g_assert_cmpuint (offered->feed_links->len, ==, 2);
  link = g_ptr_array_index (offered->feed_links, 0);
  g_assert_cmpstr (link->url, ==, feed_url);
  g_assert_cmpstr (link->title, ==, "All stories");
  link = g_ptr_array_index (offered->feed_links, 1);
  g_assert_cmpstr (link->url, ==, atom_url);
  g_assert_null (atlas_subscriptions_get (store, two_page, NULL));

  first = atlas_fetch_and_import (store, two_page, ATLAS_DISCOVERY_FIRST, &limits, NULL);
  g_assert_cmpint (first->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpstr (first->url, ==, feed_url);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_store_migrates_to_subscriptions (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (atlas_store_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO feeds (key, title) VALUES ('k', 'Old feed');"
                                       "INSERT INTO articles (feed_id, item_id, title) VALUES (1, 'a', 'Kept');",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  store = atlas_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "PRAGMA user_version"), ==, ATLAS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (store, "SELECT count(*) FROM articles WHERE title = 'Kept'"), ==, 1);
  list = atlas_subscriptions_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  atlas_fetch_limits_init (&limits);
  limits.io_timeout_seconds = 2;
  limits.deadline_ms = 3000;
  limits.max_bytes = 1024 * 1024;
  server = atlas_test_server_new ();

  g_test_add_func ("/subscriptions/life-cycle", test_life_cycle);
  g_test_add_func ("/subscriptions/paging", test_paging);
  g_test_add_func ("/subscriptions/paging-limits", test_paging_limits);
  g_test_add_func ("/subscriptions/paging-cancelled", test_paging_cancelled);
  g_test_add_func ("/subscriptions/failures-keep-the-store", test_failures_keep_the_store);
  g_test_add_func ("/subscriptions/disk-full", test_disk_full);
  g_test_add_func ("/subscriptions/failure-on-refresh", test_failure_on_refresh);
  g_test_add_func ("/subscriptions/waiting-and-disabled", test_waiting_and_disabled);
  g_test_add_func ("/subscriptions/cannot-take-over-a-feed", test_cannot_take_over_a_feed);
  g_test_add_func ("/subscriptions/refresh-in-worker", test_refresh_in_worker);
  g_test_add_func ("/subscriptions/opml-and-remove-in-worker", test_opml_and_remove_in_worker);
  g_test_add_func ("/subscriptions/store-migrates", test_store_migrates_to_subscriptions);
  g_test_add_func ("/subscriptions/rss", test_rss);
  g_test_add_func ("/subscriptions/rss-read-while-written", test_rss_read_while_written);
  g_test_add_func ("/subscriptions/discovery", test_discovery);

  status = g_test_run ();
  atlas_test_server_free (server);
  return status;
}
