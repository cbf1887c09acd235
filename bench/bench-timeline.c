/* bench-timeline: the timeline over 100,000 events and 100,000 articles
 *
 *   meson test -C build --benchmark timeline --verbose
 *   xvfb-run -a env GSK_RENDERER=cairo build/bench/bench-timeline [N]   (default 100000)
 *
 * A store is filled with N articles and N events spread over ten years
 * (seeded; a quarter of the events known only to the month, a tenth to the
 * year), and shown in a timeline 1,200 px wide that uses GTK's cairo
 * renderer. Measured, offscreen with the window hidden:
 *   - one snapshot and render of the whole ten years, every layer drawn
 *     (what a zoom or a pan redraws; a filter change redraws only the
 *     article strip and the range band);
 *   - a zoom step: new article counts per bucket (from the selection in
 *     memory, as the view asks them) and the redraw at the new zoom;
 * and, as the reference in the same run, one SQL COUNT over the same
 * articles (what reading the rows once costs), so each figure is a ratio.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "atlas-query.h"
#include "atlas-store.h"
#include "atlas-timeline-view-private.h"
#include "bench-view.h"
#include "atlas-palette.h"

#define WIDTH  1200
#define HEIGHT 320
#define YEARS  10

static const char *const kinds[] = {
  "investment", "funding", "opening", "announcement", "partnership", "acquisition", "launch", "other",
};

static void
fill_store (AtlasStore *store,
            guint       n,
            gint64      first)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(sqlite3_stmt) article = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  double span = YEARS * 365.25 * 86400;

  g_assert (atlas_store_exec (store, "BEGIN IMMEDIATE;"
                              "INSERT INTO feeds (id, key, title) VALUES (1, 'bench', 'Bench');", NULL));
  article = atlas_store_prepare (store,
                                 "INSERT INTO articles (id, feed_id, item_id, title, published) VALUES (?1, 1, ?2, ?3, ?4)",
                                 NULL);
  event = atlas_store_prepare (store,
                               "INSERT INTO events (feed_id, article_id, date, date_precision, starts, ends, kind, title) "
                               "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)", NULL);
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);
      g_autofree char *title = g_strdup_printf ("Article %u", i);
      gint64 published = first + (gint64) (g_rand_double (rand) * span);
      gint64 when = first + (gint64) (g_rand_double (rand) * span);
      double roll = g_rand_double (rand);
      AtlasPartialDate date = { 0 };
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);
      g_autofree char *text = NULL;
      g_autofree char *event_title = g_strdup_printf ("Event %u", i);

      sqlite3_bind_int (article, 1, i);
      sqlite3_bind_text (article, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 3, title, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (article, 4, published);
      g_assert (sqlite3_step (article) == SQLITE_DONE);
      sqlite3_reset (article);

      date.year = g_date_time_get_year (dt);
      date.month = g_date_time_get_month (dt);
      date.day = g_date_time_get_day_of_month (dt);
      date.precision = roll < 0.1 ? ATLAS_DATE_PRECISION_YEAR : roll < 0.35 ? ATLAS_DATE_PRECISION_MONTH
                                                                          : ATLAS_DATE_PRECISION_DAY;
      text = atlas_partial_date_to_string (&date);
      sqlite3_bind_int (event, 1, i);
      sqlite3_bind_text (event, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int (event, 3, date.precision);
      sqlite3_bind_int64 (event, 4, atlas_partial_date_start (&date));
      sqlite3_bind_int64 (event, 5, atlas_partial_date_end (&date));
      sqlite3_bind_text (event, 6, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 7, event_title, -1, SQLITE_STATIC);
      g_assert (sqlite3_step (event) == SQLITE_DONE);
      sqlite3_reset (event);
    }
  g_assert (atlas_store_exec (store, "COMMIT", NULL));
}

/* Every layer drawn and rendered, as a frame after a zoom: the window is
 * hidden, so each layer's own snapshot is called, not GTK's for a child. */
static double
timeline_frame (AtlasTimelineView *view)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  double start = bench_now_ms ();

  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    GTK_WIDGET_GET_CLASS (view->layers[i])->snapshot (view->layers[i], snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view))), node,
                                           &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  return bench_now_ms () - start;
}

static void
wait_idle (AtlasTimelineView *view)
{
  do
    {
      timeline_frame (view);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  while (atlas_timeline_view_get_busy (view));
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(GArray) renders = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  AtlasTimelineView *view;
  double load_start, load_ms;
  gint64 first = 1483228800;   /* 2017-01-01 */

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();

  store = atlas_store_open (path, NULL);
  g_assert (store != NULL);
  fill_store (store, n, first);

  window = gtk_window_new ();
  view = g_object_new (ATLAS_TYPE_TIMELINE_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (view)) != WIDTH)
    g_main_context_iteration (NULL, TRUE);

  load_start = bench_now_ms ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  atlas_session_allow_workers (session);
  atlas_timeline_view_set_session (view, session);
  wait_idle (view);
  load_ms = bench_now_ms () - load_start;
  gtk_widget_set_visible (window, FALSE);

  for (guint i = 0; i < 30; i++)
    {
      double ms = timeline_frame (view);
      g_array_append_val (renders, ms);
    }

  /* Zoom steps in and out: the counts for the new buckets, then a frame. */
  for (guint i = 0; i < 30; i++)
    {
      double start = bench_now_ms ();

      gtk_widget_activate_action (GTK_WIDGET (view), "timeline.zoom", "d", i < 15 ? 1.25 : 0.8);
      wait_idle (view);
      g_array_append_val (zooms, (double) { bench_now_ms () - start });
    }

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, "SELECT count(*) FROM articles WHERE published >= ?1", NULL);
      double start = bench_now_ms ();

      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_step (stmt);
      g_array_append_val (counts, (double) { bench_now_ms () - start });
    }

  printf ("timeline: %u events and %u articles over %d years; view %d x %d, renderer %s\n", n, n, YEARS, WIDTH, HEIGHT,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (view)))));
  printf ("loading the events and the first counts (worker): %.0f ms\n", load_ms);
  printf ("one snapshot and render of all ten years: p50 %.2f ms, p95 %.2f ms\n", bench_percentile (renders, 0.5),
          bench_percentile (renders, 0.95));
  printf ("a zoom step (new counts per bucket, then the frame): p50 %.2f ms, p95 %.2f ms\n", bench_percentile (zooms, 0.5),
          bench_percentile (zooms, 0.95));
  printf ("reference, one SQL COUNT over the articles: p50 %.2f ms\n", bench_percentile (counts, 0.5));
  printf ("ratios to the reference (p50): render %.2f, zoom step %.2f\n",
          bench_percentile (renders, 0.5) / bench_percentile (counts, 0.5), bench_percentile (zooms, 0.5) / bench_percentile (counts, 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_unlink (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return bench_percentile (renders, 0.5) <= 8 && bench_percentile (zooms, 0.5) <= 16 ? 0 : 1;
}
