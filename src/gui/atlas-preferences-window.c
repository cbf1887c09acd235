/* atlas-preferences-window.c: subscriptions, how often they refresh, and the site data imported
 *
 * Every change to the store (subscribe, remove, enable, import) runs in a
 * worker through the core's async calls; this window only reads the list of
 * feeds, which WAL lets it do while a worker writes. Feed titles and errors
 * come from servers and are shown as plain text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-preferences-window.h"
#include "atlas-gui.h"
#include "atlas-html.h"
#include "atlas-opml.h"
#include "atlas-sites.h"
#include "atlas-subscriptions.h"
#include "atlas-text.h"

struct _AtlasPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AtlasStore           *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwEntryRow          *url_row;
  GtkSpinner           *add_spinner;
  AdwPreferencesGroup  *choices_group;
  GtkListBox           *choices_list;
  GtkListBox           *feeds_list;
  GtkListBox           *data_list;
  GtkSpinButton        *interval_spin;
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (AtlasPreferencesWindow *self,
       const char             *text)
{
  /* Toast titles are markup; this text may quote a server. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static char *
describe_state (const AtlasSubscription *feed)
{
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles",
                                                            feed->n_articles), feed->n_articles);
  g_autoptr(GDateTime) when = feed->last_success > 0 ? g_date_time_new_from_unix_local (feed->last_success) : NULL;
  g_autofree char *date = when ? g_date_time_format (when, _("%-d %b %Y, %H:%M")) : NULL;

  if (!feed->enabled)
    return g_strdup_printf (_("%s · disabled"), articles);
  if (feed->last_error != NULL)
    return g_strdup_printf (_("%s · failed: %s"), articles, feed->last_error);
  if (date != NULL)
    return g_strdup_printf (_("%s · refreshed %s"), articles, date);
  return g_steal_pointer (&articles);
}

static void on_enabled_changed (GtkSwitch *toggle, GParamSpec *pspec, AtlasPreferencesWindow *self);
static void on_remove_clicked  (GtkButton *button, AtlasPreferencesWindow *self);

static GtkWidget *
feed_row_new (AtlasPreferencesWindow  *self,
              const AtlasSubscription *feed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *state = describe_state (feed);
  g_autofree char *toggle_name = NULL;
  g_autofree char *remove_name = NULL;
  const char *title = feed->title ? feed->title : feed->url;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_tooltip_text (row, feed->url);
  if (feed->last_error != NULL)
    gtk_widget_add_css_class (row, "error");

  toggle_name = g_strdup_printf (_("Refresh %s"), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), feed->enabled);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_name, -1);
  gtk_widget_set_tooltip_text (toggle, _("Refresh this feed"));
  g_object_set_data_full (G_OBJECT (toggle), "url", g_strdup (feed->url), g_free);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_enabled_changed), self);

  remove_name = g_strdup_printf (_("Remove %s"), title);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this feed and its articles"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "url", g_strdup (feed->url), g_free);
  g_object_set_data_full (G_OBJECT (remove), "title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (remove), "articles", GUINT_TO_POINTER (feed->n_articles));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild_list (AtlasPreferencesWindow *self)
{
  g_autoptr(GPtrArray) feeds = atlas_subscriptions_list (self->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feeds_list))) != NULL)
    gtk_list_box_remove (self->feeds_list, child);

  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    gtk_list_box_append (self->feeds_list, feed_row_new (self, g_ptr_array_index (feeds, i)));

  /* GtkListBox 4.8 does not show a placeholder set before any row existed,
   * so the empty state is a row of its own. */
  if (feeds == NULL || feeds->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No subscriptions yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add a feed address above, or import an OPML file from another feed reader."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->feeds_list, row);
    }
}

static char *
summarize (GPtrArray *reports)
{
  AtlasRefreshTally tally;

  atlas_refresh_tally (reports, &tally);
  if (tally.feeds_failed == 1 && tally.feeds_imported == 0)
    return g_strdup (tally.first_error);
  if (tally.feeds_failed > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u feed added, %'u could not be", "%'u feeds added, %'u could not be",
                                         tally.feeds_imported), tally.feeds_imported, tally.feeds_failed);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Subscribed: %'u new article", "Subscribed: %'u new articles",
                                       tally.new_articles), tally.new_articles);
}

static void subscribe (AtlasPreferencesWindow *self, const char *url);

static void
clear_choices (AtlasPreferencesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_list))) != NULL)
    gtk_list_box_remove (self->choices_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->choices_group), FALSE);
}

static void
on_choice_clicked (GtkButton              *button,
                   AtlasPreferencesWindow *self)
{
  g_autofree char *url = g_strdup (g_object_get_data (G_OBJECT (button), "url"));

  clear_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  subscribe (self, url);
}

static const char *
format_name (const char *type)
{
  if (strstr (type, "atom") != NULL)
    return "Atom";
  if (strstr (type, "json") != NULL)
    return "JSON Feed";
  if (strstr (type, "rdf") != NULL)
    return "RSS 1.0";
  return "RSS";
}

/* A site that names several feeds: each offered with its title (plain text,
 * from the page) and a button to subscribe to it. */
static void
offer_choices (AtlasPreferencesWindow   *self,
               const AtlasRefreshReport *report)
{
  /* A group's description is markup; the address is the user's text. */
  g_autofree char *address = g_markup_escape_text (report->url, -1);
  g_autofree char *description = g_strdup_printf (_("%s names several feeds. Choose the one to subscribe to."),
                                                  address);

  clear_choices (self);
  adw_preferences_group_set_description (self->choices_group, description);
  for (guint i = 0; i < report->feed_links->len; i++)
    {
      const AtlasFeedLink *link = g_ptr_array_index (report->feed_links, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Subscribe"));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", format_name (link->type), link->url);
      g_autofree char *name = g_strdup_printf (_("Subscribe to %s"), link->title ? link->title : link->url);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->title ? link->title : link->url);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (link->url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_choice_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->choices_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->choices_group), TRUE);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const AtlasRefreshReport *report;

  reports = atlas_subscriptions_finish (ATLAS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->add_spinner), FALSE);
  gtk_spinner_stop (self->add_spinner);
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), TRUE);

  if (reports == NULL)
    {
      toast (self, error->message);
      return;
    }

  report = g_ptr_array_index (reports, 0);
  if (report->feed_links != NULL)
    {
      offer_choices (self, report);
      return;
    }

  text = summarize (reports);
  toast (self, text);
  if (report->outcome != ATLAS_REFRESH_FAILED)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  rebuild_list (self);
}

static void
on_url_apply (AtlasPreferencesWindow *self,
              AdwEntryRow            *row)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  /* One subscription at a time: the row waits, read-only, for this one. */
  if (*url == '\0' || !gtk_editable_get_editable (GTK_EDITABLE (row)))
    return;
  if (!atlas_text_is_web_link (url))
    {
      toast (self, _("Only http and https addresses can be subscribed to"));
      return;
    }

  clear_choices (self);
  subscribe (self, url);
}

static void
subscribe (AtlasPreferencesWindow *self,
           const char             *url)
{
  /* Read-only rather than insensitive: an insensitive row loses the
   * keyboard focus without its text being told, and GTK then warns that
   * the text "did not receive a focus-out event". */
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_spinner), TRUE);
  gtk_spinner_start (self->add_spinner);
  atlas_subscriptions_add_async (self->store, url, self->cancellable, on_added, g_object_ref (self));
}

static void
on_changed_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_subscriptions_change_finish (ATLAS_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  rebuild_list (self);
}

static void
on_enabled_changed (GtkSwitch              *toggle,
                    GParamSpec             *pspec,
                    AtlasPreferencesWindow *self)
{
  atlas_subscriptions_set_enabled_async (self->store, g_object_get_data (G_OBJECT (toggle), "url"),
                                         gtk_switch_get_active (toggle), self->cancellable,
                                         on_changed_done, g_object_ref (self));
}

static void
on_remove_response (AdwMessageDialog       *dialog,
                    const char             *response,
                    AtlasPreferencesWindow *self)
{
  if (g_strcmp0 (response, "remove") != 0)
    return;
  atlas_subscriptions_remove_async (self->store, g_object_get_data (G_OBJECT (dialog), "url"),
                                    self->cancellable, on_changed_done, g_object_ref (self));
}

static void
on_remove_clicked (GtkButton              *button,
                   AtlasPreferencesWindow *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "articles"));
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), title);
  g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Its %'u article leaves the store. You can subscribe again later.",
                                                        "Its %'u articles leave the store. You can subscribe again later.",
                                                        n), n);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));

  /* Set apart from the constructor: heading and body are plain text here. */
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_strdup (g_object_get_data (G_OBJECT (button), "url")), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- site data ---------------------------------------------------------- */

static void
on_data_removed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_sites_remove_file_finish (ATLAS_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
on_data_remove_response (AdwMessageDialog       *dialog,
                         const char             *response,
                         AtlasPreferencesWindow *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    atlas_sites_remove_file_async (self->store, g_object_get_data (G_OBJECT (dialog), "key"), self->cancellable,
                                   on_data_removed, g_object_ref (self));
}

static void
on_data_remove_clicked (GtkButton              *button,
                        AtlasPreferencesWindow *self)
{
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), (const char *) g_object_get_data (G_OBJECT (button), "title"));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, _("Its sites and events leave the store; the articles stay. You can import the "
                                         "file again later."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "key", g_strdup (g_object_get_data (G_OBJECT (button), "key")), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_data_remove_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
data_row_new (AtlasPreferencesWindow *self,
              const AtlasDataFile    *file)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = file->imported_at > 0 ? atlas_timestamp_format_local (file->imported_at) : NULL;
  g_autofree char *count = file->sites > 0
                           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u site", "%'u sites", file->sites), file->sites)
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", file->events), file->events);
  g_autofree char *subtitle = date ? g_strdup_printf (_("%s · imported %s"), count, date) : g_strdup (count);
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), file->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this file’s sites and events"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "key", g_strdup (file->key), g_free);
  g_object_set_data_full (G_OBJECT (remove), "title", g_strdup (file->title), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_data_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild_data_list (AtlasPreferencesWindow *self)
{
  g_autoptr(GPtrArray) files = atlas_sites_list_files (self->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->data_list))) != NULL)
    gtk_list_box_remove (self->data_list, child);
  for (guint i = 0; files != NULL && i < files->len; i++)
    gtk_list_box_append (self->data_list, data_row_new (self, g_ptr_array_index (files, i)));
  if (files == NULL || files->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No site data"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Import Epoch AI’s CSV files from the main menu."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->data_list, row);
    }
}

/* ---- OPML --------------------------------------------------------------- */

static void
on_opml_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  reports = atlas_subscriptions_finish (ATLAS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  text = reports ? summarize (reports) : g_strdup (error->message);
  toast (self, text);
  rebuild_list (self);
}

static void
on_opml_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Subscribing to the feeds of the file…"));
  atlas_subscriptions_import_opml_async (self->store, bytes, self->cancellable, on_opml_imported, g_object_ref (self));
}

static void
on_opml_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Subscriptions saved"));
}

static GBytes *
subscriptions_as_opml (AtlasPreferencesWindow *self)
{
  g_autoptr(GPtrArray) feeds = atlas_subscriptions_list (self->store, NULL);
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_opml_outline_free);
  char *text;

  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    {
      const AtlasSubscription *feed = g_ptr_array_index (feeds, i);
      AtlasOpmlOutline *outline = g_new0 (AtlasOpmlOutline, 1);

      outline->url = g_strdup (feed->url);
      outline->title = g_strdup (feed->title);
      g_ptr_array_add (outlines, outline);
    }
  text = atlas_opml_write (outlines);
  return g_bytes_new_take (text, strlen (text));
}

static void
on_chooser_response (GtkNativeDialog        *chooser,
                     int                     response,
                     AtlasPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN)
    g_file_load_bytes_async (file, self->cancellable, on_opml_loaded, g_object_ref (self));
  else if (file != NULL)
    {
      g_autoptr(GBytes) bytes = subscriptions_as_opml (self);

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           self->cancellable, on_opml_saved, g_object_ref (self));
    }

  g_clear_object (&self->chooser);
}

static void
choose_file (AtlasPreferencesWindow *self,
             GtkFileChooserAction    action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (open ? _("Import Subscriptions") : _("Export Subscriptions"),
                                               GTK_WINDOW (self), action,
                                               open ? _("_Import") : _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("OPML files"));
  gtk_file_filter_add_pattern (filter, "*.opml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (!open)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "subscriptions.opml");
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (ATLAS_PREFERENCES_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (ATLAS_PREFERENCES_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_preferences_window_dispose (GObject *object)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->dispose (object);
}

static void
atlas_preferences_window_class_init (AtlasPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_preferences_window_dispose;

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, add_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, choices_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, choices_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, feeds_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, data_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_url_apply);

  gtk_widget_class_install_action (widget_class, "prefs.import-opml", NULL, import_opml_action);
  gtk_widget_class_install_action (widget_class, "prefs.export-opml", NULL, export_opml_action);
}

static void
atlas_preferences_window_init (AtlasPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = atlas_gui_settings_new ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "refresh-interval", self->interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    {
      gtk_spin_button_set_value (self->interval_spin, ATLAS_DEFAULT_REFRESH_MINUTES);
      gtk_widget_set_sensitive (GTK_WIDGET (self->interval_spin), FALSE);
    }
}

AtlasPreferencesWindow *
atlas_preferences_window_new (GtkWindow  *parent,
                              AtlasStore *store)
{
  AtlasPreferencesWindow *self = g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent,
                                               NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild_data_list), self, G_CONNECT_SWAPPED);
  rebuild_list (self);
  rebuild_data_list (self);
  return self;
}
