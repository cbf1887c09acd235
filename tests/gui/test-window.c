/* The main window, built from its resources on a test store, driven through
 * its actions as the sidebar and chips drive it. */
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
#include "atlas-chip-line.h"
#include "atlas-entity-item.h"
#include "atlas-entity-table.h"
#include "atlas-event-item.h"
#include "atlas-event-table.h"
#include "atlas-facet-chooser.h"
#include "atlas-facet-item.h"
#include "atlas-feed-reader.h"
#include "atlas-filter-sidebar.h"
#include "atlas-generator.h"
#include "atlas-gui.h"
#include "atlas-graph-view.h"
#include "atlas-importer.h"
#include "atlas-locale.h"
#include "atlas-preferences-window.h"
#include "atlas-query.h"
#include "atlas-subscriptions.h"
#include "atlas-test-gtk.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"
#include "atlas-timeline-view.h"
#include "atlas-window.h"

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
count_if_busy (AtlasGraphView *graph,
               guint          *count)
{
  if (atlas_graph_view_get_busy (graph))
    (*count)++;
}

static guint
n_articles (AtlasWindow *window)
{
  return g_list_model_get_n_items (atlas_window_get_articles (window));
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  wanted);

/* The first widget of the tree, depth first, that `matches`. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    matches,
             gconstpointer  wanted)
{
  if (matches (widget, wanted))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, wanted);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first open window of `type`, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_drawable (widget);
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return GTK_LABEL (find_widget (widget, is_shown_label, text));
}

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

/* Whether the buttons bound to `action` can be pressed: what a person sees
 * of an action's enabled state. */
static gboolean
action_buttons_sensitive (GtkWidget  *widget,
                          const char *action)
{
  gboolean found = FALSE, sensitive = TRUE;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_ACTIONABLE (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        {
          found = TRUE;
          sensitive = sensitive && gtk_widget_is_sensitive (w);
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_true (found);
  return sensitive;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkTexture) texture = atlas_test_render (widget);
  g_autofree char *path = g_build_filename (g_getenv ("MESON_BUILD_ROOT") ? g_getenv ("MESON_BUILD_ROOT") : ".",
                                            name, NULL);

  g_assert_cmpint (gdk_texture_get_width (texture), >, 300);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("window rendered to %s", path);
}

static AtlasWindow *
open_window (AtlasStore   *store,
             AtlasWindow **weak)
{
  AtlasWindow *window = atlas_window_new (NULL, store);

  *weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) weak);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  return window;
}

/* Closing must finalize the window: nothing may keep it alive. */
static void
close_window (AtlasWindow **weak)
{
  gtk_window_destroy (GTK_WINDOW (*weak));
  atlas_test_drain ();
  g_assert_null (*weak);
}

/* Selects the list's first article through the shared state, as a click
 * does, and lets the reader show it. */
static void
select_first_article (AtlasWindow *window)
{
  g_autoptr(GObject) first = g_list_model_get_item (atlas_window_get_articles (window), 0);

  atlas_view_state_set_selected_article (atlas_window_get_view_state (window), atlas_article_get_id (ATLAS_ARTICLE (first)));
  atlas_test_drain ();
}

static void
test_filters_through_actions (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = NULL;
  AtlasViewState *state = atlas_window_get_view_state (open_window (store, &window));

  g_assert_cmpuint (n_articles (window), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "2 articles"));
  /* Nothing to clear yet. */
  g_assert_false (action_buttons_sensitive (GTK_WIDGET (window), "win.clear-filters"));

  /* The country facet's action, as a tick in the sidebar sends it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "NO"));
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "1 article"));
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "win.clear-filters"));

  /* Norway and Nscale together: nothing, and the empty state offers a way
   * back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s", "nscale"));
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "No Matching Articles"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 2);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));

  /* A chip in the reader sends the entity action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entity", "s", "loughton-supercomputer"));
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);

  /* Typing in the search box, then Escape from the list. */
  {
    GtkWidget *entry = gtk_window_get_focus (GTK_WINDOW (window));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL);
    entry = gtk_window_get_focus (GTK_WINDOW (window));
    g_assert_true (GTK_IS_TEXT (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "Écosse");
    /* The entry waits a moment before it reports a search. */
    for (guint i = 0; i < 40 && n_articles (window) != 1; i++)
      {
        g_usleep (10000);
        atlas_test_drain ();
      }
    g_assert_cmpuint (n_articles (window), ==, 1);
    g_assert_cmpstr (atlas_view_state_get_filter (state)->text, ==, "Écosse");
  }
  atlas_view_state_set_text (state, NULL);
  atlas_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window)))), ==, "");
  g_assert_cmpuint (n_articles (window), ==, 2);

  /* Text set elsewhere replaces the entry's: the entry must not report its
   * own emptying on the way, which dropped the new text (and read it after
   * it was freed). */
  atlas_view_state_set_text (state, "Loughton");
  atlas_view_state_set_text (state, "Écosse");
  g_assert_cmpstr (atlas_view_state_get_filter (state)->text, ==, "Écosse");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window)))), ==, "Écosse");
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 1);
  atlas_view_state_set_text (state, NULL);

  save_png (GTK_WIDGET (window), "test-window.png");

  close_window (&window);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_hostile_text_is_plain (void)
{
  static const char *title = "<b>Bold</b> & <span size=\"99999999\">huge</span> \u202Eevil \u200D🙂 e\u0301";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *feed = NULL;
  g_autoptr(AtlasImportReport) report = NULL;
  g_autoptr(JsonNode) title_node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;
  AtlasWindow *window = NULL;
  GtkLabel *label;

  open_window (store, &window);

  json_node_set_string (title_node, title);
  quoted = json_to_string (title_node, FALSE);
  feed = g_strdup_printf ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"h\","
                          " \"title\": %s, \"content_text\": %s, \"url\": \"javascript:alert(1)\","
                          " \"date_published\": \"2030-01-01T00:00:00Z\"}]}", quoted, quoted);
  report = atlas_import_data (store, feed, strlen (feed), "hostile.json", NULL);
  g_assert_cmpuint (report->added, ==, 1);
  atlas_store_emit_changed (store);
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 3);

  /* Selecting through the shared state shows the reader. */
  select_first_article (window);

  label = find_label (GTK_WIDGET (window), title);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  /* javascript: is not a link to open: the action is off and its button hidden. */
  g_assert_false (action_buttons_sensitive (GTK_WIDGET (window), "reader.open-original"));

  close_window (&window);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
on_importing_changed (AtlasWindow *window,
                      GParamSpec  *pspec,
                      gboolean    *done)
{
  if (!atlas_window_get_importing (window))
    *done = TRUE;
}

static GtkWidget *find_by_type (GtkWidget *widget,
                                GType      type);

static void
wait_for_timeline (AtlasTimelineView *timeline)
{
  gint64 deadline = atlas_test_deadline (20);

  atlas_test_drain ();
  while (atlas_timeline_view_get_busy (timeline) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_timeline_view_get_busy (timeline));
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

/* Runs a command to its end; TRUE when it succeeded. */
static gboolean
run_command (const char *const *argv)
{
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Runs this test again in a child process, after `wrapper` (a command that
 * runs the rest of its arguments) and with `variables` (name, value, …,
 * NULL) added to its environment; the child sees ATLAS_TEST_RERUN. */
static void
rerun_test (const char *const *wrapper,
            const char        *first_variable,
            ...)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "ATLAS_TEST_RERUN", "1", TRUE);
  g_autoptr(GError) error = NULL;
  const char *name = first_variable;
  int status = 0;
  va_list args;

  g_assert_nonnull (self);
  va_start (args, first_variable);
  for (; name != NULL; name = va_arg (args, const char *))
    env = g_environ_setenv (env, name, va_arg (args, const char *), TRUE);
  va_end (args);

  for (guint i = 0; wrapper != NULL && wrapper[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) wrapper[i]);
  g_ptr_array_add (argv, self);
  g_ptr_array_add (argv, "-p");
  g_ptr_array_add (argv, (gpointer) g_test_get_path ());
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static gboolean
is_rerun (void)
{
  return g_getenv ("ATLAS_TEST_RERUN") != NULL;
}

/* Runs this test again in a private mount namespace, where it may mount a
 * small disk of its own. FALSE when it is that second run. */
static gboolean
rerun_in_mount_namespace (void)
{
  static const char *const probe[] = { "unshare", "--mount", "--map-root-user", "true", NULL };
  static const char *const wrapper[] = { "unshare", "--mount", "--map-root-user", "--propagation", "private", NULL };

  if (is_rerun ())
    return FALSE;
  if (!run_command (probe))
    g_test_skip ("this machine does not allow mount namespaces");
  else
    rerun_test (wrapper, NULL);
  return TRUE;
}

static void
mount_small_disk (const char *dir)
{
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir, NULL };

  g_assert_true (run_command (argv));
}

/* Detached at once, even while the application still holds the store on
 * it: the folder below is left empty. */
static void
unmount_small_disk (const char *dir)
{
  const char *argv[] = { "umount", "--lazy", dir, NULL };

  g_assert_true (run_command (argv));
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

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  return find_widget (widget, is_of_type, &type);
}

static gboolean
is_list_of (GtkWidget     *widget,
            gconstpointer  articles)
{
  GtkSelectionModel *model;

  return GTK_IS_LIST_VIEW (widget) && (model = gtk_list_view_get_model (GTK_LIST_VIEW (widget))) != NULL &&
         GTK_IS_SINGLE_SELECTION (model) && gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == articles;
}

/* The article list's selection. */
static GtkSingleSelection *
find_article_selection (AtlasWindow *window)
{
  GtkWidget *list = find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window));

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
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

/* The graph beside the list: built in the background, a node filters the
 * articles, an opened article takes its place and Back brings it back. */
static void
test_graph_beside_the_list (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = NULL;
  AtlasGraphView *graph;

  open_window (store, &window);
  graph = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
  g_assert_nonnull (graph);
  atlas_test_wait_for_graph (graph);
  g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==, 65);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (graph)));
  save_png (GTK_WIDGET (window), "test-window-graph.png");

  /* Dragging a node moves it by as much as the pointer and pins it. */
  {
    GtkEventController *drag = atlas_test_find_controller (GTK_WIDGET (graph), GTK_TYPE_GESTURE_DRAG);
    graphene_point_t before, after, other_before, other_after;
    guint index;

    g_assert_true (atlas_graph_view_get_node_point (graph, "coreweave", &before));
    g_assert_true (atlas_graph_view_get_node_point (graph, "nvidia", &other_before));
    g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (graph), "coreweave", &index));
    g_assert_false (atlas_graph_get_node (atlas_graph_view_get_graph (graph), index)->pinned);

    g_signal_emit_by_name (drag, "drag-begin", (double) before.x, (double) before.y);
    g_signal_emit_by_name (drag, "drag-update", 40.0, 30.0);
    g_signal_emit_by_name (drag, "drag-end", 40.0, 30.0);
    atlas_test_drain ();

    g_assert_true (atlas_graph_view_get_node_point (graph, "coreweave", &after));
    g_assert_cmpfloat_with_epsilon (after.x - before.x, 40.0, 0.5);
    g_assert_cmpfloat_with_epsilon (after.y - before.y, 30.0, 0.5);
    /* It was the node that moved, not the view. */
    g_assert_true (atlas_graph_view_get_node_point (graph, "nvidia", &other_after));
    g_assert_true (graphene_point_equal (&other_before, &other_after));
    g_assert_true (atlas_graph_get_node (atlas_graph_view_get_graph (graph), index)->pinned);
    g_assert_false (atlas_graph_view_get_node_point (graph, "no-such-entity", &after));
  }

  /* The view exports as PNG and as SVG, at its size on screen. */
  {
    g_autofree char *png_path = g_build_filename (dir, "graph.png", NULL);
    g_autofree char *svg_path = g_build_filename (dir, "graph.svg", NULL);
    g_autoptr(GFile) png = g_file_new_for_path (png_path);
    g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
    g_autoptr(GdkTexture) texture = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    g_autoptr(GAsyncResult) png_result = NULL;
    g_autoptr(GAsyncResult) svg_result = NULL;

    atlas_graph_view_export_async (graph, png, FALSE, NULL, keep_result, &png_result);
    g_assert_true (atlas_graph_view_export_finish (graph, wait_for_result (&png_result), &error));
    g_assert_no_error (error);
    texture = gdk_texture_new_from_file (png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==,
                     gtk_widget_get_width (GTK_WIDGET (graph)) * gtk_widget_get_scale_factor (GTK_WIDGET (graph)));

    atlas_graph_view_export_async (graph, svg, TRUE, NULL, keep_result, &svg_result);
    g_assert_true (atlas_graph_view_export_finish (graph, wait_for_result (&svg_result), &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
    g_assert_nonnull (strstr (contents, "</svg>"));
    g_remove (png_path);
    g_remove (svg_path);
  }

  /* A double-click shows a node's neighbourhood alone; the way back shows
   * the whole graph again. */
  {
    GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (graph), GTK_TYPE_GESTURE_CLICK);
    guint whole = atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph));
    g_autofree char *ego = NULL;
    graphene_point_t point;

    g_assert_true (atlas_graph_view_get_node_point (graph, "nscale", &point));
    g_signal_emit_by_name (click, "released", 2, (double) point.x, (double) point.y);
    atlas_test_wait_for_graph (graph);
    g_object_get (graph, "ego", &ego, NULL);
    g_assert_cmpstr (ego, ==, "nscale");
    g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), <, whole);
    g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (graph), "loughton-supercomputer", NULL));
    g_assert_false (atlas_graph_find (atlas_graph_view_get_graph (graph), "yandex", NULL));
    /* The way back is on screen. */
    g_assert_nonnull (find_label (GTK_WIDGET (graph), "Show _Whole Graph"));
    save_png (GTK_WIDGET (window), "test-window-graph-ego.png");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.show-whole", NULL));
    atlas_test_wait_for_graph (graph);
    g_clear_pointer (&ego, g_free);
    g_object_get (graph, "ego", &ego, NULL);
    g_assert_null (ego);
    g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==, whole);
    g_assert_null (find_label (GTK_WIDGET (graph), "Show _Whole Graph"));
  }

  /* Kinds come and go from the graph's options menu. */
  {
    guint whole = atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph));
    gboolean shown;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.show-countries", NULL));
    atlas_test_wait_for_graph (graph);
    g_object_get (graph, "show-countries", &shown, NULL);
    g_assert_false (shown);
    g_assert_false (atlas_graph_find (atlas_graph_view_get_graph (graph), "GB", NULL));
    g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (graph), "nscale", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.show-countries", NULL));
    atlas_test_wait_for_graph (graph);
    g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==, whole);

    /* The layout streams to the view: the new graph is on screen while the
     * worker is still laying it out. */
    {
      guint seen_while_busy = 0;
      gulong handler = g_signal_connect (graph, "graph-changed", G_CALLBACK (count_if_busy), &seen_while_busy);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.show-products", NULL));
      g_assert_true (atlas_graph_view_get_busy (graph));
      while (atlas_graph_view_get_busy (graph))
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (graph, handler);
      /* Once as the layout starts, once with its result. */
      g_assert_cmpuint (seen_while_busy, ==, 2);
      g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), <, whole);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.show-products", NULL));
      atlas_test_wait_for_graph (graph);
      g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==, whole);
    }

    /* Co-mention ties add edges between entities of the same article. */
    {
      guint ties = atlas_graph_get_n_edges (atlas_graph_view_get_graph (graph));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.comentions", NULL));
      atlas_test_wait_for_graph (graph);
      g_assert_cmpuint (atlas_graph_get_n_edges (atlas_graph_view_get_graph (graph)), >, ties);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.comentions", NULL));
      atlas_test_wait_for_graph (graph);
    }
  }

  /* The Entities table: the same entities, the most mentioned first; its
   * selection and the graph's focus are one. */
  {
    AtlasEntityTable *table = ATLAS_ENTITY_TABLE (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_ENTITY_TABLE));
    GListModel *rows = atlas_entity_table_get_rows (table);
    g_autoptr(AtlasEntityItem) top = NULL;
    guint articles;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 65);
    top = g_list_model_get_item (rows, 0);
    g_object_get (top, "articles", &articles, NULL);
    g_assert_cmpuint (articles, ==, 2);

    /* A row picked in the table is the graph's focus, and back. */
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW));
      g_autoptr(AtlasEntityItem) third = g_list_model_get_item (rows, 2);

      gtk_selection_model_select_item (gtk_column_view_get_model (view), 2, TRUE);
      atlas_test_drain ();
      g_assert_cmpstr (atlas_view_state_get_selected_entity (atlas_window_get_view_state (window)), ==,
                       atlas_entity_item_get_id (third));
      g_assert_cmpstr (atlas_graph_view_get_focused (graph), ==, atlas_entity_item_get_id (third));

      atlas_view_state_set_selected_entity (atlas_window_get_view_state (window), "loughton-supercomputer");
      atlas_test_drain ();
      g_assert_cmpstr (atlas_graph_view_get_focused (graph), ==, "loughton-supercomputer");
      {
        g_autoptr(AtlasEntityItem) selected =
          gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)))
          ? g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))))
          : NULL;
        g_assert_nonnull (selected);
        g_assert_cmpstr (atlas_entity_item_get_id (selected), ==, "loughton-supercomputer");
      }
    }
  }

  /* Selecting Nscale in the graph filters the list, as a tick would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.select", "s", "nscale"));
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (window), ==, 1);
  g_assert_true (atlas_filter_contains (atlas_view_state_get_filter (atlas_window_get_view_state (window)),
                                        ATLAS_FILTER_GROUP_COMPANIES, "nscale"));
  /* The graph follows the filter. */
  atlas_test_wait_for_graph (graph);
  g_assert_false (atlas_graph_find (atlas_graph_view_get_graph (graph), "flexai", NULL));
  g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (graph), "nscale", NULL));
  /* The entity the list is filtered by wears the highlight ring. */
  {
    g_autoptr(GdkTexture) picture = atlas_test_render (GTK_WIDGET (graph));
    graphene_point_t point;

    g_assert_true (atlas_graph_view_get_node_point (graph, "nscale", &point));
    g_assert_true (atlas_test_has_color (picture, point.x - 20, point.y - 20, 40, 40, 0.98, 0.75, 0.1));
    g_assert_true (atlas_graph_view_get_node_point (graph, "GB", &point));
    g_assert_false (atlas_test_has_color (picture, point.x - 20, point.y - 20, 40, 40, 0.98, 0.75, 0.1));
  }

  /* So does a country ticked in the sidebar, and the United Kingdom filters
   * the list from the graph as Nscale did. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.select", "s", "nscale"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.select", "s", "GB"));
  atlas_test_drain ();
  g_assert_true (atlas_filter_contains (atlas_view_state_get_filter (atlas_window_get_view_state (window)),
                                        ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpuint (n_articles (window), ==, 2);
  atlas_test_wait_for_graph (graph);
  {
    g_autoptr(GdkTexture) picture = atlas_test_render (GTK_WIDGET (graph));
    graphene_point_t point;

    g_assert_true (atlas_graph_view_get_node_point (graph, "GB", &point));
    g_assert_true (atlas_test_has_color (picture, point.x - 24, point.y - 24, 48, 48, 0.98, 0.75, 0.1));
  }

  /* Opening an article shows the reader in its place; Back, the graph. */
  {
    g_autoptr(GObject) first = g_list_model_get_item (atlas_window_get_articles (window), 0);
    atlas_view_state_set_selected_article (atlas_window_get_view_state (window), atlas_article_get_id (ATLAS_ARTICLE (first)));
  }
  atlas_test_drain ();
  {
    /* The graph and its table share the page the reader replaces. */
    GtkWidget *page = gtk_widget_get_parent (GTK_WIDGET (graph));
    GtkStack *right = GTK_STACK (gtk_widget_get_parent (page));

    g_assert_true (gtk_stack_get_visible_child (right) != page);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    atlas_test_drain ();
    g_assert_true (gtk_stack_get_visible_child (right) == page);
  }

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}


/* The timeline under the list and graph: the corpus's events from 2017 to
 * today, ticks that follow the zoom, and the filter followed. */
static void
test_timeline_follows_filter (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = NULL;
  AtlasTimelineView *timeline;
  gint64 start, end;

  open_window (store, &window);
  timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
  g_assert_nonnull (timeline);
  wait_for_timeline (timeline);
  g_assert_cmpuint (atlas_timeline_view_get_events (timeline)->len, ==, 15);

  /* It opens on everything: from the 2017 event to today, by years. */
  atlas_timeline_view_get_range (timeline, &start, &end);
  g_assert_cmpint (start, <, 1483228800);                     /* 2017-01-01 */
  g_assert_cmpint (end, >, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpint (atlas_timeline_view_get_tick_unit (timeline), ==, ATLAS_TIME_YEAR);
  save_png (GTK_WIDGET (window), "test-window-timeline.png");
  /* Once counted, the article strip stays counted: frames do not ask again. */
  atlas_test_drain ();
  g_assert_false (atlas_timeline_view_get_busy (timeline));

  /* An event's tooltip tells it; a click on it opens its article, and the
   * graph rings that article's entities. */
  {
    GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_CLICK);
    const AtlasEventInfo *founding = g_ptr_array_index (atlas_timeline_view_get_events (timeline), 0);
    g_autofree char *tooltip = NULL;
    graphene_point_t point;

    g_assert_cmpstr (founding->title, ==, "Fondation de CoreWeave");
    g_assert_true (atlas_timeline_view_get_event_point (timeline, founding->id, &point));
    tooltip = atlas_timeline_view_describe_at (timeline, point.x, point.y);
    g_assert_nonnull (strstr (tooltip, "2017"));
    g_assert_nonnull (strstr (tooltip, "Fondation de CoreWeave"));
    g_assert_nonnull (strstr (tooltip, "CoreWeave"));

    g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
    atlas_test_drain ();
    g_assert_cmpint (atlas_view_state_get_selected_article (atlas_window_get_view_state (window)), ==,
                     founding->article_id);

    /* Quantities are spelt out: the Crawley and Docklands opening is two
     * sites. */
    for (guint i = 0; i < atlas_timeline_view_get_events (timeline)->len; i++)
      {
        const AtlasEventInfo *event = g_ptr_array_index (atlas_timeline_view_get_events (timeline), i);

        if (g_strcmp0 (event->kind, "opening") == 0)
          {
            g_autofree char *opening = NULL;

            g_assert_true (atlas_timeline_view_get_event_point (timeline, event->id, &point));
            opening = atlas_timeline_view_describe_at (timeline, point.x, point.y);
            g_assert_nonnull (strstr (opening, "2 sites"));
          }
      }
    atlas_view_state_set_selected_article (atlas_window_get_view_state (window), 0);
    atlas_test_drain ();
  }

  /* The Events table lists the same events, oldest first; its selection
   * and the open article are one. */
  {
    AtlasEventTable *table = ATLAS_EVENT_TABLE (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_EVENT_TABLE));
    GListModel *rows = atlas_event_table_get_rows (table);
    GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW));
    GtkStack *tabs = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_STACK));
    g_autoptr(AtlasEventItem) first = NULL;
    g_autoptr(AtlasEventItem) last = NULL;
    g_autofree char *date = NULL;

    /* Behind the Timeline tab it holds no rows; shown, it has them all. */
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    gtk_stack_set_visible_child_name (tabs, "events");
    atlas_test_drain ();
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 15);
    first = g_list_model_get_item (rows, 0);
    g_object_get (first, "date-label", &date, NULL);
    g_assert_cmpstr (date, ==, "2017");

    last = g_list_model_get_item (rows, 14);
    gtk_selection_model_select_item (gtk_column_view_get_model (view), 14, TRUE);
    atlas_test_drain ();
    g_assert_cmpint (atlas_view_state_get_selected_article (atlas_window_get_view_state (window)), ==,
                     atlas_event_item_get_article_id (last));

    /* Opening the other article selects its first event. */
    atlas_view_state_set_selected_article (atlas_window_get_view_state (window), atlas_event_item_get_article_id (first));
    atlas_test_drain ();
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, 0);
    atlas_view_state_set_selected_article (atlas_window_get_view_state (window), 0);
    atlas_test_drain ();
    gtk_stack_set_visible_child_name (tabs, "timeline");
    atlas_test_drain ();
  }

  /* Lanes by company: one for each company the events name most, an event
   * in the lane of every such company it names. */
  {
    g_auto(GStrv) by_kind = atlas_timeline_view_get_lane_names (timeline);
    g_auto(GStrv) by_company = NULL;

    g_assert_cmpstr (by_kind[0], ==, "Investments");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.lanes", "s", "company"));
    by_company = atlas_timeline_view_get_lane_names (timeline);
    g_assert_true (g_strv_contains ((const char * const *) by_company, "CoreWeave"));
    g_assert_true (g_strv_contains ((const char * const *) by_company, "NVIDIA"));
    g_assert_false (g_strv_contains ((const char * const *) by_company, "United Kingdom"));
    save_png (GTK_WIDGET (window), "test-window-timeline-companies.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.lanes", "s", "kind"));
  }

  /* Zooming in steps down the tick ladder. */
  for (guint i = 0; i < 12; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "d", 1.5));
  g_assert_cmpint (atlas_timeline_view_get_tick_unit (timeline), <, ATLAS_TIME_YEAR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  g_assert_cmpint (atlas_timeline_view_get_tick_unit (timeline), ==, ATLAS_TIME_YEAR);

  /* Norway keeps the CoreWeave article's six events. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "NO"));
  wait_for_timeline (timeline);
  g_assert_cmpuint (atlas_timeline_view_get_events (timeline)->len, ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  wait_for_timeline (timeline);

  /* Dragging over September 2025 on the article strip chooses that month:
   * the list keeps the UK AI-factories article, the sidebar shows the
   * range, and the graph follows. */
  {
    GtkEventController *drag = atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);
    AtlasGraphView *graph = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    const AtlasFilter *filter;
    double from = atlas_timeline_view_get_x (timeline, 1756771200);   /* 2 Sep 2025 */
    double to = atlas_timeline_view_get_x (timeline, 1758931200);     /* 27 Sep 2025 */
    double y = atlas_timeline_view_get_strip_y (timeline);

    g_signal_emit_by_name (drag, "drag-begin", from, y);
    g_signal_emit_by_name (drag, "drag-update", to - from, 0.0);
    g_signal_emit_by_name (drag, "drag-end", to - from, 0.0);
    atlas_test_drain ();

    filter = atlas_view_state_get_filter (atlas_window_get_view_state (window));
    g_assert_cmpint (filter->since, ==, atlas_time_unit_floor (ATLAS_TIME_MONTH, 1756771200, tz));
    g_assert_cmpint (filter->until, ==, atlas_time_unit_floor (ATLAS_TIME_MONTH, 1759622400, tz));
    g_assert_cmpuint (n_articles (window), ==, 1);
    g_assert_nonnull (find_label (GTK_WIDGET (window), "Sep 2025"));
    atlas_test_wait_for_graph (graph);
    g_assert_false (atlas_graph_find (atlas_graph_view_get_graph (graph), "flexai", NULL));
    g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (graph), "nscale", NULL));
    save_png (GTK_WIDGET (window), "test-window-timeline-range.png");

    /* The timeline keeps every event: the range is shown among the rest. */
    wait_for_timeline (timeline);
    g_assert_cmpuint (atlas_timeline_view_get_events (timeline)->len, ==, 15);

    /* Cleared from the sidebar. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-date-range", NULL));
    atlas_test_drain ();
    g_assert_cmpuint (n_articles (window), ==, 2);
    g_assert_null (find_label (GTK_WIDGET (window), "Sep 2025"));
  }

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A store with feeds but no article is not "no match": it says how to add
 * articles instead of offering to clear filters that are not there. */
static void
test_store_without_articles (void)
{
  static const char *feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Empty\", \"items\": []}";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = atlas_import_data (store, feed, strlen (feed), "empty.json", NULL);
  AtlasWindow *window = NULL;

  g_assert_null (report->error);
  open_window (store, &window);
  g_assert_false (atlas_window_get_importing (window));
  g_assert_cmpuint (n_articles (window), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "No Articles Yet"));
  g_assert_null (find_label (GTK_WIDGET (window), "No Matching Articles"));
  close_window (&window);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
wait_for_articles (AtlasWindow *window,
                   guint        expected)
{
  gint64 deadline = atlas_test_deadline (30);

  while (n_articles (window) != expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_articles (window), ==, expected);
}

/* 2,400 articles: more than the window reads on its main thread, and more
 * than the ~200 rows its list keeps. */
static void
fill_large_store (AtlasStore *store)
{
  AtlasGeneratorOptions options;

  atlas_generator_options_init (&options);
  options.articles = 2400;
  options.entities = 200;
  options.items_per_feed = 1200;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
}

static GtkListView *
find_article_list_view (AtlasWindow *window)
{
  GtkWidget *list = find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window));

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static void
count_call (gpointer  instance,
            gpointer  item,
            guint    *calls)
{
  (*calls)++;
}

/* The row drawn at the top of the list's view, if any. */
static AtlasArticleRow *
top_row (GtkListView *list)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (list), gtk_widget_get_width (GTK_WIDGET (list)) / 2.0, 2,
                                       GTK_PICK_DEFAULT);

  return picked ? ATLAS_ARTICLE_ROW (gtk_widget_get_ancestor (picked, ATLAS_TYPE_ARTICLE_ROW)) : NULL;
}

/* How many pixels are about as dark as text. */
static guint
count_dark_pixels (GdkTexture *texture)
{
  g_autofree guchar *pixels = atlas_test_pixels (texture);
  gsize n = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  guint dark = 0;

  for (gsize i = 0; i < n; i++)
    if (pixels[4 * i] < 96 && pixels[4 * i + 1] < 96 && pixels[4 * i + 2] < 96)
      dark++;
  return dark;
}

/* A filter change rebinds the rows the list keeps instead of building new
 * ones, and the list shows the first new article at the top; the rows
 * scrolled into view then are drawn (they shape their text only then). */
static void
test_rows_recycled_and_drawn_in_view (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(AtlasFilter) no_filter = atlas_filter_new ();
  guint first_new = 0;
  const char *country = NULL;
  AtlasWindow *window = NULL;
  GtkListView *list;
  guint built = 0, reads, dark_at_top;

  fill_large_store (store);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_articles (window, 2400);
  list = find_article_list_view (window);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  all = atlas_query_article_ids (store, no_filter, NULL);

  /* A country with more articles than the ~200 rows the list keeps. */
  for (const char *const *code = (const char *const[]) { "US", "GB", "FR", "DE", "CN", "JP", NULL }; *code; code++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();

      atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, *code);
      g_clear_pointer (&expected, g_array_unref);
      expected = atlas_query_article_ids (store, filter, NULL);
      country = *code;
      if (expected->len > 300)
        break;
    }
  g_assert_cmpuint (expected->len, >, 300);
  while (g_array_index (all, gint64, first_new) == g_array_index (expected, gint64, first_new))
    first_new++;

  /* Scrolled into the articles the country leaves out, the reader is taken
   * to the first article that changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 1000));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_signal_connect (gtk_list_view_get_factory (list), "setup", G_CALLBACK (count_call), &built);
  reads = atlas_article_list_get_n_read (ATLAS_ARTICLE_LIST (atlas_window_get_articles (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", country));
  g_assert_cmpuint (n_articles (window), ==, expected->len);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (built, <, 10);
  /* Of the ~200 rows rebound, only those in view read their article; the
   * others are kept from screen readers until they show it. */
  g_assert_cmpuint (atlas_article_list_get_n_read (ATLAS_ARTICLE_LIST (atlas_window_get_articles (window))) - reads,
                    <, 60);
  {
    g_autoptr(AtlasArticle) first = atlas_query_article (store, g_array_index (expected, gint64, first_new), FALSE,
                                                         NULL);
    guint hidden = 0;

    gtk_test_accessible_assert_state (top_row (list), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
    gtk_test_accessible_assert_property (top_row (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         atlas_article_get_title (first));
    for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (list)); item; item = gtk_widget_get_next_sibling (item))
      {
        GtkWidget *row = gtk_widget_get_first_child (item);
        g_autofree char *shown = NULL;

        if (!ATLAS_IS_ARTICLE_ROW (row))
          continue;
        shown = gtk_test_accessible_check_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
        if (shown != NULL)
          hidden++;
      }
    g_assert_cmpuint (hidden, >, 100);
  }
  g_assert_nonnull (top_row (list));
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), ==, g_array_index (expected, gint64, first_new));

  /* Back to every article, from the top: the rows are rebound again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 0));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (n_articles (window), ==, 2400);
  g_assert_cmpuint (built, <, 10);
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), ==, g_array_index (all, gint64, 0));

  /* A few pages down: rows the list kept and bound, but never drew. */
  {
    g_autoptr(GdkTexture) top = atlas_test_render (GTK_WIDGET (list));

    dark_at_top = count_dark_pixels (top);
  }
  g_assert_cmpuint (dark_at_top, >, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 60));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  {
    g_autoptr(GdkTexture) bottom = atlas_test_render (GTK_WIDGET (list));

    g_assert_cmpuint (count_dark_pixels (bottom), >, dark_at_top / 2);
  }
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), !=, g_array_index (all, gint64, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);
}

static gboolean
is_check_of (GtkWidget     *widget,
             gconstpointer  id)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "facet-id"), id) == 0;
}

/* The n-th country of the sidebar (from 0), by the order it lists them. */
static const char *
sidebar_country (AtlasWindow *window,
                 guint        n)
{
  AtlasFilterSidebar *sidebar = ATLAS_FILTER_SIDEBAR (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_FILTER_SIDEBAR));
  GtkWidget *list = find_by_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n);
  GtkWidget *check = find_by_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);

  return g_object_get_data (G_OBJECT (check), "facet-id");
}

/* A company ticked reorders the countries by their new counts: the sidebar
 * keeps its rows, gives them the new order, and the keyboard focus stays
 * on its country. */
static void
test_sidebar_focus_follows_its_choice (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  AtlasGeneratorOptions options;
  AtlasWindow *window = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  GtkWidget *check, *focus, *first_row;

  atlas_generator_options_init (&options);
  options.articles = 600;
  options.entities = 120;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
  open_window (store, &window);
  g_assert_cmpuint (n_articles (window), ==, 600);

  /* The fourth country has the focus; the first company, ticked, moves it
   * up a row in this corpus (its seed is fixed). */
  chosen = g_strdup (sidebar_country (window, 3));
  check = find_widget (GTK_WIDGET (window), is_check_of, chosen);
  first_row = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window), is_check_of, sidebar_country (window, 0)),
                                       GTK_TYPE_LIST_BOX_ROW);
  g_object_add_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);
  g_assert_true (gtk_widget_grab_focus (check));
  companies = atlas_query_facet (store, atlas_view_state_get_filter (atlas_window_get_view_state (window)),
                                 ATLAS_FILTER_GROUP_COMPANIES, 1, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s",
                                             ((AtlasFacetEntry *) g_ptr_array_index (companies, 0))->id));
  atlas_test_drain ();

  g_assert_cmpstr (sidebar_country (window, 2), ==, chosen);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (is_check_of (focus, chosen));
  /* The rows were kept, not built again. */
  g_assert_nonnull (first_row);
  g_object_remove_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Above a couple of thousand articles the window reads the store in a
 * worker: it says so, then lists and counts them; after an import the last
 * index serves until the next one is built. */
static void
test_large_store_read_in_a_worker (void)
{
  static const char *extra =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Late\", \"items\": ["
    "{\"id\": \"late\", \"title\": \"A late article\", \"content_text\": \"Nothing to see.\","
    " \"date_published\": \"2030-01-01T00:00:00Z\"}]}";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = NULL;
  g_autoptr(AtlasFilter) norway = atlas_filter_new ();
  g_autoptr(GArray) expected = NULL;
  AtlasWindow *window = NULL;

  fill_large_store (store);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (n_articles (window), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Reading the Store…"));
  wait_for_articles (window, 2400);
  g_assert_null (find_label (GTK_WIDGET (window), "Reading the Store…"));

  atlas_filter_add (norway, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  expected = atlas_query_article_ids (store, norway, NULL);
  g_assert_cmpuint (expected->len, >, 0);
  /* The selected article stays selected, and only the rows shown are read
   * (GtkSingleSelection would read every new row to look for it). */
  {
    AtlasArticleList *articles = ATLAS_ARTICLE_LIST (atlas_window_get_articles (window));
    AtlasViewState *state = atlas_window_get_view_state (window);
    gint64 chosen = g_array_index (expected, gint64, expected->len / 2);
    GtkSingleSelection *selection;
    guint reads, position;

    atlas_view_state_set_selected_article (state, chosen);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "NO"));
    g_assert_cmpuint (n_articles (window), ==, expected->len);
    g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, chosen);
    selection = find_article_selection (window);
    g_assert_true (atlas_article_list_find (articles, chosen, &position));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
    reads = atlas_article_list_get_n_read (articles);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
    g_assert_cmpuint (atlas_article_list_get_n_read (articles) - reads, <, 400);
    g_assert_cmpuint (n_articles (window), ==, 2400);
    g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, chosen);
    atlas_view_state_set_selected_article (state, 0);
  }

  /* Filters changed faster than the workers read: the graph and the
   * timeline end on the last one. */
  {
    AtlasTimelineView *timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
    AtlasGraphView *graph = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(AtlasGraph) expected_graph = NULL;
    g_autoptr(AtlasFilter) last = atlas_filter_new ();
    AtlasGraphOptions graph_options;

    for (const char *const *code = (const char *const[]) { "GB", "US", "GB", "FR", NULL }; *code; code++)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", *code));
    atlas_filter_add (last, ATLAS_FILTER_GROUP_COUNTRIES, "US");
    atlas_filter_add (last, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
    wait_for_timeline (timeline);
    atlas_test_wait_for_graph (graph);
    events = atlas_query_events (store, last, G_MININT64, G_MAXINT64, NULL);
    g_assert_cmpuint (atlas_timeline_view_get_events (timeline)->len, ==, events->len);
    atlas_graph_options_init (&graph_options);
    expected_graph = atlas_graph_build (store, last, &graph_options, NULL);
    g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==,
                      atlas_graph_get_n_nodes (expected_graph));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  }

  report = atlas_import_data (store, extra, strlen (extra), "late.json", NULL);
  g_assert_null (report->error);
  atlas_store_emit_changed (store);
  g_assert_cmpuint (n_articles (window), ==, 2400);
  wait_for_articles (window, 2401);

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* The "Show All" button that follows the companies' heading. */
static gboolean
is_companies_more (GtkWidget     *widget,
                   gconstpointer  unused)
{
  GtkWidget *before;

  if (!GTK_IS_BUTTON (widget) || !g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", "Show All "))
    return FALSE;
  for (before = gtk_widget_get_prev_sibling (widget); before; before = gtk_widget_get_prev_sibling (before))
    if (GTK_IS_LABEL (before))
      return g_strcmp0 (gtk_label_get_label (GTK_LABEL (before)), "Companies") == 0;
  return FALSE;
}


static guint
facet_count (AtlasStore        *store,
             const AtlasFilter *filter,
             const char        *id)
{
  g_autoptr(GPtrArray) facet = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, G_MAXUINT, NULL);

  for (guint i = 0; i < facet->len; i++)
    if (g_str_equal (((AtlasFacetEntry *) g_ptr_array_index (facet, i))->id, id))
      return ((AtlasFacetEntry *) g_ptr_array_index (facet, i))->count;
  return 0;
}

/* "Show All" opens every company in a window of its own, alphabetical,
 * searchable without accents, ticking through the shared filter and
 * following it. */
static void
test_all_companies (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  AtlasGeneratorOptions options;
  AtlasWindow *window = NULL;
  AtlasViewState *state;
  AtlasFacetChooser *chooser;
  GtkWidget *more;
  GListModel *shown;
  guint all;
  g_autoptr(AtlasFacetItem) first = NULL;
  g_autofree char *first_id = NULL;

  atlas_generator_options_init (&options);
  options.articles = 600;
  options.entities = 300;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
  state = atlas_window_get_view_state (open_window (store, &window));

  /* The companies' button, after the countries' one. */
  more = find_widget (GTK_WIDGET (window), is_companies_more, NULL);
  g_assert_nonnull (more);
  all = (guint) g_ascii_strtoull (gtk_button_get_label (GTK_BUTTON (more)) + strlen ("Show All "), NULL, 10);
  g_assert_cmpuint (all, >, 8);
  g_signal_emit_by_name (more, "clicked");
  chooser = ATLAS_FACET_CHOOSER (find_toplevel (ATLAS_TYPE_FACET_CHOOSER));
  g_assert_nonnull (chooser);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  atlas_test_wait_for_frames (GTK_WIDGET (chooser));
  shown = atlas_facet_chooser_get_shown (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  save_png (GTK_WIDGET (chooser), "all-companies.png");
  for (guint i = 1; i < all; i++)
    {
      g_autoptr(AtlasFacetItem) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(AtlasFacetItem) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (g_utf8_collate (atlas_facet_item_get_name (a), atlas_facet_item_get_name (b)), <=, 0);
    }

  /* A search keeps the names that contain it, whatever their case. */
  first = g_list_model_get_item (shown, 0);
  {
    GtkWidget *entry = find_by_type (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
    g_autofree char *upper = g_utf8_strup (atlas_facet_item_get_name (first), -1);

    gtk_editable_set_text (GTK_EDITABLE (entry), upper);
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (shown), <, all);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  }

  /* Activating a row ticks that company, in every view. */
  first_id = g_strdup (atlas_facet_item_get_id (first));
  g_signal_emit_by_name (find_by_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW), "activate", 0);
  g_assert_true (atlas_filter_contains (atlas_view_state_get_filter (state), ATLAS_FILTER_GROUP_COMPANIES, first_id));
  g_assert_true (atlas_facet_item_get_selected (first));

  /* The counts follow the filter, and the order stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s", first_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "US"));
  g_assert_false (atlas_facet_item_get_selected (first));
  g_assert_cmpuint (atlas_facet_item_get_count (first), ==,
                    facet_count (store, atlas_view_state_get_filter (state), first_id));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AtlasFacetItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpuint (atlas_facet_item_get_count (item), ==,
                        facet_count (store, atlas_view_state_get_filter (state), atlas_facet_item_get_id (item)));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);

  gtk_window_close (GTK_WINDOW (chooser));
  atlas_test_drain ();
  g_assert_null (chooser);
  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A row's chips: companies and countries only, as many as fit, every name
 * given to screen readers, names drawn as text even when they look like
 * markup. */
static void
test_row_chips (void)
{
  g_autoptr(AtlasArticle) article = atlas_article_new (1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *line = atlas_chip_line_new ();
  AtlasChipLine *chips = ATLAS_CHIP_LINE (line);
  g_autoptr(GdkTexture) texture = NULL;
  int natural;

  atlas_article_add_entity (article, "c1", "company", "<b>Bold</b> & Co", NULL);
  atlas_article_add_entity (article, "s1", "site", "A Site", NULL);
  atlas_article_add_entity (article, "c2", "company", "Second Company With A Long Name", NULL);
  atlas_article_add_entity (article, "GB", "country", "United Kingdom", NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_child (GTK_WINDOW (window), line);
  atlas_chip_line_set_entities (chips, atlas_article_get_entities (article));
  g_assert_cmpuint (atlas_chip_line_get_n_chips (chips), ==, 3);
  g_assert_true (gtk_widget_get_visible (line));

  gtk_widget_measure (line, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (window);
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), ==, 3);
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural / 2, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), <, 3);
  texture = atlas_test_render (line);
  g_assert_nonnull (texture);

  /* Empty, the line keeps its place in its row and shows nothing. */
  atlas_chip_line_set_entities (chips, NULL);
  g_assert_cmpuint (atlas_chip_line_get_n_chips (chips), ==, 0);
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);
}

static gboolean
has_accel (GtkApplication *app,
           const char     *action,
           const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  return accels != NULL && g_strv_contains ((const char *const *) accels, accel);
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (all, " %s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, all);
}

/* The standard accelerators of a GNOME app work and are listed in the
 * shortcuts window; the primary menu has About, which opens. */
static void
test_application_accelerators (void)
{
  static const char *const listed[] = {
    "<Control>q", "<Control>w", "<Control>comma", "<Control>question", "<Control>f", "<Control>r", "F5", "F10",
  };
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/computeatlas/ComputeAtlas/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) all = g_string_new (NULL);
  GtkWidget *about;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (has_accel (GTK_APPLICATION (app), "app.quit", "<Control>q"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "window.close", "<Control>w"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "app.preferences", "<Control>comma"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.show-help-overlay", "<Control>question"));

  g_assert_nonnull (overlay);
  collect_accelerators (overlay, all);
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      g_autofree char *word = g_strdup_printf (" %s ", listed[i]);

      if (strstr (all->str, word) == NULL)
        g_error ("the shortcuts window does not list %s", listed[i]);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* Its icon is the app's own, even from the build tree. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (about)),
                                          adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about))));
  atlas_test_wait_for_frames (about);
  save_png (about, "test-about.png");
  gtk_window_destroy (GTK_WINDOW (about));
  atlas_test_drain ();
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
collect_menu_texts (GMenuModel *menu,
                    GPtrArray  *texts)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, label);
      collect_menu_texts (section, texts);
      collect_menu_texts (submenu, texts);
    }
}

/* Every text a person can read in `widget` and below it: labels, tooltips,
 * placeholders, row and page titles, and the menus buttons open. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  add_text (texts, gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    add_text (texts, gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    collect_menu_texts (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  else if (ADW_IS_WINDOW_TITLE (widget))
    add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add_text (texts, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add_text (texts, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add_text (texts, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Fails on any text of `widget` that the French catalogue translates: it
 * is shown in English. Returns how many texts were read. */
static guint
assert_french (GtkWidget  *widget,
               const char *what)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  atlas_test_wait_for_frames (widget);
  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *french = g_dgettext (GETTEXT_PACKAGE, text);

      if (g_strcmp0 (french, text) != 0)
        g_error ("%s shows “%s” in English; in French it is “%s”", what, text, french);
    }
  g_test_message ("%s: %u texts, none in English", what, texts->len);
  return texts->len;
}

/* With LANGUAGE=fr, the window, Preferences, the shortcuts and About show no
 * text in English that the French catalogue has. The test runs itself again
 * in a French environment, with the build's own catalogue. */
static void
test_french (void)
{
  g_autofree char *localedir = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  AtlasWindow *window = NULL;
  GtkWindow *preferences;
  GtkWidget *about;

  if (!is_rerun ())
    {
      locale_t french = newlocale (LC_ALL_MASK, "fr_FR.UTF-8", (locale_t) 0);

      if (french == (locale_t) 0)
        {
          g_test_skip ("no fr_FR.UTF-8 locale on this machine");
          return;
        }
      freelocale (french);
      localedir = g_build_filename (g_getenv ("MESON_BUILD_ROOT"), "po", NULL);
      rerun_test (NULL, "LANGUAGE", "fr", "LC_ALL", "fr_FR.UTF-8", "COMPUTE_ATLAS_LOCALEDIR", localedir, NULL);
      return;
    }

  atlas_locale_init ();
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Filters"), ==, "Filtres");

  dir = atlas_test_make_dir ();
  store = atlas_test_corpus_store (dir);
  open_window (store, &window);
  g_assert_cmpuint (assert_french (GTK_WIDGET (window), "the window"), >, 50);
  save_png (GTK_WIDGET (window), "test-window-fr.png");

  preferences = GTK_WINDOW (atlas_preferences_window_new (GTK_WINDOW (window), store));
  gtk_window_present (preferences);
  assert_french (GTK_WIDGET (preferences), "Preferences");
  gtk_window_destroy (preferences);

  builder = gtk_builder_new_from_resource ("/io/github/computeatlas/ComputeAtlas/gtk/help-overlay.ui");
  gtk_window_present (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  assert_french (GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")), "the shortcuts");
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  app = atlas_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  assert_french (about, "About");
  save_png (about, "test-about-fr.png");
  gtk_window_destroy (GTK_WINDOW (about));

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* The application's window remembers its size and the filter when it is
 * closed, and a new one opens as it was; a window made on its own starts
 * afresh. */
static void
test_window_remembers (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GSettings) settings = atlas_gui_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) countries = NULL;
  AtlasWindow *window = NULL;
  const AtlasFilter *filter;
  int width, height;

  g_assert_nonnull (settings);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = atlas_window_new (GTK_APPLICATION (app), store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "GB"));
  atlas_view_state_set_text (atlas_window_get_view_state (window), "coreweave");
  atlas_view_state_set_date_range (atlas_window_get_view_state (window), 1577836800, 1893456000);
  gtk_window_close (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  countries = g_settings_get_strv (settings, "filter-countries");
  g_assert_cmpstrv (countries, ((const char *[]) { "GB", NULL }));

  window = atlas_window_new (GTK_APPLICATION (app), store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  filter = atlas_view_state_get_filter (atlas_window_get_view_state (window));
  g_assert_true (atlas_filter_contains (filter, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpstr (filter->text, ==, "coreweave");
  g_assert_cmpint (filter->since, ==, 1577836800);
  g_assert_cmpint (filter->until, ==, 1893456000);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (atlas_window_get_view_state (window))));
  close_window (&window);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* At 360 px wide the window still fits: the filters fold away, the list
 * and the reader become pages, and an article opens over the list and goes
 * back to it. */

static GtkWindow *
only_window (AtlasApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  return windows->data;
}

/* The main window the application opened on a new store, once the corpus
 * is in. */
static GtkWindow *
wait_for_fresh_window (AtlasApplication *app)
{
  GtkWindow *window = only_window (app);
  gboolean done = FALSE;

  g_assert_true (ATLAS_IS_WINDOW (window));
  if (atlas_window_get_importing (ATLAS_WINDOW (window)))
    {
      g_signal_connect (window, "notify::importing", G_CALLBACK (on_importing_changed), &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (ATLAS_WINDOW (window)), ==, 2);
  return window;
}

/* A store that cannot be used gets a page that says why, and a way out
 * that moves it aside and starts afresh on the corpus. */
/* Starts the application on a store it cannot use: the only window is the
 * page titled `title`, naming the file, with `action` to offer. */
static GtkWindow *
open_unusable_store (AtlasApplication *app,
                     const char       *path,
                     const char       *title,
                     const char       *action)
{
  GtkWindow *window;
  AdwStatusPage *status;

  atlas_application_set_store_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));

  window = only_window (app);
  g_assert_false (ATLAS_IS_WINDOW (window));
  status = ADW_STATUS_PAGE (find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, title);
  g_assert_nonnull (strstr (adw_status_page_get_description (status), path));
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), action));
  return window;
}

/* The page for each kind of damage, and the file left byte for byte. */
static void
test_unusable_store_kinds (void)
{
  static const struct { const char *kind; const char *title; } cases[] = {
    { "cut", "The Store Is Damaged" },
    { "zeroed", "The Store Is Damaged" },
    { "newer", "The Store Is From a Newer Version" },
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *good = g_strdup (atlas_store_get_path (store));

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.db", dir, cases[i].kind);
      g_autoptr(GBytes) bytes = atlas_test_write_spoilt_store (good, cases[i].kind, path);
      g_autoptr(AtlasApplication) app = atlas_application_new ();
      g_autofree char *after = NULL;
      gsize after_size = 0;

      gtk_window_destroy (open_unusable_store (app, path, cases[i].title, "store.move-aside"));
      atlas_test_drain ();
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), after, after_size);
    }

  atlas_test_remove_dir (dir);
}

/* A store on a disk mounted read-only, which stops root too (permissions
 * would not): its page says it cannot be written to. */
static void
test_read_only_store (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(AtlasStore) store = NULL;
  const char *remount[] = { "mount", "-o", "remount,ro", NULL, NULL };

  if (rerun_in_mount_namespace ())
    return;

  dir = atlas_test_make_dir ();
  disk = g_build_filename (dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  mount_small_disk (disk);
  store = atlas_test_corpus_store (disk);
  path = g_strdup (atlas_store_get_path (store));
  g_clear_object (&store);
  remount[3] = disk;
  g_assert_true (run_command (remount));

  app = atlas_application_new ();
  gtk_window_destroy (open_unusable_store (app, path, "The Store Cannot Be Written To", "store.move-aside"));
  atlas_test_drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  unmount_small_disk (disk);
  atlas_test_remove_dir (dir);
}

static void
test_unusable_store (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GDir) listing = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *window;
  const char *name;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  window = open_unusable_store (app, path, "This File Is Not a Store", "store.move-aside");
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "test-unusable-store.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.move-aside", NULL));
  atlas_test_drain ();

  window = wait_for_fresh_window (app);

  /* The old file is beside the new store, byte for byte. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".set-aside-") != NULL && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      moved = g_build_filename (dir, name, NULL);
  g_assert_nonnull (moved);
  g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);

  gtk_window_destroy (window);
  atlas_test_drain ();
  atlas_test_remove_dir (dir);
}


/* Starting on a disk with no room left for a new store: the page says the
 * disk is full and offers to try again, which opens the store once there is
 * room. The disk is a 1 MiB tmpfs, in a run of this test in a mount
 * namespace of its own. */
static void
test_full_disk_at_start (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autofree char *zeros = g_malloc0 (4096);
  GtkWindow *window;
  FILE *file;

  if (rerun_in_mount_namespace ())
    return;

  dir = atlas_test_make_dir ();
  mount_small_disk (dir);
  filler = g_build_filename (dir, "filler", NULL);
  path = g_build_filename (dir, "atlas.db", NULL);
  file = g_fopen (filler, "wb");
  g_assert_nonnull (file);
  while (fwrite (zeros, 1, 4096, file) == 4096 && fflush (file) == 0)
    ;
  fclose (file);

  app = atlas_application_new ();
  window = open_unusable_store (app, path, "The Disk Is Full", "store.try-again");
  save_png (GTK_WIDGET (window), "test-full-disk-at-start.png");

  g_assert_cmpint (g_remove (filler), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.try-again", NULL));
  atlas_test_drain ();
  window = wait_for_fresh_window (app);
  gtk_window_destroy (window);
  atlas_test_drain ();
  unmount_small_disk (dir);
  atlas_test_remove_dir (dir);
}

/* A store another program holds while it must be migrated: the page says
 * it is in use, and Try Again opens it once the lock is given back. */
static void
test_store_in_use (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GError) error = NULL;
  AtlasTestLock *lock;
  GtkWindow *window;
  AdwStatusPage *status;

  g_assert_true (atlas_store_create_at_version (path, 2, &error));
  g_assert_no_error (error);
  /* Longer than the five seconds the store may wait for it. */
  lock = atlas_test_lock_hold (path, 6 * G_USEC_PER_SEC);
  atlas_application_set_store_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));

  window = only_window (app);
  status = ADW_STATUS_PAGE (find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Store Is in Use");
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "store.try-again"));

  atlas_test_lock_join (lock);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.try-again", NULL));
  atlas_test_drain ();
  window = wait_for_fresh_window (app);
  /* Nothing was moved aside: the store is the one that was in use. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (window);
  atlas_test_drain ();
  atlas_test_remove_dir (dir);
}

static void
test_narrow_window (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = atlas_window_new (NULL, store);
  AdwLeaflet *leaflet;
  AdwFlap *flap;
  GtkWidget *list_page, *content;
  int minimum;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (GTK_WIDGET (window));

  /* The panes fold once the window is narrow, and then it can be 360 px. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
  leaflet = ADW_LEAFLET (find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  flap = ADW_FLAP (find_by_type (GTK_WIDGET (window), ADW_TYPE_FLAP));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  list_page = adw_leaflet_get_visible_child (leaflet);
  save_png (GTK_WIDGET (window), "narrow.png");

  /* Activating an article in the list opens it as a page; Back returns. */
  {
    GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window)));

    g_signal_emit_by_name (list, "activate", 0);
    atlas_test_wait_for_frames (GTK_WIDGET (window));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) != list_page);
    save_png (GTK_WIDGET (window), "narrow-reading.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_page);
  }

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A blinking cursor's timer that fires after a window lost the focus
   * makes GtkText warn that it got no focus-out event ("did not receive a
   * focus-out event"), which fails a test run with fatal warnings whenever
   * the machine is slow enough, as the sanitizer build is. No test looks
   * at the cursor's blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/window/filters-through-actions", test_filters_through_actions);
  g_test_add_func ("/window/hostile-text-is-plain", test_hostile_text_is_plain);
  g_test_add_func ("/window/hostile-feed-end-to-end", test_hostile_feed_end_to_end);
  g_test_add_func ("/window/first-run-imports-corpus", test_first_run_imports_corpus);
  g_test_add_func ("/window/store-without-articles", test_store_without_articles);
  g_test_add_func ("/window/large-store-read-in-a-worker", test_large_store_read_in_a_worker);
  g_test_add_func ("/window/rows-recycled-and-drawn-in-view", test_rows_recycled_and_drawn_in_view);
  g_test_add_func ("/window/sidebar-focus-follows-its-choice", test_sidebar_focus_follows_its_choice);
  g_test_add_func ("/window/all-companies", test_all_companies);
  g_test_add_func ("/window/row-chips", test_row_chips);
  g_test_add_func ("/window/application-accelerators", test_application_accelerators);
  g_test_add_func ("/window/french", test_french);
  g_test_add_func ("/window/remembers", test_window_remembers);
  g_test_add_func ("/window/narrow", test_narrow_window);
  g_test_add_func ("/window/unusable-store", test_unusable_store);
  g_test_add_func ("/window/unusable-store-kinds", test_unusable_store_kinds);
  g_test_add_func ("/window/read-only-store", test_read_only_store);
  g_test_add_func ("/window/full-disk-at-start", test_full_disk_at_start);
  g_test_add_func ("/window/store-in-use", test_store_in_use);
  g_test_add_func ("/window/graph-beside-the-list", test_graph_beside_the_list);
  g_test_add_func ("/window/timeline-follows-filter", test_timeline_follows_filter);
  g_test_add_func ("/window/refresh-while-reading", test_refresh_while_reading);
  g_test_add_func ("/window/refresh-disk-full", test_refresh_disk_full);
  g_test_add_func ("/window/refresh-failure-has-details", test_refresh_failure_has_details);
  g_test_add_func ("/window/refresh-when-due", test_refresh_when_due);
  g_test_add_func ("/window/preferences-subscribe", test_preferences_subscribe);
  g_test_add_func ("/window/preferences-choose-a-feed", test_preferences_choose_a_feed);

  return g_test_run ();
}
