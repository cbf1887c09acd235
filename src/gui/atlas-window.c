/* atlas-window.c: the main window
 *
 * The window owns the shared view state and the article list model; the
 * sidebar, the list and the reader only read from them and change the filter
 * through the window's actions, so every way of filtering goes through one
 * place and every view follows.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-window-private.h"
#include "atlas-application.h"
#include "atlas-article.h"
#include "atlas-article-row.h"
#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-gui.h"

#define CORPUS_RESOURCE_PATH "/io/github/computeatlas/ComputeAtlas/corpus/"

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW_STATE,
  PROP_SESSION,
  PROP_IMPORTING,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

/* A toast, with a button for `action` when `button_label` is given. */
void
_atlas_window_toast_with_button (AtlasWindow *self,
                                 const char  *text,
                                 const char  *button_label,
                                 const char  *action)
{
  /* Toast titles are markup; this text may quote a server. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_atlas_window_toast (AtlasWindow *self,
                     const char  *text)
{
  _atlas_window_toast_with_button (self, text, NULL, NULL);
}

static void
update_list_state (AtlasWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", n), n);
  const char *page;

  gtk_label_set_text (self->count_label, count);

  if (atlas_session_get_error (self->session) != NULL)
    page = "error";
  else if (n > 0)
    page = "list";
  else if (self->importing || atlas_session_get_loading (self->session))
    {
      page = "loading";
      adw_status_page_set_title (self->loading_page,
                                 self->importing ? _("Importing Articles…") : _("Reading the Store…"));
    }
  else if (atlas_filter_is_empty (atlas_view_state_get_filter (self->view_state)))
    page = "no-articles";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* Gives the reader the selected article. `reveal` shows it in the graph's
 * place; a change of the store only refreshes it, since the person may have
 * gone back to the graph with the article still selected, and a refresh
 * (F5, or the hourly one) must not take the graph away. */
static void
show_selected_article (AtlasWindow *self,
                       gboolean     reveal)
{
  gint64 id = atlas_view_state_get_selected_article (self->view_state);
  g_autoptr(AtlasArticle) article = NULL;

  if (id > 0)
    article = atlas_query_article (self->store, id, TRUE, NULL);
  atlas_reader_set_article (self->reader, article);
  if (article == NULL || reveal)
    gtk_stack_set_visible_child_name (self->right_stack, article ? "reader" : "graph");
  _atlas_window_update_actions (self);
}

static void
on_selection_changed (AtlasWindow        *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  AtlasArticle *article = gtk_single_selection_get_selected_item (selection);

  atlas_view_state_set_selected_article (self->view_state, article ? atlas_article_get_id (article) : 0);
}

/* Shows the session's list and facet counts, keeping the selected article
 * selected when it is still there. Until the first index of a large store is
 * built, the list says it is loading; after a failure, why. */
static void
on_session_selection_changed (AtlasWindow  *self,
                              AtlasSession *session)
{
  AtlasSelection *selection = atlas_session_get_selection (session);
  const char *error = atlas_session_get_error (session);
  gint64 selected = atlas_view_state_get_selected_article (self->view_state);
  guint position;

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error);
  /* The list may drop the selected row on the way (see
   * atlas_article_list_set_ids()); the view state keeps the article, and it
   * is selected again below. A failed read keeps what was shown. */
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  if (selection != NULL)
    atlas_article_list_set_ids (self->articles, g_array_ref (selection->ids));
  else if (error == NULL)
    atlas_article_list_set_ids (self->articles, g_array_new (FALSE, FALSE, sizeof (gint64)));
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);

  if (selected > 0 && atlas_article_list_find (self->articles, selected, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  update_list_state (self);
  _atlas_window_update_actions (self);
}

/* The position of the article at the top of the list's view, if a row is
 * there. */
static gboolean
get_top_row_position (AtlasWindow *self,
                      guint       *position)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *picked = gtk_widget_pick (list, gtk_widget_get_width (list) / 2.0, 1, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, ATLAS_TYPE_ARTICLE_ROW) : NULL;

  return row != NULL &&
         atlas_article_list_find (self->articles, atlas_article_row_get_article_id (ATLAS_ARTICLE_ROW (row)), position);
}

/* When the rows shown are among those replaced, the list goes to the first
 * new one before the old ones leave (see atlas_article_list_set_ids()): the
 * row widgets GtkListView keeps are then rebound, not rebuilt. When the
 * change is above or below what is shown, the reader keeps their place. */
static void
on_new_rows_inserted (AtlasWindow      *self,
                      guint             position,
                      guint             n_new,
                      guint             n_old,
                      AtlasArticleList *articles)
{
  guint top;

  if (get_top_row_position (self, &top) && top >= position && top < position + n_new + n_old)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void on_search_changed (AtlasWindow    *self,
                               GtkSearchEntry *entry);

static void
on_filter_changed (AtlasWindow    *self,
                   AtlasViewState *view_state)
{
  const char *text = atlas_view_state_get_filter (view_state)->text;

  /* The text can change from elsewhere (Clear Filters); the entry shows it.
   * Replacing the entry's text first empties it, and an empty search entry
   * reports at once: that report would clear the filter's text, and free
   * the string being shown. */
  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }

  atlas_reader_set_filter (self->reader, atlas_view_state_get_filter (view_state));
}

static void
on_store_changed (AtlasWindow *self,
                  AtlasStore  *store)
{
  show_selected_article (self, FALSE);
}

/* The selection lives in the view state, so any view can select an article;
 * the list follows it and the reader shows it. */
static void
on_selected_article_changed (AtlasWindow    *self,
                             GParamSpec     *pspec,
                             AtlasViewState *view_state)
{
  gint64 id = atlas_view_state_get_selected_article (view_state);
  guint position = GTK_INVALID_LIST_POSITION;

  if (id > 0)
    atlas_article_list_find (self->articles, id, &position);
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  show_selected_article (self, TRUE);
}

static void
on_list_activate (AtlasWindow *self,
                  guint        position,
                  GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->reader_pane);
  _atlas_window_update_actions (self);
}

/* On a narrow window a tap on an article opens it, as on a phone; arrow keys
 * only move the selection. The list selects on the same click first. */
static void
on_list_clicked (AtlasWindow     *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  if (atlas_view_state_get_selected_article (self->view_state) == 0)
    return;
  /* A click opens the article again after Back showed the graph. */
  gtk_stack_set_visible_child_name (self->right_stack, "reader");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->reader_pane);
  _atlas_window_update_actions (self);
}

static void
on_search_changed (AtlasWindow    *self,
                   GtkSearchEntry *entry)
{
  atlas_view_state_set_text (self->view_state, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (AtlasWindow    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* On a narrow window the Graph and Entities switcher shows icons (the titles
 * become tooltips): with the window buttons beside it, its labels would
 * keep the header, and the window, wider than 360 px. */
static void
on_leaflet_changed (AtlasWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_stack_page_set_icon_name (self->graph_page, folded ? "network-workgroup-symbolic" : NULL);
  gtk_stack_page_set_icon_name (self->entities_page, folded ? "view-list-symbolic" : NULL);
  _atlas_window_update_actions (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AtlasArticleList         *articles)
{
  gtk_list_item_set_child (item, GTK_WIDGET (atlas_article_row_new (articles)));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  atlas_article_row_set_article (ATLAS_ARTICLE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                                 item);
}

/* ---- importing files --------------------------------------------------- */

static void
on_files_imported (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  gboolean announce = self->announce_import;
  guint imported = 0;

  reports = atlas_import_files_finish (ATLAS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->importing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
  _atlas_window_update_actions (self);

  if (reports == NULL)
    _atlas_window_toast (self, error->message);
  else
    for (guint i = 0; i < reports->len; i++)
      {
        const AtlasImportReport *report = g_ptr_array_index (reports, i);

        if (report->error != NULL)
          _atlas_window_toast (self, report->error);
        else
          imported++;
      }
  /* What the user chose to import is acknowledged; the first start's is not news. */
  if (announce && reports != NULL && imported > 0)
    {
      g_autofree char *text = NULL;

      if (reports->len == 1)
        {
          const AtlasImportReport *report = g_ptr_array_index (reports, 0);
          g_autofree char *name = g_path_get_basename (report->source);

          /* TRANSLATORS: a feed's title or a file's name */
          text = g_strdup_printf (_("“%s” imported"), report->feed_title ? report->feed_title : name);
        }
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file imported", "%u files imported", imported),
                                imported);
      _atlas_window_toast (self, text);
    }

  update_list_state (self);
}

/* Imports `files` in a worker; `announce` tells the user how it went, not
 * only what failed. */
void
_atlas_window_import_files (AtlasWindow  *self,
                            GFile       **files,
                            guint         n_files,
                            gboolean      announce)
{
  self->importing = TRUE;
  self->announce_import = announce;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
  _atlas_window_update_actions (self);
  update_list_state (self);

  atlas_import_files_async (self->store, files, n_files, self->cancellable, on_files_imported, g_object_ref (self));
}

/* ---- the bundled corpus ------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* On first start the store is empty; the bundled feeds are imported in a
 * worker so the window shows at once. */
static void
import_bundled_corpus (AtlasWindow *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (CORPUS_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (names == NULL)
    return;

  /* Names are numbered: the feed declaring the entities goes first. */
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *uri = g_strconcat ("resource://" CORPUS_RESOURCE_PATH, names[i], NULL);
      g_ptr_array_add (files, g_file_new_for_uri (uri));
    }

  _atlas_window_import_files (self, (GFile **) files->pdata, files->len, FALSE);
}

/* ---- refreshing the subscriptions --------------------------------------- */

/* What a refresh brought, in one line; NULL when there is nothing worth
 * interrupting for (a timed refresh that found nothing new). */
static char *
summarize_refresh (const AtlasRefreshTally *tally,
                   gboolean                 asked)
{
  guint added = tally->new_articles;

  /* Nothing else can be stored until there is room (the feeds' rows may not
   * even record the failure): that is the one thing to say. */
  if (tally->feeds_not_stored_disk_full > 0)
    return g_strdup (_("The disk is full: new articles could not be stored. Free some space, then refresh."));
  if (tally->feeds_failed > 0)
    {
      g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u new article", "%'u new articles",
                                                                added), added);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %'u feed could not be refreshed",
                                           "%s; %'u feeds could not be refreshed", tally->feeds_failed),
                              articles, tally->feeds_failed);
    }
  if (added > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u new article", "%'u new articles", added), added);
  return asked ? g_strdup (_("No new articles")) : NULL;
}

static void
on_refresh_finished (AtlasWindow             *self,
                     gboolean                 asked,
                     const AtlasRefreshTally *tally,
                     const char              *error,
                     AtlasRefresher          *refresher)
{
  g_autofree char *summary = NULL;

  if (tally == NULL)
    {
      _atlas_window_toast (self, error);
      return;
    }
  summary = summarize_refresh (tally, asked);
  /* Preferences tell, feed by feed, what went wrong. */
  if (tally->feeds_failed > tally->feeds_not_stored_disk_full)
    _atlas_window_toast_with_button (self, summary, _("_Details"), "app.preferences");
  else if (summary != NULL)
    _atlas_window_toast (self, summary);
}

static void
on_refreshing_changed (AtlasWindow    *self,
                       GParamSpec     *pspec,
                       AtlasRefresher *refresher)
{
  gboolean refreshing = atlas_refresher_get_refreshing (refresher);

  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "busy" : "idle");
  if (refreshing)
    gtk_spinner_start (self->refresh_spinner);
  else
    gtk_spinner_stop (self->refresh_spinner);
  _atlas_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/* The application's refresher, or for a window made on its own (the tests',
 * the benchmarks') or on another store, one of its own. */
static void
follow_refresher (AtlasWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  AtlasRefresher *shared = ATLAS_IS_APPLICATION (application)
                           ? atlas_application_get_refresher (ATLAS_APPLICATION (application)) : NULL;

  if (shared != NULL && atlas_refresher_get_store (shared) == self->store)
    self->refresher = g_object_ref (shared);
  else
    self->refresher = atlas_gui_refresher_new (self->store);
  g_signal_connect_object (self->refresher, "notify::refreshing", G_CALLBACK (on_refreshing_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->refresher, "finished", G_CALLBACK (on_refresh_finished), self, G_CONNECT_SWAPPED);
  on_refreshing_changed (self, NULL, self->refresher);
  atlas_refresher_refresh_if_due (self->refresher);
}

/* The graph and the timeline start their workers when bound, and a large
 * store's index is built in one too: all wait until the window has shown
 * its first frame, which 50 ms of competing work on two cores would delay
 * by a third on a 100,000-article store. */
static gboolean
atlas_window_close_request (GtkWindow *window)
{
  _atlas_window_save_state (ATLAS_WINDOW (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
on_first_frame (AtlasWindow   *self,
                GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  self->painted = TRUE;
  _atlas_window_restore_timeline_height (self);
  atlas_session_allow_workers (self->session);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  if (ATLAS_WINDOW (widget)->painted)
    return;
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_frame), widget, G_CONNECT_SWAPPED);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkGesture *click;

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  /* First, so that the selection is computed before any view hears of a
   * change. */
  self->session = atlas_session_new (self->store, self->view_state);
  g_signal_connect_object (self->session, "selection-changed",
                           G_CALLBACK (on_session_selection_changed), self, G_CONNECT_SWAPPED);
  /* The views follow it from here (their "session" is bound to this one
   * in atlas-window.ui); their workers wait for the first frame. */
  g_object_notify_by_pspec (object, properties[PROP_SESSION]);
  self->articles = atlas_article_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self->articles);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->articles, "new-rows-inserted",
                           G_CALLBACK (on_new_rows_inserted), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->view_state, "filter-changed",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "notify::selected-article",
                           G_CALLBACK (on_selected_article_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  on_session_selection_changed (self, self->session);
  if (atlas_store_is_empty (self->store))
    import_bundled_corpus (self);

  self->settings = atlas_gui_settings_new ();
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->refresher);
  g_clear_object (&self->settings);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->session);
  g_clear_object (&self->view_state);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view_state);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, atlas_window_get_refreshing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = atlas_window_close_request;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, ATLAS_TYPE_VIEW_STATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  atlas_gui_register_resources ();

  g_type_ensure (ATLAS_TYPE_FILTER_SIDEBAR);
  g_type_ensure (ATLAS_TYPE_READER);
  g_type_ensure (ATLAS_TYPE_GRAPH_VIEW);
  g_type_ensure (ATLAS_TYPE_ENTITY_TABLE);
  g_type_ensure (ATLAS_TYPE_SITE_TABLE);
  g_type_ensure (ATLAS_TYPE_SITE_PAGE);
  g_type_ensure (ATLAS_TYPE_TIMELINE_VIEW);
  g_type_ensure (ATLAS_TYPE_EVENT_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, graph_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, entities_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, reader_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_table);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, right_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, site_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, entity_table);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, graph_switcher);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, refresh_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  _atlas_window_class_actions_init (widget_class);
}

static void
atlas_window_init (AtlasWindow *self)
{
  self->view_state = atlas_view_state_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tabs as wide as their names (see style.css), not all as the widest. */
  if (GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (self->graph_switcher)))
    gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->graph_switcher)), FALSE);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed), self, G_CONNECT_SWAPPED);
}

AtlasWindow *
atlas_window_new (GtkApplication *application,
                  AtlasStore     *store)
{
  AtlasWindow *self = g_object_new (ATLAS_TYPE_WINDOW,
                                    "application", application,
                                    "store", store,
                                    NULL);

  /* Not in constructed(): "application" is set after it runs. */
  _atlas_window_restore_state (self);
  follow_refresher (self);
  return self;
}

AtlasViewState *
atlas_window_get_view_state (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->view_state;
}

GListModel *
atlas_window_get_articles (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->articles);
}

gboolean
atlas_window_get_refreshing (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->refresher != NULL && atlas_refresher_get_refreshing (self->refresher);
}

gboolean
atlas_window_get_importing (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->importing;
}
