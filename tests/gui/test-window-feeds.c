/* test-window-feeds.c: the window and feeds: the bundled corpus, hostile feeds, refreshing, subscribing in Preferences */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "atlas-article.h"
#include "atlas-application.h"
#include "atlas-article-list.h"
#include "atlas-article-row.h"
#include "atlas-chip-line-private.h"
#include "atlas-entity-item.h"
#include "atlas-entity-table-private.h"
#include "atlas-event-item.h"
#include "atlas-event-table-private.h"
#include "atlas-facet-chooser-private.h"
#include "atlas-facet-item.h"
#include "atlas-feed-reader.h"
#include "atlas-filter-sidebar.h"
#include "atlas-generator.h"
#include "atlas-gui.h"
#include "atlas-graph-view-private.h"
#include "atlas-importer.h"
#include "atlas-locale.h"
#include "atlas-preferences-window.h"
#include "atlas-query.h"
#include "atlas-subscriptions.h"
#include "atlas-test-gtk.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"
#include "atlas-timeline-view-private.h"
#include "atlas-window-private.h"
#include "window-test-util.h"
#include "atlas-palette.h"


static gboolean
is_shown_label_starting (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix) &&
         gtk_widget_is_drawable (widget);
}

static GtkLabel *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  return GTK_LABEL (find_widget (widget, is_shown_label_starting, prefix));
}


/* A feed built to hurt: a megabyte of markup, bidi overrides, joiners,
 * emoji and combining marks in one title; ten thousand entities, all
 * mentioned by one item; a relation of an entity to itself; dates in years
 * 0, 1 and 9999. It is capped as docs/feed-format.md says, shows as plain
 * text, and the graph and the timeline stay usable (any GTK warning fails
 * the test). */
static void
test_hostile_feed_end_to_end (void)
{
  static const char *piece = "&<b>x</b><span size=\"99999999\">\u202E\u200D🙂e\u0301 ";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) feed = g_string_new (NULL);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(AtlasImportReport) report = NULL;
  g_autofree char *quoted = NULL;
  AtlasWindow *window = NULL;
  AtlasGraphView *graph;
  AtlasTimelineView *timeline;
  gint64 start, end;
  GtkLabel *label;

  while (huge->len < 1024 * 1024)
    g_string_append (huge, piece);
  json_node_set_string (node, huge->str);
  quoted = json_to_string (node, FALSE);

  g_string_append (feed, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Hostile\", "
                         "\"_atlas\": {\"version\": 1, \"entities\": [");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (feed, "%s{\"id\": \"c%u\", \"kind\": \"company\", \"name\": \"Company %u\", \"country\": \"%s\"}",
                            i ? ", " : "", i, i, i % 2 ? "FR" : "GB");
  g_string_append_printf (feed, "]}, \"items\": [{\"id\": \"hostile\", \"title\": %s, \"content_text\": %s, "
                                "\"date_published\": \"2026-01-01T00:00:00Z\", \"_atlas\": {\"mentions\": [",
                          quoted, quoted);
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (feed, "%s\"c%u\"", i ? ", " : "", i);
  g_string_append (feed, "], \"relations\": [{\"subject\": \"c1\", \"predicate\": \"owns\", \"object\": \"c1\"},"
                         " {\"subject\": \"c1\", \"predicate\": \"owns\", \"object\": \"c2\"}],"
                         " \"events\": [{\"date\": \"0000-01-01\", \"kind\": \"opening\", \"title\": \"Year zero\"},"
                         " {\"date\": \"0001-01-01\", \"kind\": \"opening\", \"title\": \"Year one\", \"entities\": [\"c1\"]},"
                         " {\"date\": \"9999-12-31\", \"kind\": \"opening\", \"title\": \"The last day\", \"entities\": [\"c2\"]}]}}]}");

  report = atlas_import_data (store, feed->str, feed->len, "hostile.json", NULL);
  g_assert_null (report->error);
  g_assert_cmpuint (report->added, ==, 1);
  {
    gboolean told = FALSE;

    for (guint i = 0; i < report->messages->len; i++)
      told |= strstr (g_ptr_array_index (report->messages, i), "to itself") != NULL;
    g_assert_true (told);
  }

  open_window (store, &window);
  g_assert_cmpuint (n_articles (window), ==, 3);
  select_first_article (window);

  /* The reader shows the title as typed, cut to the string limit on a
   * character boundary. */
  label = find_label_with_prefix (GTK_WIDGET (window), piece);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpuint (strlen (gtk_label_get_text (label)), <=, ATLAS_FEED_DEFAULT_MAX_STRING_BYTES);
  g_assert_true (g_utf8_validate (gtk_label_get_text (label), -1, NULL));

  graph = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
  atlas_test_wait_for_graph (graph);
  /* 500 mentions kept of 10,000, besides the corpus's. */
  g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), <=, 65 + 500 + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.fit", NULL));

  timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
  wait_for_timeline (timeline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  atlas_timeline_view_get_range (timeline, &start, &end);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (start, >=, -62135596800 - 400LL * 86400 * 365);  /* around year 1 */
  g_assert_cmpint (end, <=, 253402300800 + 400LL * 86400 * 365);    /* around 10000 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "d", 2.0));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "test-window-hostile.png");

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static gint64
count_rows (AtlasStore *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The button with `tooltip` of the row of the file `key`. */
static GtkWidget *
find_remove_button (GtkWidget  *root,
                    const char *tooltip,
                    const char *key)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), tooltip) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (w), "key"), key) == 0)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return NULL;
}

/* The site data imported, listed in Preferences with what each file
 * brought; removing one asks first, then takes its sites and leaves the
 * articles and the other files. */
static void
test_preferences_site_data (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  static const char *const names[] = { "gpu_clusters.csv", "data_centers.csv" };
  AtlasPreferencesWindow *prefs;
  AtlasPreferencesWindow *weak;
  AdwMessageDialog *dialog;
  GtkWidget *remove;
  gint64 deadline;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = 0;
      g_autofree char *csv = atlas_test_epoch_file (names[i], &length);
      g_autoptr(AtlasImportReport) report = NULL;

      if (csv == NULL)
        {
          g_clear_object (&store);
          atlas_test_remove_dir (dir);
          return;
        }
      report = atlas_import_data (store, csv, length, names[i], NULL);
      g_assert_null (report->error);
    }

  prefs = atlas_preferences_window_new (NULL, store);
  weak = prefs;
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (prefs));
  atlas_test_wait_for_frames (GTK_WIDGET (prefs));
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Epoch AI: GPU clusters"));
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Epoch AI: frontier data centers"));
  g_assert_nonnull (find_label_with_prefix (GTK_WIDGET (prefs), "786 sites · imported "));
  save_png (GTK_WIDGET (prefs), "test-preferences-site-data.png");

  remove = find_remove_button (GTK_WIDGET (prefs), "Remove this file’s sites and events", "epoch:data_centers");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  atlas_test_drain ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Epoch AI: frontier data centers”?");
  adw_message_dialog_response (dialog, "remove");

  deadline = atlas_test_deadline (20);
  while (find_label (GTK_WIDGET (prefs), "Epoch AI: frontier data centers") != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_label (GTK_WIDGET (prefs), "Epoch AI: frontier data centers"));
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Epoch AI: GPU clusters"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sites WHERE source_file = 'data_centers.csv'"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sites"), ==, 786);
  /* The data centres no other file names are gone; those it shares stay. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM entities WHERE kind = 'site'"), ==, 786 + 8);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM articles"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (prefs));
  atlas_test_drain ();
  g_assert_null (weak);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_first_run_imports_corpus (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  AtlasWindow *window = atlas_window_new (NULL, store);
  gboolean done = FALSE;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (atlas_window_get_importing (window));
  g_signal_connect (window, "notify::importing", G_CALLBACK (on_importing_changed), &done);
  gtk_window_present (GTK_WINDOW (window));

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 2);
  /* Epoch AI's sites come with them: a real atlas from the first start. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sites WHERE source_file = 'gpu_clusters.csv'"), ==, 786);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sites WHERE source_file = 'data_centers.csv'"), ==, 17);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM events WHERE kind = 'funding' AND article_id IS NULL"), ==, 36);

  /* The timeline opened on an empty store, and fits the corpus once it is
   * there: from the 2017 event on. */
  {
    AtlasTimelineView *timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
    gint64 start, end;

    wait_for_timeline (timeline);
    atlas_timeline_view_get_range (timeline, &start, &end);
    g_assert_cmpint (start, <, 1483228800);                   /* 2017-01-01 */
  }

  close_window (&window);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static char *
feed_body (guint n_items)
{
  GString *text = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Remote <b>News</b>\", \"items\": [");

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, "%s{\"id\": \"r%u\", \"title\": \"Remote %u\", \"date_published\": \"2031-01-%02uT00:00:00Z\"}",
                            i ? ", " : "", i, i, i + 1);
  g_string_append (text, "]}");
  return g_string_free (text, FALSE);
}

static void
wait_until_refreshed (AtlasWindow *window)
{
  gint64 deadline = atlas_test_deadline (20);

  while (atlas_window_get_refreshing (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_window_get_refreshing (window));
  atlas_test_drain ();
}

/* A refresh in the background while the list is shown: the new article
 * arrives, the selected one stays selected, a toast says what came. */
static void
test_refresh_while_reading (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *url = atlas_test_server_url (server, "/remote.json");
  g_autofree char *one = feed_body (1);
  g_autofree char *two = feed_body (2);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasRefreshReport) added = NULL;
  AtlasWindow *window = NULL;
  AtlasViewState *state;
  gint64 selected;

  atlas_test_server_set_feed (server, "/remote.json", one);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, NULL, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);

  state = atlas_window_get_view_state (open_window (store, &window));
  /* Refreshed a moment ago: nothing is due at start. */
  g_assert_false (atlas_window_get_refreshing (window));
  g_assert_cmpuint (n_articles (window), ==, 3);
  {
    g_autoptr(GObject) last = g_list_model_get_item (atlas_window_get_articles (window), 2);
    selected = atlas_article_get_id (ATLAS_ARTICLE (last));
  }
  atlas_view_state_set_selected_article (state, selected);
  atlas_test_drain ();

  atlas_test_server_set_feed (server, "/remote.json", two);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (atlas_window_get_refreshing (window));
  g_assert_false (action_buttons_sensitive (GTK_WIDGET (window), "win.refresh"));
  wait_until_refreshed (window);

  g_assert_cmpuint (n_articles (window), ==, 4);
  g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, selected);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "1 new article"));
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "win.refresh"));

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A refresh on a full disk: the toast says the disk is full, not that
 * some feeds failed, and the articles shown stay. The store is on a 1 MiB
 * tmpfs, in a run of this test in a mount namespace of its own. */
static void
test_refresh_disk_full (void)
{
  g_autoptr(AtlasTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *one = feed_body (1);
  g_autoptr(GString) large = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
  g_autofree char *padding = g_strnfill (8000, 'x');
  g_autofree char *dir = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasRefreshReport) added = NULL;
  AtlasWindow *window = NULL;

  if (rerun_in_mount_namespace ())
    return;

  dir = atlas_test_make_dir ();
  mount_small_disk (dir);
  store = atlas_test_corpus_store (dir);
  server = atlas_test_server_new ();
  url = atlas_test_server_url (server, "/remote.json");
  atlas_test_server_set_feed (server, "/remote.json", one);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, NULL, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (large, "%s{\"id\": \"big%u\", \"title\": \"Big %u\", \"content_text\": \"%u %s\"}",
                            i ? ", " : "", i, i, i, padding);
  g_string_append (large, "]}");
  atlas_test_server_set_feed (server, "/remote.json", large->str);

  open_window (store, &window);
  g_assert_cmpuint (n_articles (window), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  wait_until_refreshed (window);

  g_assert_nonnull (find_label (GTK_WIDGET (window),
                                "The disk is full: new articles could not be stored. Free some space, then refresh."));
  g_assert_cmpuint (n_articles (window), ==, 3);
  /* The toast slides in: about half a second of frames lets it arrive. */
  for (guint i = 0; i < 15; i++)
    atlas_test_wait_for_frames (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "test-window-disk-full.png");

  close_window (&window);
  g_clear_object (&store);
  unmount_small_disk (dir);
  atlas_test_remove_dir (dir);
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* A refresh where a feed fails says how many, and its toast leads to
 * Preferences, where each feed tells what went wrong. */
static void
test_refresh_failure_has_details (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *url = atlas_test_server_url (server, "/failing.json");
  g_autofree char *one = feed_body (1);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasRefreshReport) added = NULL;
  AtlasWindow *window = NULL;
  GtkWidget *details;

  atlas_test_server_set_feed (server, "/failing.json", one);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, NULL, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  open_window (store, &window);

  atlas_test_server_set_feed (server, "/failing.json", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  wait_until_refreshed (window);

  g_assert_nonnull (find_label (GTK_WIDGET (window), "0 new articles; 1 feed could not be refreshed"));
  details = find_widget (GTK_WIDGET (window), is_button_for, "app.preferences");
  g_assert_nonnull (details);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (details)), ==, "_Details");

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A subscription last refreshed longer ago than the interval is refreshed
 * as the window opens, without being asked. */
static void
test_refresh_when_due (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *url = atlas_test_server_url (server, "/due.json");
  g_autofree char *one = feed_body (1);
  g_autofree char *two = feed_body (2);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasRefreshReport) added = NULL;
  AtlasWindow *window = NULL;

  atlas_test_server_set_feed (server, "/due.json", one);
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, NULL, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_true (atlas_store_exec (store, "UPDATE feeds SET last_checked = last_checked - 2 * 3600 WHERE url IS NOT NULL", NULL));
  atlas_test_server_set_feed (server, "/due.json", two);

  open_window (store, &window);
  wait_until_refreshed (window);
  g_assert_cmpuint (n_articles (window), ==, 4);

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Subscribing through the preferences: the address typed in the entry row,
 * fetched in a worker, and the feed listed with its title as plain text. */
static void
test_preferences_subscribe (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *url = atlas_test_server_url (server, "/remote.json");
  g_autofree char *body = feed_body (2);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasPreferencesWindow *prefs = atlas_preferences_window_new (NULL, store);
  AtlasPreferencesWindow *weak = prefs;
  GtkWidget *entry;
  gint64 deadline;

  atlas_test_server_set_feed (server, "/remote.json", body);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (prefs));
  atlas_test_wait_for_frames (GTK_WIDGET (prefs));

  entry = find_by_type (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  save_png (GTK_WIDGET (prefs), "test-preferences-empty.png");
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "No subscriptions yet"));

  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_signal_emit_by_name (entry, "apply");
  deadline = atlas_test_deadline (20);
  while (find_label (GTK_WIDGET (prefs), "Remote <b>News</b>") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* The title comes from the server: shown as typed, never as markup. */
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Remote <b>News</b>"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  save_png (GTK_WIDGET (prefs), "test-preferences.png");

  /* Removing asks first; confirming removes the feed and its articles. */
  {
    GtkWidget *remove = NULL;
    AdwMessageDialog *dialog;
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, prefs);
    while (stack->len > 0 && remove == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Remove this feed and its articles") == 0)
          remove = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    atlas_test_drain ();

    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Remote <b>News</b>”?");
    adw_message_dialog_response (dialog, "remove");

    deadline = atlas_test_deadline (20);
    while (find_label (GTK_WIDGET (prefs), "No subscriptions yet") == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (find_label (GTK_WIDGET (prefs), "No subscriptions yet"));
    {
      g_autoptr(GPtrArray) feeds = atlas_subscriptions_list (store, NULL);
      g_assert_cmpuint (feeds->len, ==, 0);
    }
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  atlas_test_drain ();
  g_assert_null (weak);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static gboolean
is_shown_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         gtk_widget_is_drawable (widget);
}

/* A site's address that names two feeds: Preferences offers both, by the
 * titles the page gives them, and subscribes to the one chosen. */
static void
test_preferences_choose_a_feed (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *page_url = atlas_test_server_url (server, "/site/");
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasPreferencesWindow *prefs = atlas_preferences_window_new (NULL, store);
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Site</title>"
    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All <b>stories</b>\" href=\"/site/rss.xml\">"
    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Data centres only\" href=\"/site/dc.atom\">"
    "</head><body></body></html>";
  static const char atom[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Data centre desk</title>"
    "<entry><id>tag:site,1</id><title>A campus in Norway</title><link href=\"https://site.example/1\"/>"
    "<updated>2025-09-18T10:00:00Z</updated></entry></feed>";
  GtkWidget *entry, *subscribe;
  gint64 deadline;

  atlas_test_server_set_typed_feed (server, "/site/", page, "text/html");
  atlas_test_server_set_typed_feed (server, "/site/dc.atom", atom, "application/atom+xml");
  gtk_window_present (GTK_WINDOW (prefs));
  atlas_test_wait_for_frames (GTK_WIDGET (prefs));

  entry = find_by_type (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), page_url);
  g_signal_emit_by_name (entry, "apply");
  deadline = atlas_test_deadline (20);
  while (find_label (GTK_WIDGET (prefs), "Data centres only") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  atlas_test_wait_for_frames (GTK_WIDGET (prefs));

  /* Both feeds, their titles as plain text. */
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "All <b>stories</b>"));
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Data centres only"));
  save_png (GTK_WIDGET (prefs), "test-preferences-choose.png");
  {
    g_autoptr(GPtrArray) feeds = atlas_subscriptions_list (store, NULL);
    g_assert_cmpuint (feeds->len, ==, 0);
  }

  /* The second row's button. */
  subscribe = find_widget (gtk_widget_get_ancestor (GTK_WIDGET (find_label (GTK_WIDGET (prefs), "Data centres only")),
                                                    ADW_TYPE_ACTION_ROW),
                           is_shown_button_labelled, "_Subscribe");
  g_assert_nonnull (subscribe);
  g_signal_emit_by_name (subscribe, "clicked");
  deadline = atlas_test_deadline (20);
  while (find_label (GTK_WIDGET (prefs), "Data centre desk") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_label (GTK_WIDGET (prefs), "Data centre desk"));
  g_assert_null (find_label (GTK_WIDGET (prefs), "Data centres only"));
  {
    g_autofree char *atom_url = atlas_test_server_url (server, "/site/dc.atom");
    g_autoptr(AtlasSubscription) subscription = atlas_subscriptions_get (store, atom_url, NULL);
    g_assert_nonnull (subscription);
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  atlas_test_drain ();
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Holds every connection it accepts and never answers: a subscription to
 * it waits until it is cancelled. */
static gboolean
on_incoming_held (GSocketService    *service,
                  GSocketConnection *connection,
                  GObject           *source,
                  GPtrArray         *held)
{
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

/* While a subscription waits, the address row keeps the keyboard focus,
 * read-only: made insensitive, it lost the focus without its text being
 * told, and the cursor's next blink warned "GtkText - did not receive a
 * focus-out event" (fatal here). A second Enter asks nothing more. */
static void
test_preferences_subscribe_keeps_focus (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/feed.xml", port);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasPreferencesWindow *prefs;
  GtkWidget *entry;
  gint64 deadline;

  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming_held), held);
  g_socket_service_start (service);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", TRUE, "gtk-cursor-blink-time", 100, NULL);

  prefs = atlas_preferences_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (prefs));
  atlas_test_wait_for_frames (GTK_WIDGET (prefs));
  entry = find_by_type (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_grab_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_signal_emit_by_name (entry, "apply");

  /* Many blinks while it waits. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (prefs)), entry));
  g_signal_emit_by_name (entry, "apply");
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (held->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  atlas_test_drain ();
  g_socket_service_stop (service);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();
  /* A blinking cursor's timer that fires after a window lost the focus
   * makes GtkText warn that it got no focus-out event ("did not receive a
   * focus-out event"), which fails a test run with fatal warnings whenever
   * the machine is slow enough, as the sanitizer build is. No test looks
   * at the cursor's blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/window/hostile-feed-end-to-end", test_hostile_feed_end_to_end);
  g_test_add_func ("/window/first-run-imports-corpus", test_first_run_imports_corpus);
  g_test_add_func ("/window/refresh-while-reading", test_refresh_while_reading);
  g_test_add_func ("/window/refresh-disk-full", test_refresh_disk_full);
  g_test_add_func ("/window/refresh-failure-has-details", test_refresh_failure_has_details);
  g_test_add_func ("/window/refresh-when-due", test_refresh_when_due);
  g_test_add_func ("/window/preferences-subscribe", test_preferences_subscribe);
  g_test_add_func ("/window/preferences-subscribe-keeps-focus", test_preferences_subscribe_keeps_focus);
  g_test_add_func ("/window/preferences-choose-a-feed", test_preferences_choose_a_feed);
  g_test_add_func ("/window/preferences-site-data", test_preferences_site_data);

  return g_test_run ();
}
