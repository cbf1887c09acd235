/* test-window-filters.c: the window's filters: actions, the sidebar, All Companies, the chips, the graph and the timeline following them */
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
#include "atlas-site.h"
#include "atlas-site-table.h"
#include "atlas-subscriptions.h"
#include "atlas-test-gtk.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"
#include "atlas-timeline-view-private.h"
#include "atlas-window-private.h"
#include "window-test-util.h"
#include "atlas-palette.h"

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

/* The sites' status and certainty in the sidebar: their counts follow the
 * rest of the filter, a tick narrows the sites the graph shows and leaves
 * the articles, which have no status. */
static void
test_site_facets (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasImportReport) report = NULL;
  AtlasWindow *window = NULL;
  AtlasSession *session;
  AtlasSelection *selection;
  static const char *const csv =
    "Name,Status,Certainty,H100 equivalents,Chip type (primary),Country,Owner,Users\n"
    "Alpha,Planned,Likely,5000,,France,Newco,\n"
    "Alpha 2,Planned,Likely,9000,,France,Newco,\n"
    "Beta,Existing,Confirmed,10,,France,Newco,\n"
    "Gamma,Existing,Unlikely,10,,Norway,Oldco,\n";

  report = atlas_import_data (store, csv, strlen (csv), "gpu_clusters.csv", NULL);
  g_assert_null (report->error);
  g_assert_true (atlas_store_exec (store, "UPDATE sites SET superseded_by = 'Alpha 2', "
                                          "sources = 'https://example.com/alpha' WHERE entity_id = 'alpha'", NULL));
  /* The first article mentions Alpha, for its chip. */
  g_assert_true (atlas_store_exec (store, "INSERT INTO mentions (article_id, entity_id) "
                                          "SELECT min (id), 'alpha' FROM articles", NULL));
  open_window (store, &window);
  session = window->session;
  atlas_test_drain ();

  g_assert_nonnull (find_label (GTK_WIDGET (window), "Site Status"));
  /* Beside the facets, the sites summed once each. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "3 sites counted: 0 MW, 9020 H100 equivalents. "
                                "1 possible duplicate or earlier phase left out."));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Site Certainty"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Planned"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Unlikely"));
  selection = atlas_session_get_selection (session);
  g_assert_cmpuint (selection->sites->len, ==, 4);

  /* A site's page: its fields, its phase as a way to the next, its
   * source, the file and line; Back returns to the graph. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-site", "s", "alpha"));
  atlas_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->right_stack), ==, "site");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Planned · Likely · France"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Owners"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "https://example.com/alpha"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "From Epoch AI’s data (CC BY 4.0): gpu_clusters.csv, line 2."));
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "win.go-back"));
  while (gtk_stack_get_transition_running (window->right_stack))
    g_main_context_iteration (NULL, TRUE);
  save_png (GTK_WIDGET (window), "test-site-page.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-site", "s", "alpha-2"));
  atlas_test_drain ();
  g_assert_nonnull (find_label (GTK_WIDGET (window), "From Epoch AI’s data (CC BY 4.0): gpu_clusters.csv, line 3."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  atlas_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->right_stack), ==, "graph");

  /* In an article that mentions it, the site's chip opens its page on a
   * secondary click; its page lists that article. */
  {
    g_autoptr(sqlite3_stmt) first = atlas_store_prepare (store, "SELECT min (id) FROM articles", NULL);
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    GtkWidget *chip = NULL;

    g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-article", "x",
                                               sqlite3_column_int64 (first, 0)));
    atlas_test_drain ();
    g_ptr_array_add (stack, window->reader);
    while (stack->len > 0 && chip == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (g_object_get_data (G_OBJECT (w), "entity-id"), "alpha") == 0)
          chip = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_nonnull (chip);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chip), "right-click for the site’s page"));
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (chip);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller) &&
              gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
            g_signal_emit_by_name (controller, "released", 1, 2.0, 2.0);
        }
    }
    atlas_test_drain ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->right_stack), ==, "site");
    g_assert_nonnull (find_label (GTK_WIDGET (window), "Articles That Mention It"));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
    atlas_test_drain ();
  }

  /* The graph says how to open a site's page. */
  {
    AtlasGraphView *view = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
    g_autofree char *tooltip = NULL;

    while (atlas_graph_view_get_busy (view))
      g_main_context_iteration (NULL, TRUE);
    tooltip = atlas_graph_view_describe (view, "alpha");
    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, "Shift+Enter: the site’s page"));
    /* A secondary click on the site opens its page. */
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
      graphene_point_t point;

      g_assert_true (atlas_graph_view_get_node_point (view, "alpha", &point));
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller) &&
              gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
            g_signal_emit_by_name (controller, "released", 1, (double) point.x, (double) point.y);
        }
      atlas_test_drain ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->right_stack), ==, "site");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
      atlas_test_drain ();
    }
  }

  /* Norway: one site, existing and unlikely; the statuses say so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "NO"));
  atlas_test_drain ();
  selection = atlas_session_get_selection (session);
  g_assert_cmpuint (selection->sites->len, ==, 1);
  g_assert_cmpuint (selection->statuses->len, ==, 1);
  g_assert_cmpstr (((AtlasFacetEntry *) g_ptr_array_index (selection->statuses, 0))->id, ==, "existing");
  g_assert_null (find_label (GTK_WIDGET (window), "Planned"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  atlas_test_drain ();

  /* Planned sites only: the articles stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-status", "s", "planned"));
  atlas_test_drain ();
  selection = atlas_session_get_selection (session);
  g_assert_cmpuint (selection->sites->len, ==, 2);
  g_assert_cmpstr (((AtlasSite *) g_ptr_array_index (selection->sites, 0))->id, ==, "alpha");
  g_assert_cmpuint (n_articles (window), ==, 2);
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "win.clear-filters"));

  /* The Sites tab lists the same sites, its rows following the filter. */
  {
    AtlasSiteTable *table = ATLAS_SITE_TABLE (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_SITE_TABLE));
    GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (table)));

    gtk_stack_set_visible_child_name (stack, "sites");
    atlas_test_drain ();
    g_assert_cmpuint (g_list_model_get_n_items (atlas_site_table_get_rows (table)), ==, 2);
    save_png (GTK_WIDGET (window), "test-site-table.png");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-status", "s", "planned");
    atlas_test_drain ();
    g_assert_cmpuint (g_list_model_get_n_items (atlas_site_table_get_rows (table)), ==, 4);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-status", "s", "planned");
    atlas_test_drain ();
    gtk_stack_set_visible_child_name (stack, "graph");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-certainty", "s", "confirmed"));
  atlas_test_drain ();
  g_assert_cmpuint (atlas_session_get_selection (session)->sites->len, ==, 0);
  save_png (GTK_WIDGET (window), "test-site-facets.png");

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

  /* A click filters by its node once the double-click time has passed; the
   * first click of a double-click does not (it used to). */
  {
    GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (graph), GTK_TYPE_GESTURE_CLICK);
    AtlasViewState *state = atlas_window_get_view_state (window);
    graphene_point_t point;
    gint64 settled;

    g_assert_true (atlas_graph_view_get_node_point (graph, "nscale", &point));
    g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
    g_assert_false (atlas_filter_contains (atlas_view_state_get_filter (state), ATLAS_FILTER_GROUP_COMPANIES, "nscale"));
    g_assert_cmpstr (atlas_graph_view_get_focused (graph), ==, "nscale");
    settled = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (!atlas_filter_contains (atlas_view_state_get_filter (state), ATLAS_FILTER_GROUP_COMPANIES, "nscale") &&
           g_get_monotonic_time () < settled)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (atlas_filter_contains (atlas_view_state_get_filter (state), ATLAS_FILTER_GROUP_COMPANIES, "nscale"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s", "nscale"));
    atlas_test_wait_for_graph (graph);

    g_assert_true (atlas_graph_view_get_node_point (graph, "nscale", &point));
    g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
    g_signal_emit_by_name (click, "pressed", 2, (double) point.x, (double) point.y);
    settled = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (g_get_monotonic_time () < settled)
      g_main_context_iteration (NULL, FALSE);
    g_assert_false (atlas_filter_contains (atlas_view_state_get_filter (state), ATLAS_FILTER_GROUP_COMPANIES, "nscale"));
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
    GtkStack *tabs = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_STACK));
    g_autoptr(AtlasEntityItem) top = NULL;
    guint articles;

    /* Behind the Graph tab it holds no rows; shown, it has them all. */
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    gtk_stack_set_visible_child_name (tabs, "table");
    atlas_test_drain ();
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
    gtk_stack_set_visible_child_name (tabs, "graph");
    atlas_test_drain ();
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

    /* A refresh or an import, with the article still selected, leaves the
     * graph where Back put it (it used to bring the reader back). */
    g_assert_cmpint (atlas_view_state_get_selected_article (atlas_window_get_view_state (window)), >, 0);
    atlas_store_emit_changed (store);
    atlas_test_drain ();
    g_assert_true (gtk_stack_get_visible_child (right) == page);

    /* With the reader shown, a refresh keeps it shown. */
    {
      g_autoptr(GObject) second = g_list_model_get_item (atlas_window_get_articles (window), 1);
      atlas_view_state_set_selected_article (atlas_window_get_view_state (window), atlas_article_get_id (ATLAS_ARTICLE (second)));
    }
    atlas_test_drain ();
    g_assert_true (gtk_stack_get_visible_child (right) != page);
    atlas_store_emit_changed (store);
    atlas_test_drain ();
    g_assert_true (gtk_stack_get_visible_child (right) != page);
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
    /* A chosen period keeps every event in the table, as on the timeline,
     * and dims those outside it, the open article's event still selected;
     * clearing it dims none. */
    for (guint step = 0; step < 2; step++)
      {
        guint dimmed = 0;

        if (step == 0)
          atlas_view_state_set_date_range (atlas_window_get_view_state (window), 1756684800, 1759276800);  /* Sep 2025 */
        else
          atlas_view_state_set_date_range (atlas_window_get_view_state (window), G_MININT64, G_MAXINT64);
        atlas_test_drain ();
        g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 15);
        for (guint i = 0; i < 15; i++)
          {
            g_autoptr(AtlasEventItem) row = g_list_model_get_item (rows, i);
            g_autofree char *label = NULL;
            gboolean is_dimmed;

            g_object_get (row, "dimmed", &is_dimmed, "date-label", &label, NULL);
            dimmed += is_dimmed;
            if (step == 0 && g_str_equal (label, "Sep 2025"))
              g_assert_false (is_dimmed);
            if (step == 0 && g_str_equal (label, "2017"))
              g_assert_true (is_dimmed);
          }
        g_test_message ("%u events of 15 dimmed", dimmed);
        g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, 0);
        if (step == 0)
          g_assert_true (dimmed > 0 && dimmed < 15);
        else
          g_assert_cmpuint (dimmed, ==, 0);
      }
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

/* The pointer entering or leaving the sidebar's countries. */
static void
point_at_countries (AtlasWindow *window,
                    const char  *signal)
{
  AtlasFilterSidebar *sidebar = ATLAS_FILTER_SIDEBAR (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_FILTER_SIDEBAR));
  GtkWidget *list = find_by_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        continue;
      if (g_str_equal (signal, "enter"))
        g_signal_emit_by_name (controller, "enter", 10.0, 10.0);
      else
        g_signal_emit_by_name (controller, "leave");
    }
}

/* A company ticked reorders the countries by their new counts: the sidebar
 * keeps its rows, gives them the new order, and the keyboard focus stays
 * on its country; not while the pointer is over them. */
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

  /* With the pointer over the countries, the same tick leaves every row in
   * its place with its new count; the pointer gone, they reorder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s",
                                             ((AtlasFacetEntry *) g_ptr_array_index (companies, 0))->id));
  atlas_test_drain ();
  g_assert_cmpstr (sidebar_country (window, 3), ==, chosen);
  point_at_countries (window, "enter");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-company", "s",
                                             ((AtlasFacetEntry *) g_ptr_array_index (companies, 0))->id));
  atlas_test_drain ();
  g_assert_cmpstr (sidebar_country (window, 3), ==, chosen);
  point_at_countries (window, "leave");
  g_assert_cmpstr (sidebar_country (window, 2), ==, chosen);

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Tab goes from country to country in the sidebar, one stop a row (the
 * row and its check box were two), and each row is named for screen
 * readers by its country, with its count as the description. */
static void
test_sidebar_rows_one_tab_stop (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = NULL;
  AtlasFilterSidebar *sidebar;
  GtkListBox *list;
  guint n_rows = 0;

  open_window (store, &window);
  sidebar = ATLAS_FILTER_SIDEBAR (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_FILTER_SIDEBAR));
  list = GTK_LIST_BOX (find_by_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX));
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 3);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_by_type (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                                                 GTK_TYPE_CHECK_BUTTON))));
  for (guint i = 0; i < n_rows; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *check = find_by_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
      const char *name = gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))));

      g_assert_true (focus == check);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
    }
  /* Past the last country: out of the list. */
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_WIDGET (list)));

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
/* Every row the chooser shows on screen says its item's count: the rows
 * bound off screen are relabelled only when a scroll brings them in. */
static guint
assert_rows_on_screen_current (AtlasFacetChooser *chooser)
{
  GtkWidget *list = find_by_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW);
  GListModel *shown = atlas_facet_chooser_get_shown (chooser);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AtlasFacetItem) item = g_list_model_get_item (shown, i);

      g_hash_table_insert (counts, g_strdup (atlas_facet_item_get_name (item)),
                           GUINT_TO_POINTER (atlas_facet_item_get_count (item)));
    }
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *choice = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;
      GtkWidget *check;
      const char *name;
      g_autofree char *expected = NULL;

      if (choice == NULL || !gtk_widget_compute_bounds (row, list, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (list))
        continue;
      check = gtk_widget_get_first_child (choice);
      name = gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))));
      g_assert_true (g_hash_table_contains (counts, name));
      expected = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (choice))), ==, expected);
      checked++;
    }
  return checked;
}

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
  atlas_test_wait_for_frames (GTK_WIDGET (chooser));
  g_assert_cmpuint (assert_rows_on_screen_current (chooser), >=, 5);
  {
    GtkAdjustment *adjustment =
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_by_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
    atlas_test_wait_for_frames (GTK_WIDGET (chooser));
    g_assert_cmpuint (assert_rows_on_screen_current (chooser), >=, 5);
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

static void
note_toggled (GSimpleAction *action,
              GVariant      *parameter,
              char         **toggled)
{
  g_free (*toggled);
  *toggled = g_variant_dup_string (parameter, NULL);
}

/* A row's chips: companies and countries only, those the title names
 * first, as many as fit and "+N" for the rest, a press on one filtering by
 * it, every name given to screen readers, names drawn as text even when
 * they look like markup. */
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
  /* Those the title names come first, in its order; then the others. */
  atlas_chip_line_set_entities (chips, atlas_article_get_entities (article),
                                "The second company with a long name opens in the united kingdom");
  g_assert_cmpuint (atlas_chip_line_get_n_chips (chips), ==, 3);
  g_assert_cmpstr (atlas_chip_line_get_chip_id (chips, 0), ==, "c2");
  g_assert_cmpstr (atlas_chip_line_get_chip_id (chips, 1), ==, "GB");
  g_assert_cmpstr (atlas_chip_line_get_chip_id (chips, 2), ==, "c1");
  g_assert_true (gtk_widget_get_visible (line));

  /* Two companies of one name each say their country. */
  {
    g_autoptr(AtlasArticle) twins = atlas_article_new (2);

    atlas_article_add_entity (twins, "nscale", "company", "Nscale", "GB");
    atlas_article_add_entity (twins, "nscale-no", "company", "Nscale", "NO");
    atlas_chip_line_set_entities (chips, atlas_article_get_entities (twins), NULL);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Nscale (United Kingdom), Nscale (Norway)");
    atlas_chip_line_set_entities (chips, atlas_article_get_entities (article),
                                  "The second company with a long name opens in the united kingdom");
  }

  gtk_widget_measure (line, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (window);
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), ==, 3);
  g_assert_cmpuint (atlas_chip_line_get_n_more (chips), ==, 0);
  /* Those left out are counted in a last chip. */
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural - 10, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), <, 3);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips) + atlas_chip_line_get_n_more (chips), ==, 3);
  texture = atlas_test_render (line);
  g_assert_nonnull (texture);

  /* A press on a chip filters by it; elsewhere it is the row's. */
  {
    g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) toggle = g_simple_action_new ("toggle-company", G_VARIANT_TYPE_STRING);
    GtkEventController *click = atlas_test_find_controller (line, GTK_TYPE_GESTURE_CLICK);
    g_autofree char *toggled = NULL;
    double x;

    g_signal_connect (toggle, "activate", G_CALLBACK (note_toggled), &toggled);
    g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (toggle));
    gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (win));
    g_assert_true (atlas_chip_line_get_chip_x (chips, 0, &x));
    g_signal_emit_by_name (click, "pressed", 1, x + 4, 5.0);
    g_assert_cmpstr (toggled, ==, "c2");
    g_clear_pointer (&toggled, g_free);
    g_signal_emit_by_name (click, "pressed", 1, (double) natural - 12, 5.0);
    g_assert_null (toggled);
  }

  /* Empty, the line keeps its place in its row and shows nothing. */
  atlas_chip_line_set_entities (chips, NULL, NULL);
  g_assert_cmpuint (atlas_chip_line_get_n_chips (chips), ==, 0);
  gtk_widget_size_allocate (line, &(GtkAllocation) { 0, 0, natural, 20 }, -1);
  g_assert_cmpuint (atlas_chip_line_get_n_shown (chips), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);
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

  g_test_add_func ("/window/filters-through-actions", test_filters_through_actions);
  g_test_add_func ("/window/hostile-text-is-plain", test_hostile_text_is_plain);
  g_test_add_func ("/window/site-facets", test_site_facets);
  g_test_add_func ("/window/sidebar-focus-follows-its-choice", test_sidebar_focus_follows_its_choice);
  g_test_add_func ("/window/sidebar-rows-one-tab-stop", test_sidebar_rows_one_tab_stop);
  g_test_add_func ("/window/all-companies", test_all_companies);
  g_test_add_func ("/window/row-chips", test_row_chips);
  g_test_add_func ("/window/graph-beside-the-list", test_graph_beside_the_list);
  g_test_add_func ("/window/timeline-follows-filter", test_timeline_follows_filter);

  return g_test_run ();
}
