/* bench-graph-view: frame work of the graph view while panning and zooming
 *
 *   meson test -C build --benchmark graph-view --verbose
 *   xvfb-run -a env GSK_RENDERER=cairo build/bench/bench-graph-view [NODES]   (default 5000)
 *
 * A laid-out app-shaped graph is shown in a window, then driven through
 * the view's own actions: 240 pan steps and 120 zoom steps. Each frame's
 * work is what GTK does on the main thread for a frame: the widget's
 * snapshot and its rendering by the window's renderer (the cairo one, as
 * set above), timed offscreen. The reference, in the same run, is drawing
 * the graph straight with cairo at the same size for every frame, culled to
 * the view: what the widget would cost without its painted image. Also
 * reported: the share of frames that showed a scaled or moved image rather
 * than a sharp one, and how long the worker takes to paint one.
 */
#include <adwaita.h>
#include <math.h>
#include <stdio.h>

#include "atlas-graph-layout.h"
#include "atlas-graph-painter.h"
#include "atlas-graph-view.h"
#include "bench-graphs.h"

#define WIDTH  900
#define HEIGHT 700

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
pump (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What GTK does for one frame of the view, timed: its snapshot, then its
 * rendering by the window's renderer. */
static double
frame (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  double start = now_ms ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert (node != NULL);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  return now_ms () - start;
}

static void
wait_painted (AtlasGraphView *view)
{
  while (!atlas_graph_view_get_painted (view))
    {
      frame (GTK_WIDGET (view));
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  GArray *times;
  guint   stale;
} Run;

static void
step (AtlasGraphView *view,
      Run            *run,
      const char     *action,
      GVariant       *parameter)
{
  pump ();
  gtk_widget_activate_action_variant (GTK_WIDGET (view), action, parameter);
  if (!atlas_graph_view_get_painted (view))
    run->stale++;
  g_array_append_val (run->times, (double) { frame (GTK_WIDGET (view)) });
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autoptr(AtlasGraph) graph = bench_app_shaped_graph (n, 42);
  g_autoptr(AtlasGraphLayout) layout = atlas_graph_layout_new (graph, 1, NULL);
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  Run run = { g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  GtkWidget *window;
  AtlasGraphView *view;
  double settle_start, settle_ms, p95, reference_p95;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  adw_init ();
  atlas_graph_layout_run (layout, 1000);

  window = gtk_window_new ();
  view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) != WIDTH)
    g_main_context_iteration (NULL, TRUE);
  atlas_graph_view_set_graph (view, graph);
  /* Zoomed in a little from "fit", as someone reading the graph would be. */
  gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom", "d", 1.5);
  wait_painted (view);

  /* Pan in a square, 8 px a frame, then zoom in and out around the middle. */
  for (guint i = 0; i < 240; i++)
    {
      double dx = (i / 60) % 2 == 0 ? ((i / 60) == 0 ? 8 : -8) : 0;
      double dy = (i / 60) % 2 == 1 ? ((i / 60) == 1 ? 8 : -8) : 0;
      step (view, &run, "graph.pan", g_variant_new ("(dd)", dx, dy));
    }
  for (guint i = 0; i < 120; i++)
    step (view, &run, "graph.zoom", g_variant_new_double (i < 60 ? 1.03 : 1 / 1.03));
  settle_start = now_ms ();
  wait_painted (view);
  settle_ms = now_ms () - settle_start;

  /* The reference: the same graph drawn straight, each frame. */
  {
    g_autoptr(AtlasGraphScene) scene = atlas_graph_scene_new (graph, (double[]) { 0.2, 0.2, 0.2 }, FALSE);
    double zoom = 1;
    float min_x = G_MAXFLOAT, max_x = -G_MAXFLOAT, min_y = G_MAXFLOAT, max_y = -G_MAXFLOAT;

    for (guint i = 0; i < n; i++)
      {
        const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
        min_x = MIN (min_x, node->x), max_x = MAX (max_x, node->x);
        min_y = MIN (min_y, node->y), max_y = MAX (max_y, node->y);
      }
    zoom = 1.5 * MIN ((WIDTH - 80) / (max_x - min_x), (HEIGHT - 80) / (max_y - min_y));
    for (guint i = 0; i < 30; i++)
      {
        cairo_rectangle_t area = { -WIDTH / 2.0 + 8 * i, -HEIGHT / 2.0, WIDTH, HEIGHT };
        double size = atlas_graph_node_size (atlas_graph_typical_edge (graph), zoom);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        cairo_t *cr = cairo_create (surface);
        double start = now_ms ();

        cairo_translate (cr, -area.x, -area.y);
        atlas_graph_scene_draw (scene, cr, zoom, size, &area);
        cairo_surface_flush (surface);
        g_array_append_val (reference, (double) { now_ms () - start });
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        start = now_ms ();
        area = (cairo_rectangle_t) { -WIDTH * 0.75, -HEIGHT * 0.75, WIDTH * 1.5, HEIGHT * 1.5 };
        surface = atlas_graph_scene_render (scene, zoom, size, &area, 1);
        g_array_append_val (paints, (double) { now_ms () - start });
        cairo_surface_destroy (surface);
      }
  }

  p95 = percentile (run.times, 0.95);
  reference_p95 = percentile (reference, 0.95);
  printf ("graph: %u nodes, %u edges; view %d x %d, renderer %s\n", n, atlas_graph_get_n_edges (graph), WIDTH, HEIGHT,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view)))));
  printf ("frame work (%u frames: 240 pan, 120 zoom): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", run.times->len,
          percentile (run.times, 0.5), p95, percentile (run.times, 1.0));
  printf ("reference, drawing the view's part of the graph with cairo for each frame: p50 %.2f ms, p95 %.2f ms\n",
          percentile (reference, 0.5), reference_p95);
  printf ("ratio (p95 frame / p95 reference): %.3f\n", p95 / reference_p95);
  printf ("frames showing a moved or scaled image: %u of %u; sharp again %.0f ms after the last step\n",
          run.stale, run.times->len, settle_ms);
  printf ("painting one image (the view and its margins, 2.25 times its area) in the worker: p50 %.1f ms\n",
          percentile (paints, 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (run.times);
  return p95 <= 16.7 ? 0 : 1;
}
