/* bench-startup: start-up, scrolling and memory with a large store
 *
 *   meson test -C build --benchmark startup --verbose    (generates 100,000 articles first)
 *   xvfb-run -a env GSK_RENDERER=cairo build/bench/bench-startup [--db STORE | N]
 *
 * Each measurement is a fresh process of this program, timed by the parent
 * from the moment it spawns the child to the child's first painted frame
 * (both read the same monotonic clock):
 *   - a minimal libadwaita window (a header bar and a label): the reference;
 *   - the app's window on an empty store;
 *   - the app's window on the large store.
 * On the large store the child also waits for the list to fill, then scrolls
 * the article list from the first row to the last, a page per frame, timing
 * each frame and sampling its resident memory, then filters and searches,
 * and reports its peak resident memory; the same browsing of the empty store
 * is the memory reference. Also reported: when the graph and the timeline of
 * the whole store were first shown, and how long they take to be rebuilt for
 * the whole store again after the filters are cleared (the busiest filter).
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "atlas-generator.h"
#include "atlas-graph-view-private.h"
#include "atlas-gui.h"
#include "atlas-locale.h"
#include "atlas-timeline-view-private.h"
#include "atlas-window-private.h"
#include "bench-stats.h"
#include "atlas-palette.h"

#define RUNS 5
#define ROWS_PER_STEP 25
#define SIDEBAR_TOGGLES 42  /* the opening of All Companies, then 40 timed */

static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* ---- the child ---------------------------------------------------------- */

typedef struct
{
  GtkWindow    *window;
  GtkListView  *list;
  GListModel   *articles;
  GtkWidget    *graph;
  GtkWidget    *timeline;
  gboolean      graph_shown;
  gboolean      timeline_shown;
  gboolean      scrolled;
  gint64        cleared;   /* when the filters were cleared after browsing */
  guint         toggles;   /* of a country, with every company listed */
  GtkWidget    *companies; /* the All Companies window */
  gint64        toggled;
  gint64        window_painted;     /* the last frames of the two windows */
  gint64        companies_painted;
  gint64        toggled_cpu;
  GArray       *toggle_ms;
  GArray       *toggle_cpu_ms;
  gboolean      browse;
  guint         expected;  /* articles the list fills with before scrolling */
  gboolean      painted;
  guint         step;
  gint64        frame_start;
  GArray       *frame_ms;
  GArray       *rss_kb;
  GMainLoop    *loop;
} Child;

static gboolean
is_article_list (GtkWidget *widget,
                 gpointer   articles)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (widget) || (model = gtk_list_view_get_model (GTK_LIST_VIEW (widget))) == NULL)
    return FALSE;
  return GTK_IS_SINGLE_SELECTION (model) &&
         gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == G_LIST_MODEL (articles);
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of the tree, depth first, that `matches`. */
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*matches) (GtkWidget *, gpointer),
             gpointer   data)
{
  if (matches (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sidebar's "Show All" of the companies, the longest of its lists. */
static gboolean
is_show_all_companies (GtkWidget *widget,
                       gpointer   unused)
{
  const char *label;

  return GTK_IS_BUTTON (widget) && (label = gtk_button_get_label (GTK_BUTTON (widget))) != NULL &&
         g_str_has_prefix (label, "Show All ") && g_ascii_strtoull (label + 9, NULL, 10) > 100;
}

static gboolean
views_idle (Child *child)
{
  return !atlas_graph_view_get_busy (ATLAS_GRAPH_VIEW (child->graph)) &&
         !atlas_timeline_view_get_busy (ATLAS_TIMELINE_VIEW (child->timeline));
}

/* When the graph and the timeline first show the whole store. */
static void
note_views (Child *child)
{
  if (child->graph == NULL)
    return;
  if (!child->graph_shown && atlas_graph_view_get_graph (ATLAS_GRAPH_VIEW (child->graph)) != NULL &&
      !atlas_graph_view_get_busy (ATLAS_GRAPH_VIEW (child->graph)))
    {
      child->graph_shown = TRUE;
      printf ("graph-ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
    }
  if (!child->timeline_shown && !atlas_timeline_view_get_busy (ATLAS_TIMELINE_VIEW (child->timeline)) &&
      atlas_timeline_view_get_events (ATLAS_TIMELINE_VIEW (child->timeline)) != NULL)
    {
      child->timeline_shown = TRUE;
      printf ("timeline-ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
    }
}

static void
on_update (GdkFrameClock *clock,
           Child         *child)
{
  child->frame_start = g_get_monotonic_time ();
}

static void
browse_after_scrolling (Child *child)
{
  static const char *const words[] = { "d", "da", "dat", "data", "" };
  AtlasViewState *state = atlas_window_get_view_state (ATLAS_WINDOW (child->window));

  gtk_widget_activate_action (GTK_WIDGET (child->window), "win.toggle-country", "s", "GB");
  gtk_widget_activate_action (GTK_WIDGET (child->window), "win.toggle-country", "s", "US");
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    atlas_view_state_set_text (state, words[i]);
  gtk_widget_activate_action (GTK_WIDGET (child->window), "win.clear-filters", NULL);
  fflush (stdout);
}

/* The main thread's own time, without the waits for a core that the
 * workers' load adds on two cores. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void toggle_country (Child *child);

/* A toggle is shown when both windows have painted since it: each toplevel
 * has a frame clock of its own. */
static void
note_toggle_painted (Child *child)
{
  gint64 shown = MAX (child->window_painted, child->companies_painted);
  double cpu_ms;

  if (child->toggles == 0 || child->toggles >= SIDEBAR_TOGGLES ||
      MIN (child->window_painted, child->companies_painted) < child->toggled)
    return;
  cpu_ms = (thread_cpu_us () - child->toggled_cpu) / 1000.0;
  if (child->toggles > 1)  /* the first waited for the window to open */
    {
      double ms = (shown - child->toggled) / 1000.0;

      g_array_append_val (child->toggle_ms, ms);
      g_array_append_val (child->toggle_cpu_ms, cpu_ms);
    }
  toggle_country (child);
}

static void
on_companies_after_paint (GdkFrameClock *clock,
                          Child         *child)
{
  child->companies_painted = g_get_monotonic_time ();
  note_toggle_painted (child);
}

static void
on_companies_realize (GtkWidget *widget,
                      Child     *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_companies_after_paint), child);
}

/* Each toggle of a country reorders the companies' counts; timed from the
 * action to the end of the later of the two windows' frames that show it,
 * as fast as a person clicks, whether or not the graph and the timeline have
 * caught up. */
static void
toggle_country (Child *child)
{
  if (++child->toggles == SIDEBAR_TOGGLES)
    {
      printf ("sidebar-toggle %.2f %.2f %.2f %.2f\n", bench_percentile (child->toggle_ms, 0.5),
              bench_percentile (child->toggle_ms, 0.95), bench_percentile (child->toggle_cpu_ms, 0.5),
              bench_percentile (child->toggle_cpu_ms, 0.95));
      /* Back to the main window's steps. */
      gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (child->window)),
                                     GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }
  child->toggled = g_get_monotonic_time ();
  child->toggled_cpu = thread_cpu_us ();
  gtk_widget_activate_action (GTK_WIDGET (child->window), "win.toggle-country", "s",
                              child->toggles / 2 % 2 == 0 ? "GB" : "US");
  /* A frame of each even where the toggle changed nothing, lest the
   * benchmark wait for ever on a store without these countries. */
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (child->window)),
                                 GDK_FRAME_CLOCK_PHASE_PAINT);
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (child->companies), GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Opens All Companies; the toggles start once it has shown. */
static void
open_all_companies (Child *child)
{
  GtkWidget *more = find_widget (GTK_WIDGET (child->window), is_show_all_companies, NULL);
  GListModel *toplevels;

  child->toggles = 1;
  if (more == NULL)  /* the empty store */
    {
      child->toggles = SIDEBAR_TOGGLES;
      return;
    }
  g_signal_emit_by_name (more, "clicked");
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && child->companies == NULL; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WIDGET (child->window))
        child->companies = toplevel;
    }
  g_assert (child->companies != NULL);
  if (gtk_widget_get_realized (child->companies))
    on_companies_realize (child->companies, child);
  else
    g_signal_connect (child->companies, "realize", G_CALLBACK (on_companies_realize), child);
  /* Waits for both windows' first frames, as after a toggle. */
  child->toggled = g_get_monotonic_time ();
  child->toggled_cpu = thread_cpu_us ();
}

/* One step a frame: after the first frame, wait for the list to fill, then
 * scroll it a page of rows per frame to its end. */
static void
on_after_paint (GdkFrameClock *clock,
                Child         *child)
{
  guint n = g_list_model_get_n_items (child->articles);

  if (!child->painted)
    {
      child->painted = TRUE;
      printf ("first-frame %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n", g_get_monotonic_time (), status_kb ("VmRSS:"));
      fflush (stdout);
      if (!child->browse)
        {
          g_main_loop_quit (child->loop);
          return;
        }
      child->graph = find_widget (GTK_WIDGET (child->window), is_of_type, GSIZE_TO_POINTER (ATLAS_TYPE_GRAPH_VIEW));
      child->timeline = find_widget (GTK_WIDGET (child->window), is_of_type, GSIZE_TO_POINTER (ATLAS_TYPE_TIMELINE_VIEW));
    }
  note_views (child);
  if (child->cleared != 0)
    {
      if (!views_idle (child))
        {
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return;
        }
      printf ("rebuilt %.0f\n", (g_get_monotonic_time () - child->cleared) / 1000.0);
      printf ("peak %" G_GSIZE_FORMAT "\n", status_kb ("VmHWM:"));
      g_main_loop_quit (child->loop);
      return;
    }
  if (child->list == NULL && child->expected > 0)
    {
      if (n < child->expected)
        {
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return;
        }
      printf ("list-ready %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (), n);
      child->list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (child->window), is_article_list, child->articles));
      g_assert (child->list != NULL);
    }
  else if (child->list != NULL && !child->scrolled)
    {
      double ms = (g_get_monotonic_time () - child->frame_start) / 1000.0;

      g_array_append_val (child->frame_ms, ms);
      if (child->step % 40 == 0)
        {
          gsize kb = status_kb ("VmRSS:");
          g_array_append_val (child->rss_kb, kb);
        }
    }

  if (child->list == NULL || (child->step + 1) * ROWS_PER_STEP >= n)
    {
      g_autoptr(GString) samples = g_string_new (NULL);

      for (guint i = 0; i < child->rss_kb->len; i++)
        g_string_append_printf (samples, " %" G_GSIZE_FORMAT, g_array_index (child->rss_kb, gsize, i));
      if (child->frame_ms->len > 0 && !child->scrolled)
        printf ("scroll %u %.2f %.2f%s\n", child->frame_ms->len, bench_percentile (child->frame_ms, 0.5),
                bench_percentile (child->frame_ms, 0.95), samples->str);
      child->scrolled = TRUE;
      if (child->toggles == 0)
        {
          open_all_companies (child);
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return;
        }
      if (child->toggles < SIDEBAR_TOGGLES)
        {
          child->window_painted = g_get_monotonic_time ();
          note_toggle_painted (child);
          return;
        }
      /* The views must be done with the whole store before the filters
       * change, so that clearing them rebuilds from a settled state. */
      if (child->graph != NULL && !views_idle (child))
        {
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return;
        }
      browse_after_scrolling (child);
      child->cleared = g_get_monotonic_time ();
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }
  child->step++;
  gtk_widget_activate_action (GTK_WIDGET (child->list), "list.scroll-to-item", "u",
                              MIN (child->step * ROWS_PER_STEP, n - 1));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_realize (GtkWidget *widget,
            Child     *child)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "update", G_CALLBACK (on_update), child);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), child);
}

static int
run_child (const char *what,
           const char *db,
           gboolean    browse,
           guint       expected)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { 0 };

  /* As main.c does; the minimal window allocates from one thread anyway. */
  atlas_gui_share_malloc_arena ();
  atlas_locale_init ();
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();
  child.loop = g_main_loop_new (NULL, FALSE);
  child.browse = browse;
  child.expected = expected;
  child.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.rss_kb = g_array_new (FALSE, FALSE, sizeof (gsize));
  child.toggle_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.toggle_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if (g_str_equal (what, "minimal"))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      child.window = GTK_WINDOW (adw_window_new ());
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), gtk_label_new ("Compute Atlas"));
      adw_window_set_content (ADW_WINDOW (child.window), box);
      child.articles = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
    }
  else
    {
      store = atlas_store_open (db, &error);
      g_assert_no_error (error);
      child.window = GTK_WINDOW (atlas_window_new (NULL, store));
      child.articles = g_object_ref (atlas_window_get_articles (ATLAS_WINDOW (child.window)));
    }
  gtk_window_set_default_size (child.window, 1400, 900);
  g_signal_connect (child.window, "realize", G_CALLBACK (on_realize), &child);
  gtk_window_present (child.window);
  g_main_loop_run (child.loop);

  gtk_window_destroy (child.window);
  g_object_unref (child.articles);
  g_array_unref (child.frame_ms);
  g_array_unref (child.rss_kb);
  g_array_unref (child.toggle_ms);
  g_array_unref (child.toggle_cpu_ms);
  g_main_loop_unref (child.loop);
  return 0;
}

/* ---- the parent --------------------------------------------------------- */

typedef struct
{
  double startup_ms;
  gsize  first_frame_kb;
  double list_ready_ms;
  double graph_ready_ms;
  double timeline_ready_ms;
  double rebuilt_ms;
  char  *scroll;
  double sidebar_p50;
  double sidebar_p95;
  double sidebar_cpu_p50;
  double sidebar_cpu_p95;
  gsize  peak_kb;
} Outcome;

/* Runs a child; `browse` is how many articles it should list before
 * scrolling them, or -1 for a start-up alone. */
static void
run (char       *self,
     const char *what,
     const char *db,
     int         browse,
     Outcome    *outcome)
{
  g_autofree char *mode = browse < 0 ? g_strdup ("start") : g_strdup_printf ("browse:%d", browse);
  char *argv[] = { self, "--child", (char *) what, (char *) (db ? db : "-"), mode, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 spawned = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("child %s: %s", what, error->message);

  memset (outcome, 0, sizeof *outcome);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 when;
      gsize kb;
      char scroll[4096];

      if (sscanf (lines[i], "first-frame %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT, &when, &kb) == 2)
        outcome->startup_ms = (when - spawned) / 1000.0, outcome->first_frame_kb = kb;
      else if (sscanf (lines[i], "list-ready %" G_GINT64_FORMAT, &when) == 1)
        outcome->list_ready_ms = (when - spawned) / 1000.0;
      else if (sscanf (lines[i], "graph-ready %" G_GINT64_FORMAT, &when) == 1)
        outcome->graph_ready_ms = (when - spawned) / 1000.0;
      else if (sscanf (lines[i], "timeline-ready %" G_GINT64_FORMAT, &when) == 1)
        outcome->timeline_ready_ms = (when - spawned) / 1000.0;
      else if (sscanf (lines[i], "rebuilt %lf", &outcome->rebuilt_ms) == 1 ||
               sscanf (lines[i], "sidebar-toggle %lf %lf %lf %lf", &outcome->sidebar_p50, &outcome->sidebar_p95,
                       &outcome->sidebar_cpu_p50, &outcome->sidebar_cpu_p95) == 4)
        ;
      else if (sscanf (lines[i], "peak %" G_GSIZE_FORMAT, &kb) == 1)
        outcome->peak_kb = kb;
      else if (sscanf (lines[i], "scroll %4095[^\n]", scroll) == 1)
        outcome->scroll = g_strdup (scroll);
    }
}

static gint64
count_articles (const char *db)
{
  g_autoptr(AtlasStore) store = atlas_store_open (db, NULL);
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, "SELECT count(*) FROM articles", NULL);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static double
median_startup (char       *self,
                const char *what,
                const char *db)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      Outcome outcome;

      run (self, what, db, -1, &outcome);
      g_array_append_val (times, outcome.startup_ms);
    }
  return bench_percentile (times, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-startup-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *large = NULL;
  Outcome browsed, idle;
  double minimal_ms, empty_ms, large_ms;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], g_str_has_prefix (argv[4], "browse"),
                      g_str_has_prefix (argv[4], "browse:") ? (guint) g_ascii_strtoull (argv[4] + 7, NULL, 10) : 0);

  {
    g_autoptr(AtlasStore) store = atlas_store_open (empty, NULL);
    g_assert (store != NULL);
    /* A feed with no item: the window does not import the bundled corpus. */
    g_assert (atlas_store_exec (store, "INSERT INTO feeds (key, title) VALUES ('none', 'None')", NULL));
  }
  if (argc == 3 && g_str_equal (argv[1], "--db"))
    large = g_strdup (argv[2]);
  else
    {
      g_autoptr(AtlasStore) store = NULL;
      AtlasGeneratorOptions options;

      atlas_generator_options_init (&options);
      options.articles = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
      options.entities = 3000;
      large = g_build_filename (dir, "large.db", NULL);
      store = atlas_store_open (large, NULL);
      g_assert (atlas_generate_into_store (&options, store, NULL));
    }

  /* One run first, so that every measured one finds the files in the page cache. */
  run (argv[0], "app", large, -1, &idle);
  minimal_ms = median_startup (argv[0], "minimal", NULL);
  empty_ms = median_startup (argv[0], "app", empty);
  large_ms = median_startup (argv[0], "app", large);

  printf ("| start-up, spawn to first frame (median of %d) | time | / minimal window |\n", RUNS);
  printf ("| --- | ---: | ---: |\n");
  printf ("| minimal libadwaita window (reference) | %.0f ms | 1.00 |\n", minimal_ms);
  printf ("| the app, empty store | %.0f ms | %.2f |\n", empty_ms, empty_ms / minimal_ms);
  printf ("| the app, large store | %.0f ms | %.2f |\n\n", large_ms, large_ms / minimal_ms);

  run (argv[0], "app", empty, 0, &idle);
  run (argv[0], "app", large, (int) count_articles (large), &browsed);
  printf ("| large store, after the spawn | |\n| --- | ---: |\n");
  printf ("| first frame | %.0f ms |\n", browsed.startup_ms);
  printf ("| list and counts filled | %.0f ms |\n", browsed.list_ready_ms);
  printf ("| graph of the whole store shown | %.0f ms |\n", browsed.graph_ready_ms);
  printf ("| timeline of the whole store shown | %.0f ms |\n", browsed.timeline_ready_ms);
  printf ("| graph and timeline rebuilt after clearing the filters | %.0f ms |\n", browsed.rebuilt_ms);
  printf ("| toggling a country with All Companies open, p50 / p95 | %.1f / %.1f ms |\n",
          browsed.sidebar_p50, browsed.sidebar_p95);
  printf ("| the same, the main thread's own CPU time, p50 / p95 | %.1f / %.1f ms |\n\n",
          browsed.sidebar_cpu_p50, browsed.sidebar_cpu_p95);
  printf ("scrolling %d rows a frame: frames, p50 ms, p95 ms, then resident kB every 40 frames: %s\n",
          ROWS_PER_STEP, browsed.scroll ? browsed.scroll : "(none)");
  printf ("\n| peak resident memory | first frame | after browsing |\n| --- | ---: | ---: |\n");
  printf ("| empty store (reference) | %.1f MB | %.1f MB |\n", idle.first_frame_kb / 1024.0, idle.peak_kb / 1024.0);
  printf ("| large store | %.1f MB | %.1f MB |\n", browsed.first_frame_kb / 1024.0, browsed.peak_kb / 1024.0);
  printf ("| difference | | %+.1f MB |\n", ((double) browsed.peak_kb - idle.peak_kb) / 1024.0);

  g_free (browsed.scroll);
  g_free (idle.scroll);
  {
    g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
    const char *name;

    while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
