/* The timeline of the bundled corpus on a known day, compared with a picture
 * kept in tests/data; regenerate it after a deliberate change with
 *   ATLAS_UPDATE_GOLDEN=1 meson test -C build timeline-view
 * and look at it before committing. */
#include <adwaita.h>

#include "atlas-test-gtk.h"
#include "atlas-test-util.h"
#include "atlas-timeline-view.h"

static void
wait_idle (AtlasTimelineView *timeline)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  do
    {
      atlas_test_wait_for_frames (GTK_WIDGET (timeline));
    }
  while (atlas_timeline_view_get_busy (timeline) && g_get_monotonic_time () < deadline);
  g_assert_false (atlas_timeline_view_get_busy (timeline));
}

static void
test_corpus_picture (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  GtkWidget *window = adw_window_new ();
  AtlasTimelineView *timeline = g_object_new (ATLAS_TYPE_TIMELINE_VIEW, NULL);
  g_autoptr(GdkTexture) picture = NULL;

  /* 23 November 2026, noon UTC. */
  g_object_set (timeline, "today", (gint64) 1795435200, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 300);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (timeline));
  gtk_window_present (GTK_WINDOW (window));
  atlas_timeline_view_bind (timeline, store, state);
  wait_idle (timeline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit", NULL));
  wait_idle (timeline);

  picture = atlas_test_render (window);
  atlas_test_assert_golden (picture, "timeline-corpus.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The picture was made with this font; Debian's GTK brings it along. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "DejaVu Sans 10", NULL);

  g_test_add_func ("/timeline-view/corpus-picture", test_corpus_picture);
  return g_test_run ();
}
