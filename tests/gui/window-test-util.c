/* window-test-util.c: what the window tests share: finding widgets, waiting,
 * opening windows, running a test again in another environment */
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
#include "atlas-subscriptions.h"
#include "atlas-test-gtk.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"
#include "atlas-timeline-view-private.h"
#include "atlas-window-private.h"
#include "window-test-util.h"

guint
n_articles (AtlasWindow *window)
{
  return g_list_model_get_n_items (atlas_window_get_articles (window));
}

/* The first widget of the tree, depth first, that `matches`. */
GtkWidget *
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
GtkWidget *
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

gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_drawable (widget);
}

GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return GTK_LABEL (find_widget (widget, is_shown_label, text));
}

/* Whether the buttons bound to `action` can be pressed: what a person sees
 * of an action's enabled state. */
gboolean
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

void
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

AtlasWindow *
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
void
close_window (AtlasWindow **weak)
{
  gtk_window_destroy (GTK_WINDOW (*weak));
  atlas_test_drain ();
  g_assert_null (*weak);
}

/* Selects the list's first article through the shared state, as a click
 * does, and lets the reader show it. */
void
select_first_article (AtlasWindow *window)
{
  g_autoptr(GObject) first = g_list_model_get_item (atlas_window_get_articles (window), 0);

  atlas_view_state_set_selected_article (atlas_window_get_view_state (window), atlas_article_get_id (ATLAS_ARTICLE (first)));
  atlas_test_drain ();
}

void
on_importing_changed (AtlasWindow *window,
                      GParamSpec  *pspec,
                      gboolean    *done)
{
  if (!atlas_window_get_importing (window))
    *done = TRUE;
}


void
wait_for_timeline (AtlasTimelineView *timeline)
{
  gint64 deadline = atlas_test_deadline (20);

  atlas_test_drain ();
  while (atlas_timeline_view_get_busy (timeline) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_timeline_view_get_busy (timeline));
}

/* Runs a command to its end; TRUE when it succeeded. */
gboolean
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
void
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

gboolean
is_rerun (void)
{
  return g_getenv ("ATLAS_TEST_RERUN") != NULL;
}

/* Runs this test again in a private mount namespace, where it may mount a
 * small disk of its own. FALSE when it is that second run. */
gboolean
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

void
mount_small_disk (const char *dir)
{
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir, NULL };

  g_assert_true (run_command (argv));
}

/* Detached at once, even while the application still holds the store on
 * it: the folder below is left empty. */
void
unmount_small_disk (const char *dir)
{
  const char *argv[] = { "umount", "--lazy", dir, NULL };

  g_assert_true (run_command (argv));
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  return find_widget (widget, is_of_type, &type);
}

gboolean
is_list_of (GtkWidget     *widget,
            gconstpointer  articles)
{
  GtkSelectionModel *model;

  return GTK_IS_LIST_VIEW (widget) && (model = gtk_list_view_get_model (GTK_LIST_VIEW (widget))) != NULL &&
         GTK_IS_SINGLE_SELECTION (model) && gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == articles;
}
