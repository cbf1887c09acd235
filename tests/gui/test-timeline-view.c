/* The timeline of the bundled corpus on a known day, compared with a picture
 * kept in tests/data; regenerate it after a deliberate change with
 *   ATLAS_UPDATE_GOLDEN=1 meson test -C build timeline-view
 * and look at it before committing. */
#include <adwaita.h>

#include "atlas-generator.h"
#include "atlas-importer.h"
#include "atlas-test-gtk.h"
#include "atlas-test-util.h"
#include "atlas-timeline-layer.h"
#include "atlas-timeline-view-private.h"
#include "atlas-palette.h"

static void
wait_idle (AtlasTimelineView *timeline)
{
  gint64 deadline = atlas_test_deadline (20);

  do
    {
      atlas_test_wait_for_frames (GTK_WIDGET (timeline));
    }
  while (atlas_timeline_view_get_busy (timeline) && g_get_monotonic_time () < deadline);
  g_assert_false (atlas_timeline_view_get_busy (timeline));
}

/* A window of 1000 × 300 showing a timeline whose today is fixed:
 * 23 November 2026, noon UTC. */
static GtkWidget *
present_timeline (AtlasTimelineView **timeline)
{
  GtkWidget *window = adw_window_new ();

  *timeline = g_object_new (ATLAS_TYPE_TIMELINE_VIEW, "today", (gint64) 1795435200, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 300);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (*timeline));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_corpus_picture (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  AtlasTimelineView *timeline;
  GtkWidget *window = present_timeline (&timeline);
  g_autoptr(GdkTexture) picture = NULL;

  g_autoptr(AtlasSession) session = atlas_session_new (store, state);

  atlas_session_allow_workers (session);

  atlas_timeline_view_set_session (timeline, session);
  wait_idle (timeline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  wait_idle (timeline);

  picture = atlas_test_render (window);
  atlas_test_assert_golden (picture, "timeline-corpus.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
import_corpus_file (AtlasStore *store,
                    const char *name)
{
  g_autofree char *path = g_build_filename (CORPUS_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasImportReport) report = atlas_import_file (store, file, NULL, NULL);

  g_assert_null (report->error);
}

/* A read made while the first-run import is under way sees its first feeds
 * only; the view fits again when the rest arrives, as long as the user has
 * not chosen a range, and keeps the user's range once they have. */
static void
test_fits_until_moved (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  AtlasTimelineView *timeline;
  GtkWidget *window = present_timeline (&timeline);
  gint64 start, end, zoomed_start, zoomed_end;

  import_corpus_file (store, "00-entities.json");
  import_corpus_file (store, "10-hyperai.json");
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  atlas_session_allow_workers (session);
  atlas_timeline_view_set_session (timeline, session);
  wait_idle (timeline);
  atlas_timeline_view_get_range (timeline, &start, &end);
  g_assert_cmpint (start, >, 1483228800);                   /* 2017-01-01: that event is not there yet */

  import_corpus_file (store, "20-revue-de-presse.json");
  atlas_store_emit_changed (store);
  wait_idle (timeline);
  atlas_timeline_view_get_range (timeline, &start, &end);
  g_assert_cmpint (start, <, 1483228800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "d", 2.0));
  atlas_timeline_view_get_range (timeline, &zoomed_start, &zoomed_end);
  atlas_store_emit_changed (store);
  wait_idle (timeline);
  atlas_timeline_view_get_range (timeline, &start, &end);
  g_assert_cmpint (start, ==, zoomed_start);
  g_assert_cmpint (end, ==, zoomed_end);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
count_draws (AtlasTimelineView *timeline,
             guint              draws[ATLAS_N_TIMELINE_LAYERS])
{
  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    draws[i] = atlas_timeline_layer_get_draws (ATLAS_TIMELINE_LAYER (timeline->layers[i]));
}

/* Which layers a change drew again: a bit per layer. */
static guint
redrawn_by (AtlasTimelineView *timeline,
            const guint        before[ATLAS_N_TIMELINE_LAYERS])
{
  guint after[ATLAS_N_TIMELINE_LAYERS];
  guint redrawn = 0;

  wait_idle (timeline);
  count_draws (timeline, after);
  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    if (after[i] != before[i])
      redrawn |= ATLAS_TIMELINE_REDRAW (i);
  return redrawn;
}

/* A change draws again only the layers it touches: the lanes, with their
 * thousands of markers at scale, stay as they were when a filter change
 * only recounts the article strip. */
static void
test_layers_redraw_what_changed (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  AtlasTimelineView *timeline;
  GtkWidget *window = present_timeline (&timeline);
  guint draws[ATLAS_N_TIMELINE_LAYERS];

  atlas_session_allow_workers (session);
  atlas_timeline_view_set_session (timeline, session);
  wait_idle (timeline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  wait_idle (timeline);

  /* The entity selected elsewhere rings its markers. */
  count_draws (timeline, draws);
  atlas_view_state_set_selected_entity (state, "coreweave");
  g_assert_cmpuint (redrawn_by (timeline, draws), ==, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_LANES));

  /* A date range keeps every event: the band and the strip change. */
  count_draws (timeline, draws);
  atlas_view_state_set_date_range (state, 1704067200, 1735689600);
  g_assert_cmpuint (redrawn_by (timeline, draws), ==,
                    ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_RANGE) | ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_STRIP));

  /* A zoom moves everything. */
  count_draws (timeline, draws);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "d", 2.0));
  g_assert_cmpuint (redrawn_by (timeline, draws), ==, ATLAS_TIMELINE_REDRAW_ALL);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A timeline on a store of its own, following a session: what the tests
 * of clicks and zooms below start from. */
typedef struct
{
  char              *dir;
  AtlasStore        *store;
  AtlasViewState    *state;
  AtlasSession      *session;
  AtlasTimelineView *timeline;
  GtkWidget         *window;
} Timeline;

static void
timeline_open (Timeline   *t,
               char       *dir,
               AtlasStore *store)
{
  t->dir = dir;
  t->store = store;
  t->state = atlas_view_state_new ();
  t->session = atlas_session_new (store, t->state);
  t->window = present_timeline (&t->timeline);
  atlas_session_allow_workers (t->session);
  atlas_timeline_view_set_session (t->timeline, t->session);
  wait_idle (t->timeline);
}

static void
timeline_close (Timeline *t)
{
  gtk_window_destroy (GTK_WINDOW (t->window));
  g_clear_object (&t->session);
  g_clear_object (&t->state);
  g_clear_object (&t->store);
  atlas_test_remove_dir (t->dir);
  g_free (t->dir);
}

/* Fits, then zooms in `level` times by two around the middle. */
static void
zoom_to_level (AtlasTimelineView *timeline,
               int                level)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  for (int i = 0; i < level; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom", "d", 2.0));
  wait_idle (timeline);
}

/* A click on merged markers zooms in on them, at every zoom, whatever the
 * spans of month- or year-precise events among them (the corpus has many):
 * it used to zoom out to twice the group's extent. */
static void
test_merged_markers_zoom_in (void)
{
  char *dir = atlas_test_make_dir ();
  Timeline t;
  AtlasTimelineView *timeline;
  GtkEventController *click;
  g_auto(GStrv) lanes = NULL;
  guint clicked = 0;

  timeline_open (&t, dir, atlas_test_corpus_store (dir));
  timeline = t.timeline;
  click = atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_CLICK);
  lanes = atlas_timeline_view_get_lane_names (timeline);
  for (int level = 0; level < 8; level++)
    for (guint lane = 0; lane < g_strv_length (lanes); lane++)
      {
        double y = AXIS_HEIGHT + (lane + 0.5) * lane_height (timeline);

        zoom_to_level (timeline, level);
        for (double x = LABELS_WIDTH; x < gtk_widget_get_width (GTK_WIDGET (timeline)); x += 3)
          {
            g_autofree char *text = atlas_timeline_view_describe_at (timeline, x, y);
            gint64 start, end, zoomed_start, zoomed_end;
            double pixel, time;

            if (text == NULL || strstr (text, "click to zoom in") == NULL)
              continue;
            atlas_timeline_view_get_range (timeline, &start, &end);
            pixel = (end - start) / (atlas_timeline_view_get_x (timeline, end) - LABELS_WIDTH);
            time = start + (x - LABELS_WIDTH) * pixel;
            g_signal_emit_by_name (click, "released", 1, x, y);
            wait_idle (timeline);
            atlas_timeline_view_get_range (timeline, &zoomed_start, &zoomed_end);
            g_test_message ("level %d, lane %u, x %.0f: %" G_GINT64_FORMAT " s → %" G_GINT64_FORMAT " s", level, lane, x,
                            end - start, zoomed_end - zoomed_start);
            g_assert_cmpint (zoomed_end - zoomed_start, <, end - start);
            /* Around what was clicked: a marker's box reaches 7 pixels
             * before its diamond. */
            g_assert_cmpint (zoomed_start, <=, (gint64) (time + 8 * pixel));
            g_assert_cmpint (zoomed_end, >=, (gint64) (time - 8 * pixel));
            clicked++;
            break;
          }
      }
  g_assert_cmpuint (clicked, >, 3);

  timeline_close (&t);
}

/* The first merged marker of the first lane, or FALSE. */
static gboolean
find_merged_marker (AtlasTimelineView *timeline,
                    double            *x,
                    double            *y)
{
  *y = AXIS_HEIGHT + lane_height (timeline) / 2;
  for (*x = LABELS_WIDTH; *x < gtk_widget_get_width (GTK_WIDGET (timeline)); *x += 1)
    {
      g_autofree char *text = atlas_timeline_view_describe_at (timeline, *x, *y);

      if (text != NULL && strstr (text, "click to zoom in") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A lane whose year-precise event spans the whole view still zooms in on
 * a click, until its two day-precise events stand apart (clicking used to
 * zoom to twice the year, as wide as the view already was). */
static void
test_merged_span_zooms_in (void)
{
  static const char feed[] =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": [{"
    "\"id\": \"a\", \"title\": \"Spans\", \"content_text\": \"x\", \"_atlas\": {\"published\": \"2024-03-12\", "
    "\"events\": [{\"date\": \"2024\", \"kind\": \"funding\", \"title\": \"The year\"},"
    " {\"date\": \"2024-03-10\", \"kind\": \"funding\", \"title\": \"One day\"},"
    " {\"date\": \"2024-03-12\", \"kind\": \"funding\", \"title\": \"Two days later\"}]}}]}";
  char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "spans.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasStore *store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = NULL;
  Timeline t;
  AtlasTimelineView *timeline;
  GtkEventController *click;
  double x, y;
  guint clicks = 0;

  g_assert_true (g_file_set_contents (path, feed, -1, NULL));
  report = atlas_import_file (store, file, NULL, NULL);
  g_assert_null (report->error);
  timeline_open (&t, dir, store);
  timeline = t.timeline;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  wait_idle (timeline);
  click = atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_CLICK);

  while (find_merged_marker (timeline, &x, &y))
    {
      gint64 start, end, zoomed_start, zoomed_end;

      atlas_timeline_view_get_range (timeline, &start, &end);
      g_signal_emit_by_name (click, "released", 1, x, y);
      wait_idle (timeline);
      atlas_timeline_view_get_range (timeline, &zoomed_start, &zoomed_end);
      g_test_message ("click %u at %.0f: %" G_GINT64_FORMAT " s → %" G_GINT64_FORMAT " s", clicks, x,
                      end - start, zoomed_end - zoomed_start);
      g_assert_cmpint (zoomed_end - zoomed_start, <=, (end - start) / 2);
      g_assert_cmpuint (++clicks, <, 20);
    }
  /* Apart, the two days are on screen. */
  g_assert_cmpuint (clicks, >, 0);
  {
    gint64 start, end;

    atlas_timeline_view_get_range (timeline, &start, &end);
    g_assert_cmpint (start, <=, 1710028800);  /* 2024-03-10 */
    g_assert_cmpint (end, >=, 1710201600);    /* 2024-03-12 */
  }

  timeline_close (&t);
}

/* Thousands of events over ten years read as many marks a lane at every
 * zoom, from the whole store to days: never one bar, never one marker
 * swallowing a lane; the article strip is never stale. */
static void
test_dense_lanes_at_every_zoom (void)
{
  char *dir = atlas_test_make_dir ();
  AtlasStore *store = atlas_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  AtlasGeneratorOptions options;
  Timeline t;
  AtlasTimelineView *timeline;
  GtkWidget *window;
  g_auto(GStrv) lanes = NULL;

  atlas_generator_options_init (&options);
  options.articles = 3000;
  options.entities = 200;
  options.all_atlas = TRUE;
  g_assert_true (atlas_generate_into_store (&options, store, &error));
  g_assert_no_error (error);
  timeline_open (&t, dir, store);
  timeline = t.timeline;
  window = t.window;
  lanes = atlas_timeline_view_get_lane_names (timeline);
  g_assert_cmpuint (g_strv_length (lanes), >, 2);
  /* The session reads a store this large in a worker the first time: no
   * selection until then (a busy machine made the loop below read none). */
  {
    gint64 deadline = atlas_test_deadline (20);

    while (atlas_session_get_selection (t.session) == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (atlas_session_get_selection (t.session));
  }

  /* The article strip counts the filter's articles in the first frame
   * after a change, before the events' model has caught up: a search that
   * narrows the list, then clearing it. */
  zoom_to_level (timeline, 0);
  for (guint step = 0; step < 3; step++)
    {
      static const char *const texts[] = { "", "systems", "" };
      AtlasSelection *selection;

      atlas_view_state_set_text (t.state, texts[step]);
      selection = atlas_session_get_selection (t.session);
      gtk_widget_queue_draw (GTK_WIDGET (timeline));
      g_object_unref (atlas_test_render (window));
      g_test_message ("“%s”: %u articles, %u in the strip", texts[step], selection->undated_times->len,
                      atlas_timeline_view_get_strip_total (timeline));
      g_assert_cmpuint (atlas_timeline_view_get_strip_total (timeline), ==, selection->undated_times->len);
      if (step == 1)
        g_assert_true (selection->undated_times->len > 0 && selection->undated_times->len < 3000);
    }
  wait_idle (timeline);

  for (int level = 0; level < 12; level += 2)
    {
      guint marks = 0;

      zoom_to_level (timeline, level);
      gtk_widget_queue_draw (GTK_WIDGET (timeline));
      g_object_unref (atlas_test_render (window));
      for (guint lane = 0; lane < g_strv_length (lanes); lane++)
        {
          double widest;
          guint count = atlas_timeline_view_count_markers (timeline, lane, &widest);

          g_test_message ("level %d, %s: %u marks, the widest %.0f px", level, lanes[lane], count, widest);
          /* A marker covers its group, at most ten pixels, and its diamond. */
          g_assert_cmpfloat (widest, <=, 10 + 14 + 0.5);
          marks += count;
        }
      if (level == 0)
        g_assert_cmpuint (marks, >, 20 * g_strv_length (lanes));
      else
        g_assert_cmpuint (marks, >, 0);
    }

  timeline_close (&t);
}

static gboolean
press_key (AtlasTimelineView *timeline,
           guint              keyval,
           GdkModifierType    state)
{
  GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  wait_idle (timeline);
  return handled;
}

static const AtlasEventInfo *
find_event (AtlasTimelineView *timeline,
            gint64             id)
{
  GPtrArray *events = atlas_timeline_view_get_events (timeline);

  for (guint i = 0; i < events->len; i++)
    if (((AtlasEventInfo *) g_ptr_array_index (events, i))->id == id)
      return g_ptr_array_index (events, i);
  g_assert_not_reached ();
}

/* The keyboard goes from event to event: Right and Left along a lane in
 * time, past merged ones, Down and Up to the nearest event of the next
 * lane; the range follows an event out of sight; a ring in the accent
 * colour shows where it is; Enter opens it as a click does; Shift with the
 * arrows pans. The arrows only panned before. */
static void
test_keyboard_between_events (void)
{
  char *dir = atlas_test_make_dir ();
  Timeline t;
  AtlasTimelineView *timeline;
  const AtlasEventInfo *event, *previous;
  const Marker *marker;
  gint64 start, end, moved_start, moved_end;
  int lane;
  guint steps = 0;
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) ringed = NULL;
  GdkRGBA accent;

  timeline_open (&t, dir, atlas_test_corpus_store (dir));
  timeline = t.timeline;
  zoom_to_level (timeline, 0);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_cmpint (atlas_timeline_view_get_focused_event (timeline), ==, 0);

  /* The first arrow lands on the top lane's first marker. */
  g_assert_true (press_key (timeline, GDK_KEY_Right, 0));
  g_assert_cmpint (atlas_timeline_view_get_focused_event (timeline), !=, 0);
  g_assert_cmpint (timeline->focus_lane, ==, 0);
  marker = _atlas_timeline_view_focused_marker (timeline);
  g_assert_nonnull (marker);

  /* The ring, in the accent colour, when the keyboard is in use. */
  gtk_window_set_focus_visible (GTK_WINDOW (t.window), FALSE);
  plain = atlas_test_render (t.window);
  gtk_window_set_focus_visible (GTK_WINDOW (t.window), TRUE);
  ringed = atlas_test_render (t.window);
  marker = _atlas_timeline_view_focused_marker (timeline);
  atlas_palette_color (GTK_WIDGET (timeline), "accent_color", &accent);
  g_assert_false (atlas_test_has_color (plain, marker->box.origin.x, marker->box.origin.y, marker->box.size.width,
                                        marker->box.size.height, accent.red, accent.green, accent.blue));
  g_assert_true (atlas_test_has_color (ringed, marker->box.origin.x, marker->box.origin.y, marker->box.size.width,
                                       marker->box.size.height, accent.red, accent.green, accent.blue));

  /* Along the lane, later each time, until its last marker. */
  previous = find_event (timeline, atlas_timeline_view_get_focused_event (timeline));
  for (;;)
    {
      gint64 before = atlas_timeline_view_get_focused_event (timeline);

      g_assert_true (press_key (timeline, GDK_KEY_Right, 0));
      if (atlas_timeline_view_get_focused_event (timeline) == before)
        break;
      event = find_event (timeline, atlas_timeline_view_get_focused_event (timeline));
      g_assert_cmpint (event->starts, >=, previous->starts);
      g_assert_cmpint (timeline->focus_lane, ==, 0);
      previous = event;
      steps++;
    }
  g_assert_cmpuint (steps, >, 0);
  g_assert_true (press_key (timeline, GDK_KEY_Left, 0));
  g_assert_cmpint (find_event (timeline, atlas_timeline_view_get_focused_event (timeline))->starts, <=, previous->starts);

  /* Down the lanes, each on an event of its own lane. */
  lane = timeline->focus_lane;
  g_assert_true (press_key (timeline, GDK_KEY_Down, 0));
  g_assert_cmpint (timeline->focus_lane, >, lane);
  g_assert_true (press_key (timeline, GDK_KEY_Up, 0));
  g_assert_cmpint (timeline->focus_lane, ==, lane);

  /* Zoomed in, the range follows the keyboard to an event out of sight. */
  zoom_to_level (timeline, 5);
  atlas_timeline_view_get_range (timeline, &start, &end);
  for (guint k = 0; k < 40; k++)
    {
      press_key (timeline, GDK_KEY_Left, 0);
      event = find_event (timeline, atlas_timeline_view_get_focused_event (timeline));
      atlas_timeline_view_get_range (timeline, &moved_start, &moved_end);
      g_assert_cmpint (event->starts, >=, moved_start);
      g_assert_cmpint (event->starts, <=, moved_end);
    }
  g_assert_cmpint (moved_start, !=, start);

  /* Shift pans, and leaves the event alone. */
  {
    gint64 focused = atlas_timeline_view_get_focused_event (timeline);

    atlas_timeline_view_get_range (timeline, &start, &end);
    g_assert_true (press_key (timeline, GDK_KEY_Right, GDK_SHIFT_MASK));
    atlas_timeline_view_get_range (timeline, &moved_start, &moved_end);
    g_assert_cmpint (moved_start, >, start);
    g_assert_cmpint (atlas_timeline_view_get_focused_event (timeline), ==, focused);
  }

  /* Enter on one event opens its article. */
  zoom_to_level (timeline, 0);
  for (guint k = 0; k < 20 && atlas_view_state_get_selected_article (t.state) == 0; k++)
    {
      marker = _atlas_timeline_view_focused_marker (timeline);
      if (marker != NULL && marker->count == 1)
        {
          g_assert_true (press_key (timeline, GDK_KEY_Return, 0));
          g_assert_cmpint (atlas_view_state_get_selected_article (t.state), ==,
                           find_event (timeline, atlas_timeline_view_get_focused_event (timeline))->article_id);
        }
      else
        press_key (timeline, GDK_KEY_Down, 0);
    }
  g_assert_cmpint (atlas_view_state_get_selected_article (t.state), !=, 0);

  timeline_close (&t);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();
  /* The picture was made with this font; Debian's GTK brings it along. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "DejaVu Sans 10", NULL);

  g_test_add_func ("/timeline-view/corpus-picture", test_corpus_picture);
  g_test_add_func ("/timeline-view/fits-until-moved", test_fits_until_moved);
  g_test_add_func ("/timeline-view/layers-redraw-what-changed", test_layers_redraw_what_changed);
  g_test_add_func ("/timeline-view/merged-markers-zoom-in", test_merged_markers_zoom_in);
  g_test_add_func ("/timeline-view/merged-span-zooms-in", test_merged_span_zooms_in);
  g_test_add_func ("/timeline-view/dense-lanes-at-every-zoom", test_dense_lanes_at_every_zoom);
  g_test_add_func ("/timeline-view/keyboard-between-events", test_keyboard_between_events);
  return g_test_run ();
}
