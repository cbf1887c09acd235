/* atlas-application.c: opens the store and the window
 *
 * The store is opened once, on the main thread; a store that cannot be opened
 * (not ours, too new, unreadable) is explained in a window of its own and left
 * untouched.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-application.h"
#include "atlas-gui.h"
#include "atlas-preferences-window.h"
#include "atlas-store.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;
  char           *db_path;
  AtlasStore     *store;
  AtlasRefresher *refresher;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

typedef struct
{
  AtlasApplication *application;
  GtkWidget        *window;
  AdwStatusPage    *status;
  char             *path;
} StoreProblem;

static void
store_problem_free (gpointer data)
{
  StoreProblem *problem = data;

  g_free (problem->path);
  g_free (problem);
}

static void
try_again (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  StoreProblem *problem = user_data;
  GApplication *application = G_APPLICATION (problem->application);

  /* Hold the application: between the two windows it has none. */
  g_application_hold (application);
  gtk_window_destroy (GTK_WINDOW (problem->window));
  g_application_activate (application);
  g_application_release (application);
}

static void
move_aside (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  StoreProblem *problem = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;

  if (!atlas_store_move_aside (problem->path, &moved_to, &error))
    {
      adw_status_page_set_description (problem->status, error->message);
      return;
    }
  g_message ("The store was moved aside to %s", moved_to);
  try_again (action, parameter, user_data);
}

/* What went wrong, and the way out: a store in use, or on a full disk, is
 * tried again; any other is moved aside, never deleted, for a fresh one. */
static void
show_store_error (AtlasApplication *self,
                  const char       *path,
                  const GError     *error)
{
  const GActionEntry actions[] = {
    { .name = "move-aside", .activate = move_aside },
    { .name = "try-again", .activate = try_again },
  };
  gboolean busy = g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY);
  gboolean full = g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *description = NULL;
  StoreProblem *problem = g_new0 (StoreProblem, 1);
  const char *title = _("The Store Cannot Be Opened");

  problem->application = self;
  problem->window = window;
  problem->status = ADW_STATUS_PAGE (status);
  problem->path = g_strdup (path);
  g_object_set_data_full (G_OBJECT (window), "atlas-store-problem", problem, store_problem_free);
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), problem);
  gtk_widget_insert_action_group (window, "store", G_ACTION_GROUP (group));

  if (error->domain == ATLAS_STORE_ERROR)
    switch ((AtlasStoreError) error->code)
      {
      case ATLAS_STORE_ERROR_BUSY:
        title = _("The Store Is in Use");
        break;
      case ATLAS_STORE_ERROR_DAMAGED:
        title = _("The Store Is Damaged");
        break;
      case ATLAS_STORE_ERROR_READ_ONLY:
        title = _("The Store Cannot Be Written To");
        break;
      case ATLAS_STORE_ERROR_TOO_NEW:
        title = _("The Store Is From a Newer Version");
        break;
      case ATLAS_STORE_ERROR_NOT_A_STORE:
        title = _("This File Is Not a Store");
        break;
      case ATLAS_STORE_ERROR_FULL:
        title = _("The Disk Is Full");
        break;
      case ATLAS_STORE_ERROR_FAILED:
      default:
        break;
      }
  /* Waiting is the remedy for a store in use and for a full disk; a fresh
   * store would not fit on that disk either. */
  if (busy)
    description = g_strdup (error->message);
  else if (full)
    /* TRANSLATORS: the error, then what to do */
    description = g_strdup_printf (_("%s\n\nFree some space on that disk, then try again."), error->message);
  else
    /* TRANSLATORS: the error, then what moving aside does */
    description = g_strdup_printf (_("%s\n\nMoving it aside renames it, with the files beside it, so that a new store "
                                     "can start; nothing is deleted."),
                                   error->message);

  gtk_window_set_title (GTK_WINDOW (window), _("Compute Atlas"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  button = gtk_button_new_with_mnemonic (busy || full ? _("_Try Again") : _("_Move Aside and Start Fresh"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), busy || full ? "store.try-again" : "store.move-aside");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = self->db_path ? g_strdup (self->db_path) : atlas_store_default_path ();

      self->store = atlas_store_open (path, &error);
      if (self->store == NULL)
        {
          show_store_error (self, path, error);
          return;
        }
    }

  /* One refresher for the store, whatever the number of windows. */
  if (self->refresher == NULL)
    self->refresher = atlas_gui_refresher_new (self->store);
  gtk_window_present (GTK_WINDOW (atlas_window_new (GTK_APPLICATION (self), self->store)));
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("compute-atlas %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    atlas_application_set_store_path (self, db);

  return -1;
}

/* Closing each window, rather than quitting at once, lets the main window
 * remember its size and filter; the application ends with its last one. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (atlas_preferences_window_new (parent, self->store)));
}

/* Who made it, and where the bundled data come from: the articles' facts
 * were taken from two French articles and retold in the project's own
 * words; the sites are Epoch AI's data, credited as its licence (CC BY 4.0)
 * and Epoch ask. */
static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "Compute Atlas developers", NULL };
  const char *corpus[] = {
    "HyperAI https://hyper.ai/",
    _("A French press review of CoreWeave’s British data centres"),
    NULL,
  };
  const char *epoch[] = {
    "Epoch AI, ‘Data on GPU Clusters’, epoch.ai https://epoch.ai/data/gpu-clusters",
    "Epoch AI, ‘Data on Frontier AI Data Centers’, epoch.ai https://epoch.ai/data/data-centers",
    "Epoch AI, ‘Data on AI Companies’, epoch.ai https://epoch.ai/data/ai-companies",
    NULL,
  };
  AtlasApplication *self = ATLAS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *comments = g_strdup (_("News about the AI infrastructure build-out, beside a graph of the companies, "
                                          "data centre sites and countries they mention and a timeline of what was "
                                          "announced, funded and opened."));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, "Compute Atlas");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, "Compute Atlas developers");
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, comments);
  adw_about_window_set_website (about, "https://github.com/computeatlas/compute-atlas");
  adw_about_window_set_issue_url (about, "https://github.com/computeatlas/compute-atlas/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 Compute Atlas developers");
  adw_about_window_set_developers (about, developers);
  /* TRANSLATORS: your name and address, one per line, shown in the About window */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_credit_section (about, _("Bundled articles, retold from"), corpus);
  adw_about_window_add_credit_section (about, _("Site data"), epoch);
  adw_about_window_add_legal_section (about, _("Bundled articles"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The bundled articles summarise, in the project’s own words, facts reported "
                                        "by their sources; no text of the sources is copied."));
  /* The citation goes in the licence's text: libadwaita 1.2 leaks a
   * legal section's copyright string (found by LeakSanitizer). */
  adw_about_window_add_legal_section (about, _("Site data from Epoch AI"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Epoch AI, ‘Data on GPU Clusters’, ‘Data on Frontier AI Data Centers’ and "
                                        "‘Data on AI Companies’. Published online at epoch.ai. Licensed under the "
                                        "Creative Commons Attribution 4.0 International licence (CC BY 4.0), "
                                        "https://creativecommons.org/licenses/by/4.0/. The app imports Epoch AI’s "
                                        "files as published; each site keeps the file and line it came from."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
atlas_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "preferences", preferences_action },
    { "about", about_action },
  };
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  static const char *const help_accels[] = { "<Control>question", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };
  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
}

static void
atlas_application_finalize (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->refresher);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_application_parent_class)->finalize (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = atlas_application_finalize;
  app_class->activate = atlas_application_activate;
  app_class->startup = atlas_application_startup;
  app_class->handle_local_options = atlas_application_handle_local_options;
}

static void
atlas_application_init (AtlasApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the store in FILE instead of the default one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  atlas_gui_register_resources ();
}

AtlasApplication *
atlas_application_new (void)
{
  /* NON_UNIQUE: two stores can be open side by side with --db. */
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/computeatlas/ComputeAtlas",
                       NULL);
}

/* The store to open instead of the default one (--db). */
void
atlas_application_set_store_path (AtlasApplication *self,
                                  const char       *path)
{
  g_return_if_fail (ATLAS_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_canonicalize_filename (path, NULL);
}

/* The refresher of the application's store (see atlas_gui_refresher_new()),
 * or NULL before the store is opened. */
AtlasRefresher *
atlas_application_get_refresher (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);
  return self->refresher;
}
