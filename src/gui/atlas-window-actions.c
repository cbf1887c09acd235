/* atlas-window-actions.c: the window's actions, and when they can be used
 *
 * Every control that filters, exports or navigates goes through one of
 * these (the sidebar, the chips, the graph, the timeline, the keyboard), so
 * each way of doing a thing is one path.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-kinds.h"
#include "atlas-window-private.h"

/* The one place that says which of the window's actions can be used now. */
void
_atlas_window_update_actions (AtlasWindow *self)
{
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);
  gboolean reading = adw_leaflet_get_folded (self->leaflet) &&
                     adw_leaflet_get_visible_child (self->leaflet) == self->reader_pane;
  /* An article or a site shown in the graph's place. */
  gboolean article_open = g_strcmp0 (gtk_stack_get_visible_child_name (self->right_stack), "graph") != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", !atlas_filter_is_empty (filter));
  /* Back leaves the article: to the list on a narrow window, to the graph
   * beside the list on a wide one. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", reading || article_open);
  gtk_widget_set_visible (self->back_button, reading || article_open);
  gtk_widget_set_visible (self->graph_switcher, !article_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", !atlas_window_get_refreshing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !atlas_window_get_importing (self));
}

/* ---- exporting the graph ------------------------------------------------ */

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (atlas_graph_view_export_finish (ATLAS_GRAPH_VIEW (source), result, &error))
    _atlas_window_toast (self, _("Graph exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _atlas_window_toast (self, error->message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    AtlasWindow     *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  gboolean svg = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "svg"));

  if (file != NULL)
    atlas_graph_view_export_async (self->graph_view, file, svg, self->cancellable, on_exported, g_object_ref (self));
  g_object_unref (chooser);
}

static void
export_graph_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  gboolean svg = g_str_equal (g_variant_get_string (parameter, NULL), "svg");
  GtkFileChooserNative *chooser;

  /* The view being exported is the graph: show it if an article hid it. */
  gtk_stack_set_visible_child_name (self->right_stack, "graph");
  _atlas_window_update_actions (self);

  chooser = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), svg ? "graph.svg" : "graph.png");
  g_object_set_data (G_OBJECT (chooser), "svg", GINT_TO_POINTER (svg));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- importing feeds and site data ------------------------------------- */

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    AtlasWindow     *self)
{
  g_autoptr(GListModel) chosen = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  if (files->len > 0)
    _atlas_window_import_files (self, (GFile **) files->pdata, files->len, TRUE);
  g_object_unref (chooser);
}

/* Feed files (JSON Feed, RSS, Atom) and Epoch AI's CSV downloads, through
 * the file chooser portal when sandboxed. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) readable = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Feeds or Site Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (readable, _("Feeds and Epoch AI data"));
  for (const char *const *suffix = (const char *const[]) { "json", "xml", "rss", "atom", "rdf", "csv", NULL };
       *suffix != NULL; suffix++)
    gtk_file_filter_add_suffix (readable, *suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), readable);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- a site's page and an article, from anywhere ---------------------- */

/* A site of the data files, by its entity id, shown in the graph's place. */
static void
open_site_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasSelection *selection = atlas_session_get_selection (self->session);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; selection != NULL && i < selection->all_sites->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (selection->all_sites, i);

      if (g_str_equal (site->id, id))
        {
          atlas_site_page_show (self->site_page, self->store, site, selection->all_sites);
          gtk_stack_set_visible_child_name (self->right_stack, "site");
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child (self->leaflet, self->reader_pane);
          _atlas_window_update_actions (self);
          return;
        }
    }
  _atlas_window_toast (self, _("No site of the data files has this name"));
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_view_state_set_selected_article (self->view_state, g_variant_get_int64 (parameter));
  gtk_stack_set_visible_child_name (self->right_stack, "reader");
  _atlas_window_update_actions (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (!atlas_refresher_start (self->refresher, TRUE))
    _atlas_window_toast (self, _("No feeds to refresh: subscribe to some in Preferences"));
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasFilterGroup group = ATLAS_FILTER_GROUP_ENTITIES;

  for (AtlasFilterGroup g = ATLAS_FILTER_GROUP_COUNTRIES; g <= ATLAS_FILTER_GROUP_CERTAINTIES; g++)
    if (g_str_equal (action_name, atlas_filter_group_toggle_action (g)))
      group = g;

  atlas_view_state_toggle (self->view_state, group, g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_view_state_clear_filter (self->view_state);
}

/* The timeline's range, in seconds since the epoch, end excluded. */
static void
set_date_range_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  gint64 since, until;

  g_variant_get (parameter, "(xx)", &since, &until);
  if (since < until)
    atlas_view_state_set_date_range (self->view_state, since, until);
}

static void
clear_date_range_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_view_state_set_date_range (self->view_state, G_MININT64, G_MAXINT64);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->reader_pane)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    gtk_stack_set_visible_child_name (self->right_stack, "graph");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  _atlas_window_update_actions (self);
}

/* Escape undoes the nearest thing: leave the article on a narrow window,
 * close the filters shown over the list, or clear the search. The search
 * entry handles it first when it has the focus. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if ((adw_leaflet_get_folded (self->leaflet) &&
       adw_leaflet_get_visible_child (self->leaflet) == self->reader_pane) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->right_stack), "graph") != 0)
    {
      gtk_widget_activate_action (widget, "win.go-back", NULL);
      return TRUE;
    }
  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      return TRUE;
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return TRUE;
    }
  return FALSE;
}

void
_atlas_window_class_actions_init (GtkWidgetClass *widget_class)
{
  for (AtlasFilterGroup g = ATLAS_FILTER_GROUP_COUNTRIES; g <= ATLAS_FILTER_GROUP_CERTAINTIES; g++)
    gtk_widget_class_install_action (widget_class, atlas_filter_group_toggle_action (g), "s", toggle_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.set-date-range", "(xx)", set_date_range_action);
  gtk_widget_class_install_action (widget_class, "win.clear-date-range", NULL, clear_date_range_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.export-graph", "s", export_graph_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-site", "s", open_site_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "x", open_article_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
}
