/* test-window-app.c: the application around the window: accelerators, French, what it remembers, a narrow window */
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
#include "atlas-countries.h"
#include "atlas-entity-item.h"
#include "atlas-entity-table-private.h"
#include "atlas-event-item.h"
#include "atlas-event-table-private.h"
#include "atlas-facet-chooser-private.h"
#include "atlas-facet-item.h"
#include "atlas-chip-box.h"
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
#include "atlas-palette.h"


static gboolean
has_accel (GtkApplication *app,
           const char     *action,
           const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  return accels != NULL && g_strv_contains ((const char *const *) accels, accel);
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (all, " %s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, all);
}

/* The standard accelerators of a GNOME app work and are listed in the
 * shortcuts window; the primary menu has About, which opens. */
static void
test_application_accelerators (void)
{
  static const char *const listed[] = {
    "<Control>q", "<Control>w", "<Control>comma", "<Control>question", "<Control>f", "<Control>r", "F5", "F10",
  };
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/computeatlas/ComputeAtlas/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) all = g_string_new (NULL);
  GtkWidget *about;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (has_accel (GTK_APPLICATION (app), "app.quit", "<Control>q"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "window.close", "<Control>w"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "app.preferences", "<Control>comma"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.show-help-overlay", "<Control>question"));

  g_assert_nonnull (overlay);
  collect_accelerators (overlay, all);
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      g_autofree char *word = g_strdup_printf (" %s ", listed[i]);

      if (strstr (all->str, word) == NULL)
        g_error ("the shortcuts window does not list %s", listed[i]);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* Its icon is the app's own, even from the build tree. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (about)),
                                          adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about))));
  atlas_test_wait_for_frames (about);
  save_png (about, "test-about.png");
  gtk_window_destroy (GTK_WINDOW (about));
  atlas_test_drain ();
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
collect_menu_texts (GMenuModel *menu,
                    GPtrArray  *texts)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, label);
      collect_menu_texts (section, texts);
      collect_menu_texts (submenu, texts);
    }
}

/* Every text a person can read in `widget` and below it: labels, tooltips,
 * placeholders, row and page titles, and the menus buttons open. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  add_text (texts, gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    add_text (texts, gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    collect_menu_texts (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  else if (ADW_IS_WINDOW_TITLE (widget))
    add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add_text (texts, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add_text (texts, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add_text (texts, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Fails on any text of `widget` that the French catalogue translates: it
 * is shown in English. Returns how many texts were read. */
static guint
assert_french (GtkWidget  *widget,
               const char *what)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  atlas_test_wait_for_frames (widget);
  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *french = g_dgettext (GETTEXT_PACKAGE, text);

      if (g_strcmp0 (french, text) != 0)
        g_error ("%s shows “%s” in English; in French it is “%s”", what, text, french);
    }
  g_test_message ("%s: %u texts, none in English", what, texts->len);
  return texts->len;
}

static gboolean
is_country_code (const char *text)
{
  return atlas_country_code_is_valid (text);
}

static gboolean
names_the_uk_in_english (const char *text)
{
  return strstr (text, "United Kingdom") != NULL;
}

/* How many of a table's rows say `french` in their string `property`, after
 * checking that none says what `english` recognises. */
static guint
count_french_rows (GListModel  *rows,
                   const char  *property,
                   const char  *french,
                   gboolean   (*english) (const char *))
{
  guint count = 0;

  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autofree char *text = NULL;

      g_object_get (row, property, &text, NULL);
      if (text == NULL)
        continue;
      g_assert_false (english (text));
      count += strstr (text, french) != NULL;
    }
  return count;
}

/* The Entities and Events tables name countries in French too: the store
 * keeps a code and the feed's English name, which neither table shows. */
static void
assert_french_tables (AtlasWindow *window)
{
  AtlasEntityTable *entities = ATLAS_ENTITY_TABLE (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_ENTITY_TABLE));
  AtlasEventTable *events = ATLAS_EVENT_TABLE (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_EVENT_TABLE));

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (entities), GTK_TYPE_STACK)),
                                    "table");
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (events), GTK_TYPE_STACK)),
                                    "events");
  atlas_test_drain ();
  g_assert_cmpuint (count_french_rows (atlas_entity_table_get_rows (entities), "country", "Royaume-Uni",
                                       is_country_code), >, 0);
  g_assert_cmpuint (count_french_rows (atlas_event_table_get_rows (events), "entities-label", "Royaume-Uni",
                                       names_the_uk_in_english), >, 0);
}

/* With LANGUAGE=fr, the window, Preferences, the shortcuts and About show no
 * text in English that the French catalogue has. The test runs itself again
 * in a French environment, with the build's own catalogue. */
static void
test_french (void)
{
  g_autofree char *localedir = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  AtlasWindow *window = NULL;
  GtkWindow *preferences;
  GtkWidget *about;

  if (!is_rerun ())
    {
      locale_t french = newlocale (LC_ALL_MASK, "fr_FR.UTF-8", (locale_t) 0);

      if (french == (locale_t) 0)
        {
          g_test_skip ("no fr_FR.UTF-8 locale on this machine");
          return;
        }
      freelocale (french);
      localedir = g_build_filename (g_getenv ("MESON_BUILD_ROOT"), "po", NULL);
      rerun_test (NULL, "LANGUAGE", "fr", "LC_ALL", "fr_FR.UTF-8", "COMPUTE_ATLAS_LOCALEDIR", localedir, NULL);
      return;
    }

  atlas_locale_init ();
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Filters"), ==, "Filtres");

  dir = atlas_test_make_dir ();
  store = atlas_test_corpus_store (dir);
  open_window (store, &window);
  g_assert_cmpuint (assert_french (GTK_WIDGET (window), "the window"), >, 50);
  save_png (GTK_WIDGET (window), "test-window-fr.png");
  assert_french_tables (window);

  preferences = GTK_WINDOW (atlas_preferences_window_new (GTK_WINDOW (window), store));
  gtk_window_present (preferences);
  assert_french (GTK_WIDGET (preferences), "Preferences");
  gtk_window_destroy (preferences);

  builder = gtk_builder_new_from_resource ("/io/github/computeatlas/ComputeAtlas/gtk/help-overlay.ui");
  gtk_window_present (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  assert_french (GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")), "the shortcuts");
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  app = atlas_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  assert_french (about, "About");
  save_png (about, "test-about-fr.png");
  gtk_window_destroy (GTK_WINDOW (about));

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* The application's window remembers its size and the filter when it is
 * closed, and a new one opens as it was; a window made on its own starts
 * afresh. */
static void
test_window_remembers (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GSettings) settings = atlas_gui_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) countries = NULL;
  AtlasWindow *window = NULL;
  const AtlasFilter *filter;
  int width, height;

  g_assert_nonnull (settings);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = atlas_window_new (GTK_APPLICATION (app), store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "GB"));
  atlas_view_state_set_text (atlas_window_get_view_state (window), "coreweave");
  atlas_view_state_set_date_range (atlas_window_get_view_state (window), 1577836800, 1893456000);
  gtk_window_close (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  countries = g_settings_get_strv (settings, "filter-countries");
  g_assert_cmpstrv (countries, ((const char *[]) { "GB", NULL }));

  window = atlas_window_new (GTK_APPLICATION (app), store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  filter = atlas_view_state_get_filter (atlas_window_get_view_state (window));
  g_assert_true (atlas_filter_contains (filter, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpstr (filter->text, ==, "coreweave");
  g_assert_cmpint (filter->since, ==, 1577836800);
  g_assert_cmpint (filter->until, ==, 1893456000);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (atlas_window_get_view_state (window))));
  close_window (&window);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_narrow_window (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  AtlasWindow *window = atlas_window_new (NULL, store);
  AdwLeaflet *leaflet;
  AdwFlap *flap;
  GtkWidget *list_page, *content;
  int minimum;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_frames (GTK_WIDGET (window));

  /* The panes fold once the window is narrow, and then it can be 360 px. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
  leaflet = ADW_LEAFLET (find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  flap = ADW_FLAP (find_by_type (GTK_WIDGET (window), ADW_TYPE_FLAP));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  list_page = adw_leaflet_get_visible_child (leaflet);
  save_png (GTK_WIDGET (window), "narrow.png");

  /* The timeline gives up its room to the one pane shown: a quarter of the
   * height, or the least its lanes take (it kept 280 px, 40%). */
  {
    GtkPaned *paned = GTK_PANED (find_by_type (GTK_WIDGET (window), GTK_TYPE_PANED));
    int timeline = gtk_widget_get_height (gtk_paned_get_end_child (paned));

    g_test_message ("timeline: %d of %d px", timeline, gtk_widget_get_height (GTK_WIDGET (paned)));
    g_assert_cmpint (timeline, <=, gtk_widget_get_height (GTK_WIDGET (paned)) * 0.34);
  }

  /* The timeline shows its axis from the first frames, fitted to the
   * events (2017 to today), with no Home pressed. */
  {
    AtlasTimelineView *timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
    gint64 start, end;

    atlas_test_wait_while (timeline, "busy", 20);
    atlas_test_wait_for_frames (GTK_WIDGET (window));
    atlas_timeline_view_get_range (timeline, &start, &end);
    g_assert_cmpint (start, <, 1483228800);
    g_assert_cmpint (end, >, 1735689600);
    g_assert_cmpint (atlas_timeline_view_get_tick_unit (timeline), >=, ATLAS_TIME_YEAR);
  }

  /* Activating an article in the list opens it as a page; Back returns. */
  {
    GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window)));

    AtlasChipBox *chips = ATLAS_CHIP_BOX (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_CHIP_BOX));
    int folded_height;

    g_signal_emit_by_name (list, "activate", 0);
    atlas_test_wait_for_frames (GTK_WIDGET (window));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) != list_page);
    save_png (GTK_WIDGET (window), "narrow-reading.png");

    /* The article's chips take three lines and a button that unfolds the
     * rest: its text is not pushed below the fold. */
    g_assert_true (atlas_chip_box_get_folds (chips));
    folded_height = gtk_widget_get_height (GTK_WIDGET (chips));
    g_assert_cmpint (folded_height, <=, 3 * 32);
    /* Three lines, the button on the last (chips folded away once started
     * lines of their own, and pushed the button onto a fourth). */
    {
      g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (chips)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          graphene_rect_t bounds;

          if (gtk_widget_get_child_visible (child) && gtk_widget_compute_bounds (child, GTK_WIDGET (chips), &bounds))
            g_hash_table_add (lines, GINT_TO_POINTER ((int) bounds.origin.y + 1));
        }
      g_assert_cmpuint (g_hash_table_size (lines), ==, 3);
    }
    /* The first article names 43 entities. */
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (atlas_chip_box_get_more_button (chips))), ==, "Show All 43");
    g_signal_emit_by_name (atlas_chip_box_get_more_button (chips), "clicked");
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (atlas_chip_box_get_more_button (chips))), ==, "Show Fewer");
    atlas_test_wait_for_frames (GTK_WIDGET (window));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chips)), >, folded_height);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_page);
  }

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The stylesheet's colours, as the app's AdwApplication loads them. */
  atlas_palette_load ();
  /* A blinking cursor's timer that fires after a window lost the focus
   * makes GtkText warn that it got no focus-out event ("did not receive a
   * focus-out event"), which fails a test run with fatal warnings whenever
   * the machine is slow enough, as the sanitizer build is. No test looks
   * at the cursor's blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/window/application-accelerators", test_application_accelerators);
  g_test_add_func ("/window/french", test_french);
  g_test_add_func ("/window/remembers", test_window_remembers);
  g_test_add_func ("/window/narrow", test_narrow_window);

  return g_test_run ();
}
