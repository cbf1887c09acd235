/* The graph view on a small graph of known positions: what it draws, in the
 * light and dark styles, compared with pictures kept in tests/data; its
 * legend; and how it fits a narrow window.
 *
 * After a deliberate change to the drawing, regenerate the pictures with
 *   ATLAS_UPDATE_GOLDEN=1 meson test -C build graph-view
 * and look at them before committing.
 */
#include <adwaita.h>
#include <string.h>

#include "atlas-generator.h"
#include "atlas-graph-model.h"
#include "atlas-graph-painter.h"
#include "atlas-graph-view-private.h"
#include "atlas-test-gtk.h"
#include "atlas-test-util.h"
#include "atlas-palette.h"
#include "atlas-query.h"

#define WIDTH  480
#define HEIGHT 360

static int
view_height (AtlasGraphView *view)
{
  return gtk_widget_get_height (GTK_WIDGET (view));
}

static AtlasGraph *
small_graph (void)
{
  static const struct { const char *id, *name, *kind; guint weight; float x, y; } nodes[] = {
    { "GB", "United Kingdom", "country", 2, 0, 0 },
    { "nvidia", "NVIDIA", "company", 2, 8, -5 },
    { "nscale", "Nscale", "company", 1, -8, -6 },
    { "loughton", "Loughton", "site", 1, -10, 6 },
    { "nhs", "NHS", "organization", 1, 9, 7 },
    { "h200", "H200", "product", 1, 18, -1 },
  };
  AtlasGraph *graph = atlas_graph_new ();

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      AtlasGraphNode *node =
        atlas_graph_get_node (graph, atlas_graph_add_node (graph, nodes[i].id, nodes[i].name, nodes[i].kind,
                                                           NULL, nodes[i].weight));
      node->x = nodes[i].x;
      node->y = nodes[i].y;
    }
  atlas_graph_add_edge (graph, 1, 0, ATLAS_GRAPH_EDGE_RELATION, "invests_in", 1);
  atlas_graph_add_edge (graph, 2, 0, ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
  atlas_graph_add_edge (graph, 2, 3, ATLAS_GRAPH_EDGE_RELATION, "operates", 1);
  atlas_graph_add_edge (graph, 3, 0, ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
  atlas_graph_add_edge (graph, 4, 0, ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
  atlas_graph_add_edge (graph, 5, 1, ATLAS_GRAPH_EDGE_RELATION, "supplies", 1);
  atlas_graph_add_edge (graph, 1, 2, ATLAS_GRAPH_EDGE_COMENTION, NULL, 1);
  return graph;
}

static GtkWidget *
show_view (AtlasGraphView **view,
           int              width,
           int              height)
{
  GtkWidget *window = adw_window_new ();
  g_autoptr(AtlasGraph) graph = small_graph ();

  *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (*view));
  gtk_window_present (GTK_WINDOW (window));
  /* Without a window manager, the window's own border takes a few pixels. */
  while (gtk_widget_get_width (GTK_WIDGET (*view)) < width - 16)
    g_main_context_iteration (NULL, TRUE);
  atlas_graph_view_set_graph (*view, graph);
  atlas_test_wait_for_graph (*view);
  return window;
}

static void
test_light_and_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AtlasGraphView *view;
  GtkWidget *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_view (&view, WIDTH, HEIGHT);
  light = atlas_test_render (window);
  atlas_test_assert_golden (light, "graph-light.png");

  /* The legend, along the bottom: a disc of each kind's colour. Only the
   * legend has them there: the fit keeps nodes above it. */
  g_assert_true (atlas_test_has_color (light, 0, view_height (view) - 70, 400, 70, 0.18, 0.63, 0.33));
  g_assert_true (atlas_test_has_color (light, 0, view_height (view) - 70, 400, 70, 0.21, 0.42, 0.85));
  g_assert_true (atlas_test_has_color (light, 0, view_height (view) - 70, 400, 70, 0.90, 0.58, 0.08));
  g_assert_false (atlas_test_has_color (light, 0, view_height (view) - 70, 400, 70, 0.80, 0.24, 0.24));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  atlas_test_wait_for_graph (view);
  dark = atlas_test_render (window);
  atlas_test_assert_golden (dark, "graph-dark.png");
  /* The same legend, on the dark background, in the dark style's lighter
   * colours (style-dark.css): the countries' green is #33d17a there. */
  g_assert_true (atlas_test_has_color (dark, 0, view_height (view) - 70, 400, 70, 0.20, 0.82, 0.48));
  g_assert_false (atlas_test_has_color (dark, 0, view_height (view) - 70, 400, 70, 0.18, 0.63, 0.33));
  g_assert_true (atlas_test_has_color (dark, 0, 0, 400, view_height (view), 0.14, 0.14, 0.14));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone-sized window the graph still fits, and the options button
 * stays on screen. */
static void
test_narrow_window (void)
{
  AtlasGraphView *view;
  GtkWidget *window = show_view (&view, 360, 480);
  AtlasGraph *graph = atlas_graph_view_get_graph (view);
  GtkWidget *button = NULL;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = view_height (view);

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      graphene_point_t point;

      g_assert_true (atlas_graph_view_get_node_point (view, atlas_graph_get_node (graph, i)->id, &point));
      g_assert_cmpfloat (point.x, >=, 0);
      g_assert_cmpfloat (point.x, <=, width);
      g_assert_cmpfloat (point.y, >=, 0);
      /* Above the legend, which takes two rows at this width. */
      g_assert_cmpfloat (point.y, <=, height - 60);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      button = child;
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (view), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_cmpfloat (bounds.origin.x, >=, 200);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Zooming keeps the middle of the view in place and scales the rest around
 * it; panning moves everything by as much. */
static void
test_pan_and_zoom (void)
{
  AtlasGraphView *view;
  GtkWidget *window = show_view (&view, WIDTH, HEIGHT);
  graphene_point_t a, b, a2, b2, a3;
  double cx = gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, cy = view_height (view) / 2.0;

  g_assert_true (atlas_graph_view_get_node_point (view, "nvidia", &a));
  g_assert_true (atlas_graph_view_get_node_point (view, "loughton", &b));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom", "d", 2.0));
  g_assert_true (atlas_graph_view_get_node_point (view, "nvidia", &a2));
  g_assert_true (atlas_graph_view_get_node_point (view, "loughton", &b2));
  g_assert_cmpfloat_with_epsilon (a2.x - cx, 2 * (a.x - cx), 0.01);
  g_assert_cmpfloat_with_epsilon (b2.y - cy, 2 * (b.y - cy), 0.01);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.pan", "(dd)", 10.0, -5.0));
  g_assert_true (atlas_graph_view_get_node_point (view, "nvidia", &a3));
  g_assert_cmpfloat_with_epsilon (a3.x, a2.x + 10, 0.01);
  g_assert_cmpfloat_with_epsilon (a3.y, a2.y - 5, 0.01);

  /* Home, or the action, fits it all back in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.fit", NULL));
  g_assert_true (atlas_graph_view_get_node_point (view, "nvidia", &a3));
  g_assert_cmpfloat_with_epsilon (a3.x, a.x, 0.01);
  g_assert_cmpfloat_with_epsilon (a3.y, a.y, 0.01);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
press (AtlasGraphView *view,
       guint           keyval)
{
  GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* Tab reaches the graph and then its options; the arrows go from the
 * focused node to the neighbour that lies that way. */
static void
test_keyboard (void)
{
  AtlasGraphView *view;
  GtkWidget *window = show_view (&view, WIDTH, HEIGHT);
  GtkWidget *focus;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_cmpstr (atlas_graph_view_get_focused (view), ==, "GB");

  /* From the keyboard, a ring round the whole view says where it is. */
  {
    g_autoptr(GdkTexture) plain = NULL;
    g_autoptr(GdkTexture) ringed = NULL;
    g_autofree guchar *a = NULL;
    g_autofree guchar *b = NULL;
    graphene_rect_t bounds;
    guint differ = 0;
    int width;

    gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
    plain = atlas_test_render (window);
    gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
    ringed = atlas_test_render (window);
    a = atlas_test_pixels (plain);
    b = atlas_test_pixels (ringed);
    width = gdk_texture_get_width (plain);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), window, &bounds));
    /* Down the view's left edge, where nothing else is drawn: every row
     * of it changes (the window's own border is a few pixels wide). */
    for (int y = bounds.origin.y + 60; y < bounds.origin.y + 120; y++)
      for (int x = bounds.origin.x; x < bounds.origin.x + 8; x++)
        if (memcmp (a + 4 * (y * width + x), b + 4 * (y * width + x), 4) != 0)
          {
            differ++;
            break;
          }
    g_assert_cmpuint (differ, ==, 60);
  }

  g_assert_true (press (view, GDK_KEY_Right));
  g_assert_cmpstr (atlas_graph_view_get_focused (view), ==, "nvidia");
  g_assert_true (press (view, GDK_KEY_Right));
  g_assert_cmpstr (atlas_graph_view_get_focused (view), ==, "h200");
  g_assert_true (press (view, GDK_KEY_Left));
  g_assert_cmpstr (atlas_graph_view_get_focused (view), ==, "nvidia");
  g_assert_true (press (view, GDK_KEY_Down));
  g_assert_cmpstr (atlas_graph_view_get_focused (view), ==, "GB");

  /* The tooltip tells about the node under the pointer, or the focused one
   * from the keyboard, its relations as sentences. */
  {
    g_autofree char *country = atlas_graph_view_describe (view, "GB");
    g_autofree char *site = atlas_graph_view_describe (view, "loughton");

    g_assert_cmpstr (country, ==, "United Kingdom\ncountry · 2 articles\nNVIDIA invests in United Kingdom");
    g_assert_cmpstr (site, ==, "Loughton\nsite · 1 article\nNscale operates Loughton");
    g_assert_null (atlas_graph_view_describe (view, "nowhere"));
  }

  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_MENU_BUTTON (focus) || GTK_IS_MENU_BUTTON (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every name the view would draw now: inside it, clear of the legend and
 * the buttons, and of each other. Returns how many there are. */
static guint
assert_labels_clear (AtlasGraphView *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view)), height = view_height (view);
  GtkWidget *overlays[] = { view->options_button, view->whole_button, view->notice };
  graphene_rect_t legend;
  guint n;

  _atlas_graph_view_place_labels (view);
  n = atlas_label_placer_get_n_placed (view->labels);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLabelBox *box = &atlas_label_placer_get_placed (view->labels, i)->box;

      g_assert_cmpfloat (box->x, >=, 0);
      g_assert_cmpfloat (box->y, >=, 0);
      g_assert_cmpfloat (box->x + box->width, <=, width);
      g_assert_cmpfloat (box->y + box->height, <=, height);
      for (guint j = i + 1; j < n; j++)
        g_assert_false (atlas_label_boxes_overlap (box, &atlas_label_placer_get_placed (view->labels, j)->box));
      if (_atlas_graph_view_legend_box (view, &legend))
        g_assert_false (atlas_label_boxes_overlap (box, &(AtlasLabelBox) { legend.origin.x, legend.origin.y,
                                                                           legend.size.width, legend.size.height }));
      for (guint k = 0; k < G_N_ELEMENTS (overlays); k++)
        {
          graphene_rect_t bounds;

          if (gtk_widget_get_visible (overlays[k]) && gtk_widget_compute_bounds (overlays[k], GTK_WIDGET (view), &bounds))
            g_assert_false (atlas_label_boxes_overlap (box, &(AtlasLabelBox) { bounds.origin.x, bounds.origin.y,
                                                                               bounds.size.width, bounds.size.height }));
        }
    }
  return n;
}

/* The corpus's graph at three sizes, as it opens, with each article open
 * (its entities ringed and named), with the pointer over each node in turn,
 * and with the way back from one entity's network shown: no name is ever
 * drawn over another, the legend or a button. The ringed names came first,
 * each at the first place below its node, and piled up. */
static void
test_labels_never_collide (void)
{
  static const int sizes[][2] = { { 700, 480 }, { WIDTH, HEIGHT }, { 360, 300 } };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  g_autoptr(GArray) articles = atlas_query_article_ids (store, everything, NULL);

  g_assert_cmpuint (articles->len, >=, 2);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(AtlasViewState) state = atlas_view_state_new ();
      g_autoptr(AtlasSession) session = atlas_session_new (store, state);
      GtkWidget *window = adw_window_new ();
      AtlasGraphView *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
      AtlasGraph *graph;
      guint ringed_named = 0;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
      adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
      gtk_window_present (GTK_WINDOW (window));
      atlas_session_allow_workers (session);
      atlas_graph_view_set_session (view, session);
      atlas_test_wait_for_graph (view);
      graph = atlas_graph_view_get_graph (view);
      g_assert_cmpuint (assert_labels_clear (view), >, 0);

      for (guint a = 0; a < articles->len; a++)
        {
          atlas_view_state_set_selected_article (state, g_array_index (articles, gint64, a));
          g_assert_cmpuint (g_hash_table_size (view->highlight), >, 0);
          ringed_named = MAX (ringed_named, assert_labels_clear (view));
          for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
            {
              view->hover = i;
              assert_labels_clear (view);
              g_assert_true (atlas_label_placer_has (view->labels, i));
            }
          view->hover = -1;
        }
      g_test_message ("%d×%d: up to %u names with an article open", sizes[s][0], sizes[s][1], ringed_named);

      _atlas_graph_view_set_ego (view, atlas_graph_get_node (graph, 0)->id);
      atlas_test_wait_for_graph (view);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      assert_labels_clear (view);

      gtk_window_destroy (GTK_WINDOW (window));
      atlas_test_drain ();
    }
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Two nodes of one name are labelled with their countries; a name of its
 * own is left alone. */
static void
test_same_names_told_apart (void)
{
  AtlasGraphView *view;
  GtkWidget *window = show_view (&view, WIDTH, HEIGHT);
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  const char *countries[] = { "GB", "NO" };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("nscale-%u", i);
      AtlasGraphNode *node = atlas_graph_get_node (graph, atlas_graph_add_node (graph, id, "Nscale", "company",
                                                                                 countries[i], 1));
      node->x = 10 * i;
      node->y = 5 * i;
    }
  atlas_graph_add_node (graph, "nvidia", "NVIDIA", "company", "US", 1);
  atlas_graph_view_set_graph (view, graph);
  atlas_test_wait_for_graph (view);
  {
    g_autofree char *first = _atlas_graph_view_node_label (view, 0);
    g_autofree char *second = _atlas_graph_view_node_label (view, 1);
    g_autofree char *alone = _atlas_graph_view_node_label (view, 2);

    g_assert_cmpstr (first, ==, "Nscale (United Kingdom)");
    g_assert_cmpstr (second, ==, "Nscale (Norway)");
    g_assert_cmpstr (alone, ==, "NVIDIA");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A large selection's graph says what it leaves out, and a click on a
 * gathering shows more of its kind instead of filtering by it. */
static void
test_large_graph_summary (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = NULL;
  AtlasGeneratorOptions options;
  GtkWidget *window = adw_window_new ();
  AtlasGraphView *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  GtkEventController *click;
  g_autofree char *expected = NULL;
  graphene_point_t point;
  guint shown, total, more_shown;

  atlas_generator_options_init (&options);
  options.articles = 2000;
  options.entities = 900;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
  session = atlas_session_new (store, state);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  atlas_session_allow_workers (session);
  atlas_graph_view_set_session (view, session);
  atlas_test_wait_for_graph (view);
  atlas_test_wait_while (view, "busy", 30);

  total = atlas_graph_count_entities (atlas_graph_view_get_graph (view), &shown);
  g_assert_cmpuint (shown, ==, ATLAS_GRAPH_SUMMARY_NODES);
  g_assert_true (gtk_widget_get_visible (view->notice));
  /* At "fit", names clear of each other, of the notice and the legend. */
  g_assert_cmpuint (assert_labels_clear (view), >, 2);
  expected = g_strdup_printf ("Showing the %u most mentioned of %u entities; click a gathering to show more", shown, total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view->notice)), ==, expected);
  {
    g_autofree char *tooltip = atlas_graph_view_describe (view, "atlas:more:company");
    guint index;
    g_autofree char *more = NULL;

    g_assert_true (atlas_graph_find (atlas_graph_view_get_graph (view), "atlas:more:company", &index));
    more = g_strdup_printf ("click to show %u more",
                            MIN (atlas_graph_get_node (atlas_graph_view_get_graph (view), index)->gathered,
                                 ATLAS_GRAPH_SUMMARY_NODES));
    g_assert_nonnull (strstr (tooltip, more));
  }

  /* A click on the gathering opens it: no filter. */
  g_assert_true (atlas_graph_view_get_node_point (view, "atlas:more:company", &point));
  click = atlas_test_find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
  g_assert_true (atlas_graph_view_get_busy (view));
  atlas_test_wait_while (view, "busy", 30);
  atlas_graph_count_entities (atlas_graph_view_get_graph (view), &more_shown);
  g_assert_cmpuint (more_shown, >, shown);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* 1,500 entities at "fit": the discs shrink until together they
 * cover at most a quarter of the view, and grow back when zoomed in. */
static void
test_large_graph_size_rule (void)
{
  GtkWidget *window = adw_window_new ();
  AtlasGraphView *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double area = 0, size, covered, zoomed;

  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      AtlasGraphNode *node = atlas_graph_get_node (graph, atlas_graph_add_node (graph, id, id, "company", NULL,
                                                                                 1 + g_rand_int_range (rand, 0, 60)));

      node->x = g_rand_double_range (rand, -500, 500);
      node->y = g_rand_double_range (rand, -300, 300);
    }
  for (guint i = 1; i < 1500; i++)
    atlas_graph_add_edge (graph, i, g_rand_int_range (rand, 0, i), ATLAS_GRAPH_EDGE_RELATION, "supplies", 1);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) < WIDTH - 16)
    g_main_context_iteration (NULL, TRUE);
  atlas_graph_view_set_graph (view, graph);
  atlas_test_wait_for_graph (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.fit", NULL));

  size = atlas_graph_view_get_node_size (view);
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      double r = atlas_graph_node_radius (atlas_graph_get_node (graph, i), ATLAS_GRAPH_SIZE_BY_ARTICLES, size);

      area += G_PI * r * r;
    }
  covered = area / ((double) gtk_widget_get_width (GTK_WIDGET (view)) * view_height (view));
  g_test_message ("node size %.3f, discs cover %.2f of the view", size, covered);
  g_assert_cmpfloat (size, <, 0.35);
  g_assert_cmpfloat (covered, <=, 0.25 + 1e-6);

  /* Names clear of each other with a fifth of the nodes ringed, as a broad
   * filter does. */
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i += 5)
    g_hash_table_add (view->highlight, g_strdup (atlas_graph_get_node (graph, i)->id));
  g_assert_cmpuint (assert_labels_clear (view), >, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom", "d", 2.0));
  zoomed = atlas_graph_view_get_node_size (view);
  g_assert_cmpfloat_with_epsilon (zoomed, MIN (2 * size, 1.0), 0.01);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The layout worker hands its graph to the main thread through a source.
 * g_main_context_invoke() ran the view's code in the worker whenever the main
 * context was free, as it is between two iterations of GApplication's loop
 * and here while the main thread sleeps: GTK was used from the worker, and
 * the window tests crashed now and then. */
static void
test_updates_on_main_thread (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  GtkWidget *window = adw_window_new ();
  AtlasGraphView *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  gint64 deadline = atlas_test_deadline (10);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  atlas_session_allow_workers (session);
  atlas_graph_view_set_session (view, session);
  while (!atlas_graph_view_get_busy (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (atlas_graph_view_get_busy (view));

  /* The corpus's graph is laid out well within this, and must wait. */
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  g_assert_null (atlas_graph_view_get_graph (view));
  atlas_test_wait_for_graph (view);
  g_assert_nonnull (atlas_graph_view_get_graph (view));

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A site's disc grows with the measure chosen: its articles, power or
 * compute, capped as articles are; other nodes keep their articles'. The
 * view's option is a property its menu's action sets. */
static void
test_site_size (void)
{
  AtlasGraphNode site = { .weight = 1, .power_mw = 1000, .h100e = 50000, .status = "planned" };
  AtlasGraphNode company = { .weight = 4, .power_mw = NAN, .h100e = NAN };
  AtlasGraphView *view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  g_autofree char *size = NULL;

  g_object_ref_sink (view);
  g_assert_cmpfloat (atlas_graph_node_radius (&site, ATLAS_GRAPH_SIZE_BY_ARTICLES, 1), ==, 4 + 2.5);
  g_assert_cmpfloat (atlas_graph_node_radius (&site, ATLAS_GRAPH_SIZE_BY_POWER, 1), ==, 4 + 2.5 * 10);
  g_assert_cmpfloat (atlas_graph_node_radius (&site, ATLAS_GRAPH_SIZE_BY_H100E, 1), ==, 4 + 2.5 * sqrt (10));
  g_assert_cmpfloat (atlas_graph_node_radius (&company, ATLAS_GRAPH_SIZE_BY_POWER, 1), ==, 4 + 2.5 * 2);

  g_object_get (view, "site-size", &size, NULL);
  g_assert_cmpstr (size, ==, "articles");
  g_clear_pointer (&size, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.site-size", "s", "power"));
  g_object_get (view, "site-size", &size, NULL);
  g_assert_cmpstr (size, ==, "power");
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();
  /* The pictures were made with this font; Debian's GTK brings it along. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "DejaVu Sans 10", NULL);

  g_test_add_func ("/graph-view/light-and-dark", test_light_and_dark);
  g_test_add_func ("/graph-view/narrow-window", test_narrow_window);
  g_test_add_func ("/graph-view/pan-and-zoom", test_pan_and_zoom);
  g_test_add_func ("/graph-view/site-size", test_site_size);
  g_test_add_func ("/graph-view/keyboard", test_keyboard);
  g_test_add_func ("/graph-view/large-graph-size-rule", test_large_graph_size_rule);
  g_test_add_func ("/graph-view/labels-never-collide", test_labels_never_collide);
  g_test_add_func ("/graph-view/same-names-told-apart", test_same_names_told_apart);
  g_test_add_func ("/graph-view/large-graph-summary", test_large_graph_summary);
  g_test_add_func ("/graph-view/updates-on-main-thread", test_updates_on_main_thread);
  return g_test_run ();
}
