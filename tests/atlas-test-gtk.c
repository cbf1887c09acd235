/* atlas-test-gtk.c: waiting for and rendering widgets, for the tests that
 * run under a private X server. */
#include "atlas-test-gtk.h"
#include "atlas-test-util.h"

#include <execinfo.h>
#include <signal.h>
#include <unistd.h>

/* A window test that crashes says where: the stack goes to stderr, which
 * meson keeps in the test log, then the signal does what it would have.
 * The sanitizer build has a better report of its own. */
#if !defined(__SANITIZE_ADDRESS__)
static void
print_stack_and_die (int signum)
{
  static const char header[] = "\n*** crashed; the stack:\n";
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  (void) !write (STDERR_FILENO, header, sizeof header - 1);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  signal (signum, SIG_DFL);
  raise (signum);
}

__attribute__ ((constructor)) static void
report_crashes (void)
{
  signal (SIGSEGV, print_stack_and_die);
  signal (SIGBUS, print_stack_and_die);
}
#endif

void
atlas_test_drain (void)
{
  /* Long enough for a worker import and a few frames. */
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Waits for two real frames: a loaded machine may need more than a few loop
 * iterations before a new window is mapped and drawn. */
void
atlas_test_wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gint64 deadline = atlas_test_deadline (10);

  gtk_widget_queue_draw (widget);
  while (frames < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpuint (frames, >=, 2);
  atlas_test_drain ();
}

/* Until the graph is laid out and what is on screen shows it. */
void
atlas_test_wait_for_graph (AtlasGraphView *graph)
{
  gint64 deadline = atlas_test_deadline (20);

  while (!atlas_graph_view_get_painted (graph) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_graph_view_get_painted (graph));
}

/* The widget as its window's renderer draws it, after the frames that
 * bring it up to date. */
GdkTexture *
atlas_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  atlas_test_wait_for_frames (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
}

/* The widget's first event controller of a type: for driving gestures. */
GtkEventController *
atlas_test_find_controller (GtkWidget *widget,
                            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* A click is the primary button's: the secondary one opens menus and pages. */
      if (GTK_IS_GESTURE_SINGLE (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_not_reached ();
}

guchar *
atlas_test_pixels (GdkTexture *texture)
{
  guchar *pixels = g_malloc (4 * gdk_texture_get_width (texture) * gdk_texture_get_height (texture));

  gdk_texture_download (texture, pixels, 4 * gdk_texture_get_width (texture));
  return pixels;
}

/* Whether some pixel of the rectangle has about this colour (premultiplied
 * BGRA, as gdk_texture_download gives it, on an opaque window). */
gboolean
atlas_test_has_color (GdkTexture *texture,
           int         left,
           int         top,
           int         width,
           int         height,
           double      red,
           double      green,
           double      blue)
{
  g_autofree guchar *pixels = atlas_test_pixels (texture);

  for (int y = top; y < top + height; y++)
    for (int x = left; x < left + width; x++)
      {
        const guchar *p = pixels + 4 * (y * gdk_texture_get_width (texture) + x);

        if (ABS (p[2] - (int) (red * 255)) <= 12 && ABS (p[1] - (int) (green * 255)) <= 12 &&
            ABS (p[0] - (int) (blue * 255)) <= 12)
          return TRUE;
      }
  return FALSE;
}

/* Antialiasing may differ by a shade from one machine to another: a picture
 * matches when at most 0.2% of its pixels differ by more than a tenth of the
 * scale in some channel. Leaving out the edges alone changes 0.5%. */
void
atlas_test_assert_golden (GdkTexture *texture,
                       const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *actual_path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GdkTexture) golden = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  g_autoptr(GError) error = NULL;
  guint differ = 0, total;

  if (g_getenv ("ATLAS_UPDATE_GOLDEN") != NULL)
    {
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("wrote %s", path);
      return;
    }

  gdk_texture_save_to_png (texture, actual_path);
  golden = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (golden), ==, gdk_texture_get_width (texture));
  g_assert_cmpint (gdk_texture_get_height (golden), ==, gdk_texture_get_height (texture));

  a = atlas_test_pixels (texture);
  b = atlas_test_pixels (golden);
  total = gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  for (guint i = 0; i < total; i++)
    for (guint c = 0; c < 4; c++)
      if (ABS (a[4 * i + c] - b[4 * i + c]) > 24)
        {
          differ++;
          break;
        }
  g_test_message ("%s: %u of %u pixels differ (this run's picture: %s)", name, differ, total, actual_path);
  g_assert_cmpuint (differ, <=, total / 500);
}
