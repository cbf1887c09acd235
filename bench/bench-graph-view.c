/* bench-graph-view: frame work of the graph view while panning and zooming
 *
 *   meson test -C build --benchmark graph-view --verbose
 *   xvfb-run -a env GSK_RENDERER=cairo build/bench/bench-graph-view [NODES]   (default 5000)
 *
 * A laid-out app-shaped graph is shown in a window that uses GTK's cairo
 * renderer, then driven through the view's own actions, one step per frame
 * of the window's frame clock: 240 pan steps and 120 zoom steps. A frame's
 * work is the main thread's time from the frame clock's "update" to its
 * "after-paint": the step, layout, snapshot, rendering and the copy to the
 * X server. The reference, in the same run, is drawing the view's part of
 * the graph with cairo for one frame: what the widget would cost each frame
 * without its painted image. Also reported: the share of frames that showed
 * a moved or scaled image rather than a sharp one, and how long the worker
 * takes to paint one.
 */
#include <adwaita.h>
#include <math.h>
#include <stdio.h>

#include "atlas-graph-layout.h"
#include "atlas-graph-painter.h"
#include "atlas-graph-view-private.h"
#include "atlas-palette.h"
#include "bench-graphs.h"
#include "bench-view.h"

#define WIDTH  900
#define HEIGHT 700

static void
wait_painted (AtlasGraphView *view)
{
  while (!atlas_graph_view_get_painted (view))
    {
      gtk_widget_queue_draw (GTK_WIDGET (view));
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  AtlasGraphView *view;
  GArray         *times;
  guint           stale;
  guint           step;
  gint64          frame_start;
} Drive;

#define PAN_STEPS  240
#define ZOOM_STEPS 120

/* Step `i` of the run: a pan in a square, 8 px a frame, then a zoom in and
 * out around the middle. */
static void
apply_step (AtlasGraphView *view,
            guint           i)
{
  if (i < PAN_STEPS)
    {
      double dx = (i / 60) % 2 == 0 ? ((i / 60) == 0 ? 8 : -8) : 0;
      double dy = (i / 60) % 2 == 1 ? ((i / 60) == 1 ? 8 : -8) : 0;
      gtk_widget_activate_action (GTK_WIDGET (view), "graph.pan", "(dd)", dx, dy);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom", "d", i < PAN_STEPS + ZOOM_STEPS / 2 ? 1.03 : 1 / 1.03);
}

static void
on_update (GdkFrameClock *clock,
           Drive         *drive)
{
  drive->frame_start = g_get_monotonic_time ();
  apply_step (drive->view, drive->step);
  if (!atlas_graph_view_get_painted (drive->view))
    drive->stale++;
}

static void
on_after_paint (GdkFrameClock *clock,
                Drive         *drive)
{
  if (drive->frame_start == 0)
    return;
  g_array_append_val (drive->times, (double) { (g_get_monotonic_time () - drive->frame_start) / 1000.0 });
  drive->frame_start = 0;
  drive->step++;
}

static void
start_frame (GdkFrameClock *clock,
             Drive         *drive)
{
  drive->frame_start = g_get_monotonic_time ();
}

static void
draw_flat (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Drive *drive = user_data;

  cairo_set_source_rgb (cr, 0.5, 0.5, (drive->step % 2) ? 0.6 : 0.4);
  cairo_paint (cr);
}

/* Steps the view once a frame until all steps are done. */
static void
run_frames (Drive *drive)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (drive->view));
  gulong update = g_signal_connect (clock, "update", G_CALLBACK (on_update), drive);
  gulong after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), drive);

  gdk_frame_clock_begin_updating (clock);
  while (drive->step < PAN_STEPS + ZOOM_STEPS)
    g_main_context_iteration (NULL, TRUE);
  gdk_frame_clock_end_updating (clock);
  g_signal_handler_disconnect (clock, update);
  g_signal_handler_disconnect (clock, after_paint);
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
  g_autoptr(GArray) offscreen = g_array_new (FALSE, FALSE, sizeof (double));
  Drive drive = { NULL, g_array_new (FALSE, FALSE, sizeof (double)) };
  GtkWidget *window;
  AtlasGraphView *view;
  double settle_start, settle_ms, p95, reference_p95, floor_p50, floor_p95;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  adw_init ();
  atlas_palette_load ();
  atlas_graph_layout_run (layout, 1000);

  window = gtk_window_new ();
  view = g_object_new (ATLAS_TYPE_GRAPH_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) != WIDTH)
    g_main_context_iteration (NULL, TRUE);
  /* The floor: the same window repainting all of itself each frame with
   * one flat colour. */
  {
    GtkWidget *flat = gtk_drawing_area_new ();
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
    Drive floor = { view, g_array_new (FALSE, FALSE, sizeof (double)) };
    gulong update, after_paint;

    g_object_ref (view);
    gtk_window_set_child (GTK_WINDOW (window), flat);
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (flat), draw_flat, &floor, NULL);
    update = g_signal_connect_swapped (clock, "update", G_CALLBACK (gtk_widget_queue_draw), flat);
    after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &floor);
    g_signal_connect (clock, "update", G_CALLBACK (start_frame), &floor);
    gdk_frame_clock_begin_updating (clock);
    while (floor.step < 120)
      g_main_context_iteration (NULL, TRUE);
    gdk_frame_clock_end_updating (clock);
    g_signal_handler_disconnect (clock, update);
    g_signal_handler_disconnect (clock, after_paint);
    g_signal_handlers_disconnect_by_func (clock, start_frame, &floor);
    floor_p50 = bench_percentile (floor.times, 0.5);
    floor_p95 = bench_percentile (floor.times, 0.95);
    g_array_unref (floor.times);
    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
    g_object_unref (view);
    while (gtk_widget_get_width (GTK_WIDGET (view)) != WIDTH)
      g_main_context_iteration (NULL, TRUE);
  }

  atlas_graph_view_set_graph (view, graph);
  drive.view = view;
  /* Zoomed in a little from "fit", as someone reading the graph would be. */
  gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom", "d", 1.5);
  wait_painted (view);

  run_frames (&drive);
  settle_start = bench_now_ms ();
  wait_painted (view);
  settle_ms = bench_now_ms () - settle_start;

  /* The same steps again, the view's own work alone: the window hidden so
   * that its real frames do not compete. The steps end where they began. */
  gtk_widget_set_visible (window, FALSE);
  g_assert (gtk_widget_get_width (GTK_WIDGET (view)) == WIDTH && atlas_graph_view_get_painted (view));
  for (guint i = 0; i < PAN_STEPS + ZOOM_STEPS; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      apply_step (view, i);
      g_array_append_val (offscreen, (double) { bench_offscreen_frame (GTK_WIDGET (view)) });
    }

  /* The reference: the same graph drawn straight, each frame. */
  {
    g_autoptr(AtlasGraphScene) scene = NULL;
    AtlasGraphColors colors;
    double zoom = 1;
    float min_x = G_MAXFLOAT, max_x = -G_MAXFLOAT, min_y = G_MAXFLOAT, max_y = -G_MAXFLOAT;

    _atlas_graph_view_colors (view, &colors);
    scene = atlas_graph_scene_new (graph, &colors, ATLAS_GRAPH_SIZE_BY_ARTICLES);
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
        double size = atlas_graph_node_size (atlas_graph_median_edge (graph, 1000), zoom);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        cairo_t *cr = cairo_create (surface);
        double start = bench_now_ms ();

        cairo_translate (cr, -area.x, -area.y);
        atlas_graph_scene_draw (scene, cr, zoom, size, &area);
        cairo_surface_flush (surface);
        g_array_append_val (reference, (double) { bench_now_ms () - start });
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        start = bench_now_ms ();
        area = (cairo_rectangle_t) { -WIDTH * 0.75, -HEIGHT * 0.75, WIDTH * 1.5, HEIGHT * 1.5 };
        surface = atlas_graph_scene_render (scene, zoom, size, &area, 1);
        g_array_append_val (paints, (double) { bench_now_ms () - start });
        cairo_surface_destroy (surface);
      }
  }

  reference_p95 = bench_percentile (reference, 0.95);
  printf ("graph: %u nodes, %u edges; view %d x %d, renderer %s\n", n, atlas_graph_get_n_edges (graph), WIDTH, HEIGHT,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view)))));
  printf ("real frames, from the frame clock's update to its after-paint (%u frames: %u pan, %u zoom): "
          "p50 %.2f ms, p95 %.2f ms\n", drive.times->len, PAN_STEPS, ZOOM_STEPS,
          bench_percentile (drive.times, 0.5), bench_percentile (drive.times, 0.95));
  printf ("floor, the same window repainted whole with a flat colour each frame: p50 %.2f ms, p95 %.2f ms; "
          "ratio of the p95s %.2f\n", floor_p50, floor_p95, bench_percentile (drive.times, 0.95) / floor_p95);
  {
    g_autoptr(GArray) pans = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));

    g_array_append_vals (pans, offscreen->data, PAN_STEPS);
    g_array_append_vals (zooms, &g_array_index (offscreen, double, PAN_STEPS), ZOOM_STEPS);
    printf ("the view's own work per frame, offscreen: panning p50 %.2f ms, p95 %.2f ms; zooming p50 %.2f ms, "
            "p95 %.2f ms\n", bench_percentile (pans, 0.5), bench_percentile (pans, 0.95), bench_percentile (zooms, 0.5),
            bench_percentile (zooms, 0.95));
  }
  p95 = bench_percentile (offscreen, 0.95);
  printf ("the view's own work, all %u frames: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", offscreen->len,
          bench_percentile (offscreen, 0.5), p95, bench_percentile (offscreen, 1.0));
  printf ("reference, drawing the view's part of the graph with cairo for each frame: p50 %.2f ms, p95 %.2f ms; "
          "ratio of the p95s %.3f\n", bench_percentile (reference, 0.5), reference_p95, p95 / reference_p95);
  printf ("real frames showing a moved or scaled image: %u of %u; sharp again %.0f ms after the last step\n",
          drive.stale, drive.times->len, settle_ms);
  printf ("painting one image (the view and its margins, 2.25 times its area) in the worker: p50 %.1f ms\n",
          bench_percentile (paints, 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (drive.times);
  return p95 <= 16.7 ? 0 : 1;
}
