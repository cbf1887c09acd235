/* test-window-store.c: the window and its store: empty, large, unusable, read-only, full, in use; the list's rows */
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
#include "atlas-palette.h"


/* The article list's selection. */
static GtkSingleSelection *
find_article_selection (AtlasWindow *window)
{
  GtkWidget *list = find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window));

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

/* A store with feeds but no article is not "no match": it says how to add
 * articles instead of offering to clear filters that are not there. */
static void
test_store_without_articles (void)
{
  static const char *feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Empty\", \"items\": []}";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = atlas_import_data (store, feed, strlen (feed), "empty.json", NULL);
  AtlasWindow *window = NULL;

  g_assert_null (report->error);
  open_window (store, &window);
  g_assert_false (atlas_window_get_importing (window));
  g_assert_cmpuint (n_articles (window), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "No Articles Yet"));
  g_assert_null (find_label (GTK_WIDGET (window), "No Matching Articles"));
  close_window (&window);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
wait_for_articles (AtlasWindow *window,
                   guint        expected)
{
  gint64 deadline = atlas_test_deadline (30);

  while (n_articles (window) != expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_articles (window), ==, expected);
}

/* 2,400 articles: more than the window reads on its main thread, and more
 * than the ~200 rows its list keeps. */
static void
fill_large_store (AtlasStore *store)
{
  AtlasGeneratorOptions options;

  atlas_generator_options_init (&options);
  options.articles = 2400;
  options.entities = 200;
  options.items_per_feed = 1200;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
}

static GtkListView *
find_article_list_view (AtlasWindow *window)
{
  GtkWidget *list = find_widget (GTK_WIDGET (window), is_list_of, atlas_window_get_articles (window));

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static void
count_call (gpointer  instance,
            gpointer  item,
            guint    *calls)
{
  (*calls)++;
}

/* The row drawn at the top of the list's view, if any. */
static AtlasArticleRow *
top_row (GtkListView *list)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (list), gtk_widget_get_width (GTK_WIDGET (list)) / 2.0, 2,
                                       GTK_PICK_DEFAULT);

  return picked ? ATLAS_ARTICLE_ROW (gtk_widget_get_ancestor (picked, ATLAS_TYPE_ARTICLE_ROW)) : NULL;
}

/* How many pixels are about as dark as text. */
static guint
count_dark_pixels (GdkTexture *texture)
{
  g_autofree guchar *pixels = atlas_test_pixels (texture);
  gsize n = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  guint dark = 0;

  for (gsize i = 0; i < n; i++)
    if (pixels[4 * i] < 96 && pixels[4 * i + 1] < 96 && pixels[4 * i + 2] < 96)
      dark++;
  return dark;
}

/* A filter change rebinds the rows the list keeps instead of building new
 * ones, and the list shows the first new article at the top; the rows
 * scrolled into view then are drawn (they shape their text only then). */
static void
test_rows_recycled_and_drawn_in_view (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(AtlasFilter) no_filter = atlas_filter_new ();
  guint first_new = 0;
  const char *country = NULL;
  AtlasWindow *window = NULL;
  GtkListView *list;
  guint built = 0, reads, dark_at_top;

  fill_large_store (store);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_articles (window, 2400);
  list = find_article_list_view (window);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  all = atlas_query_article_ids (store, no_filter, NULL);

  /* A country with more articles than the ~200 rows the list keeps. */
  for (const char *const *code = (const char *const[]) { "US", "GB", "FR", "DE", "CN", "JP", NULL }; *code; code++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();

      atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, *code);
      g_clear_pointer (&expected, g_array_unref);
      expected = atlas_query_article_ids (store, filter, NULL);
      country = *code;
      if (expected->len > 300)
        break;
    }
  g_assert_cmpuint (expected->len, >, 300);
  while (g_array_index (all, gint64, first_new) == g_array_index (expected, gint64, first_new))
    first_new++;

  /* Scrolled into the articles the country leaves out, the reader is taken
   * to the first article that changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 1000));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_signal_connect (gtk_list_view_get_factory (list), "setup", G_CALLBACK (count_call), &built);
  reads = atlas_article_list_get_n_read (ATLAS_ARTICLE_LIST (atlas_window_get_articles (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", country));
  g_assert_cmpuint (n_articles (window), ==, expected->len);
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (built, <, 10);
  /* Of the ~200 rows rebound, only those in view read their article; the
   * others are kept from screen readers until they show it. */
  g_assert_cmpuint (atlas_article_list_get_n_read (ATLAS_ARTICLE_LIST (atlas_window_get_articles (window))) - reads,
                    <, 60);
  {
    g_autoptr(AtlasArticle) first = atlas_query_article (store, g_array_index (expected, gint64, first_new), FALSE,
                                                         NULL);
    guint hidden = 0;

    gtk_test_accessible_assert_state (top_row (list), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
    gtk_test_accessible_assert_property (top_row (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         atlas_article_get_title (first));
    for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (list)); item; item = gtk_widget_get_next_sibling (item))
      {
        GtkWidget *row = gtk_widget_get_first_child (item);
        g_autofree char *shown = NULL;

        if (!ATLAS_IS_ARTICLE_ROW (row))
          continue;
        shown = gtk_test_accessible_check_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
        if (shown != NULL)
          hidden++;
      }
    g_assert_cmpuint (hidden, >, 100);
  }
  g_assert_nonnull (top_row (list));
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), ==, g_array_index (expected, gint64, first_new));

  /* Back to every article, from the top: the rows are rebound again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 0));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (n_articles (window), ==, 2400);
  g_assert_cmpuint (built, <, 10);
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), ==, g_array_index (all, gint64, 0));

  /* A few pages down: rows the list kept and bound, but never drew. */
  {
    g_autoptr(GdkTexture) top = atlas_test_render (GTK_WIDGET (list));

    dark_at_top = count_dark_pixels (top);
  }
  g_assert_cmpuint (dark_at_top, >, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 60));
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  {
    g_autoptr(GdkTexture) bottom = atlas_test_render (GTK_WIDGET (list));

    g_assert_cmpuint (count_dark_pixels (bottom), >, dark_at_top / 2);
  }
  g_assert_cmpint (atlas_article_row_get_article_id (top_row (list)), !=, g_array_index (all, gint64, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  atlas_test_drain ();
  g_assert_null (window);
}

/* Above a couple of thousand articles the window reads the store in a
 * worker: it says so, then lists and counts them; after an import the last
 * index serves until the next one is built. */
static void
test_large_store_read_in_a_worker (void)
{
  static const char *extra =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Late\", \"items\": ["
    "{\"id\": \"late\", \"title\": \"A late article\", \"content_text\": \"Nothing to see.\","
    " \"date_published\": \"2030-01-01T00:00:00Z\"}]}";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = NULL;
  g_autoptr(AtlasFilter) norway = atlas_filter_new ();
  g_autoptr(GArray) expected = NULL;
  AtlasWindow *window = NULL;

  fill_large_store (store);

  window = atlas_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (n_articles (window), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Reading the Store…"));
  wait_for_articles (window, 2400);
  g_assert_null (find_label (GTK_WIDGET (window), "Reading the Store…"));

  atlas_filter_add (norway, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  expected = atlas_query_article_ids (store, norway, NULL);
  g_assert_cmpuint (expected->len, >, 0);
  /* The selected article stays selected, and only the rows shown are read
   * (GtkSingleSelection would read every new row to look for it). */
  {
    AtlasArticleList *articles = ATLAS_ARTICLE_LIST (atlas_window_get_articles (window));
    AtlasViewState *state = atlas_window_get_view_state (window);
    gint64 chosen = g_array_index (expected, gint64, expected->len / 2);
    GtkSingleSelection *selection;
    guint reads, position;

    atlas_view_state_set_selected_article (state, chosen);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", "NO"));
    g_assert_cmpuint (n_articles (window), ==, expected->len);
    g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, chosen);
    selection = find_article_selection (window);
    g_assert_true (atlas_article_list_find (articles, chosen, &position));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
    reads = atlas_article_list_get_n_read (articles);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
    g_assert_cmpuint (atlas_article_list_get_n_read (articles) - reads, <, 400);
    g_assert_cmpuint (n_articles (window), ==, 2400);
    g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, chosen);
    atlas_view_state_set_selected_article (state, 0);
  }

  /* Filters changed faster than the workers read: the graph and the
   * timeline end on the last one. */
  {
    AtlasTimelineView *timeline = ATLAS_TIMELINE_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_VIEW));
    AtlasGraphView *graph = ATLAS_GRAPH_VIEW (find_by_type (GTK_WIDGET (window), ATLAS_TYPE_GRAPH_VIEW));
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(AtlasGraph) expected_graph = NULL;
    g_autoptr(AtlasFilter) last = atlas_filter_new ();
    AtlasGraphOptions graph_options;

    for (const char *const *code = (const char *const[]) { "GB", "US", "GB", "FR", NULL }; *code; code++)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-country", "s", *code));
    atlas_filter_add (last, ATLAS_FILTER_GROUP_COUNTRIES, "US");
    atlas_filter_add (last, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
    wait_for_timeline (timeline);
    atlas_test_wait_for_graph (graph);
    events = atlas_query_events (store, last, G_MININT64, G_MAXINT64, NULL);
    g_assert_cmpuint (atlas_timeline_view_get_events (timeline)->len, ==, events->len);
    atlas_graph_options_init (&graph_options);
    expected_graph = atlas_graph_build (store, last, &graph_options, NULL);
    g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_view_get_graph (graph)), ==,
                      atlas_graph_get_n_nodes (expected_graph));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  }

  report = atlas_import_data (store, extra, strlen (extra), "late.json", NULL);
  g_assert_null (report->error);
  atlas_store_emit_changed (store);
  g_assert_cmpuint (n_articles (window), ==, 2400);
  wait_for_articles (window, 2401);

  close_window (&window);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* At 360 px wide the window still fits: the filters fold away, the list
 * and the reader become pages, and an article opens over the list and goes
 * back to it. */

static GtkWindow *
only_window (AtlasApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  return windows->data;
}

/* The main window the application opened on a new store, once the corpus
 * is in. */
static GtkWindow *
wait_for_fresh_window (AtlasApplication *app)
{
  GtkWindow *window = only_window (app);
  gboolean done = FALSE;

  g_assert_true (ATLAS_IS_WINDOW (window));
  if (atlas_window_get_importing (ATLAS_WINDOW (window)))
    {
      g_signal_connect (window, "notify::importing", G_CALLBACK (on_importing_changed), &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  atlas_test_drain ();
  g_assert_cmpuint (n_articles (ATLAS_WINDOW (window)), ==, 2);
  return window;
}

/* A store that cannot be used gets a page that says why, and a way out
 * that moves it aside and starts afresh on the corpus. */
/* Starts the application on a store it cannot use: the only window is the
 * page titled `title`, naming the file, with `action` to offer. */
static GtkWindow *
open_unusable_store (AtlasApplication *app,
                     const char       *path,
                     const char       *title,
                     const char       *action)
{
  GtkWindow *window;
  AdwStatusPage *status;

  atlas_application_set_store_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));

  window = only_window (app);
  g_assert_false (ATLAS_IS_WINDOW (window));
  status = ADW_STATUS_PAGE (find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, title);
  g_assert_nonnull (strstr (adw_status_page_get_description (status), path));
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), action));
  return window;
}

/* The page for each kind of damage, and the file left byte for byte. */
static void
test_unusable_store_kinds (void)
{
  static const struct { const char *kind; const char *title; } cases[] = {
    { "cut", "The Store Is Damaged" },
    { "zeroed", "The Store Is Damaged" },
    { "newer", "The Store Is From a Newer Version" },
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *good = g_strdup (atlas_store_get_path (store));

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.db", dir, cases[i].kind);
      g_autoptr(GBytes) bytes = atlas_test_write_spoilt_store (good, cases[i].kind, path);
      g_autoptr(AtlasApplication) app = atlas_application_new ();
      g_autofree char *after = NULL;
      gsize after_size = 0;

      gtk_window_destroy (open_unusable_store (app, path, cases[i].title, "store.move-aside"));
      atlas_test_drain ();
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), after, after_size);
    }

  atlas_test_remove_dir (dir);
}

/* A store on a disk mounted read-only, which stops root too (permissions
 * would not): its page says it cannot be written to. */
static void
test_read_only_store (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(AtlasStore) store = NULL;
  const char *remount[] = { "mount", "-o", "remount,ro", NULL, NULL };

  if (rerun_in_mount_namespace ())
    return;

  dir = atlas_test_make_dir ();
  disk = g_build_filename (dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  mount_small_disk (disk);
  store = atlas_test_corpus_store (disk);
  path = g_strdup (atlas_store_get_path (store));
  g_clear_object (&store);
  remount[3] = disk;
  g_assert_true (run_command (remount));

  app = atlas_application_new ();
  gtk_window_destroy (open_unusable_store (app, path, "The Store Cannot Be Written To", "store.move-aside"));
  atlas_test_drain ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  unmount_small_disk (disk);
  atlas_test_remove_dir (dir);
}

static void
test_unusable_store (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GDir) listing = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *window;
  const char *name;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  window = open_unusable_store (app, path, "This File Is Not a Store", "store.move-aside");
  atlas_test_wait_for_frames (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "test-unusable-store.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.move-aside", NULL));
  atlas_test_drain ();

  window = wait_for_fresh_window (app);

  /* The old file is beside the new store, byte for byte. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".set-aside-") != NULL && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      moved = g_build_filename (dir, name, NULL);
  g_assert_nonnull (moved);
  g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);

  gtk_window_destroy (window);
  atlas_test_drain ();
  atlas_test_remove_dir (dir);
}


/* Starting on a disk with no room left for a new store: the page says the
 * disk is full and offers to try again, which opens the store once there is
 * room. The disk is a 1 MiB tmpfs, in a run of this test in a mount
 * namespace of its own. */
static void
test_full_disk_at_start (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasApplication) app = NULL;
  g_autofree char *zeros = g_malloc0 (4096);
  GtkWindow *window;
  FILE *file;

  if (rerun_in_mount_namespace ())
    return;

  dir = atlas_test_make_dir ();
  mount_small_disk (dir);
  filler = g_build_filename (dir, "filler", NULL);
  path = g_build_filename (dir, "atlas.db", NULL);
  file = g_fopen (filler, "wb");
  g_assert_nonnull (file);
  while (fwrite (zeros, 1, 4096, file) == 4096 && fflush (file) == 0)
    ;
  fclose (file);

  app = atlas_application_new ();
  window = open_unusable_store (app, path, "The Disk Is Full", "store.try-again");
  save_png (GTK_WIDGET (window), "test-full-disk-at-start.png");

  g_assert_cmpint (g_remove (filler), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.try-again", NULL));
  atlas_test_drain ();
  window = wait_for_fresh_window (app);
  gtk_window_destroy (window);
  atlas_test_drain ();
  unmount_small_disk (dir);
  atlas_test_remove_dir (dir);
}

/* A store another program holds while it must be migrated: the page says
 * it is in use, and Try Again opens it once the lock is given back. */
static void
test_store_in_use (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GError) error = NULL;
  AtlasTestLock *lock;
  GtkWindow *window;
  AdwStatusPage *status;

  g_assert_true (atlas_store_create_at_version (path, 2, &error));
  g_assert_no_error (error);
  /* Longer than the five seconds the store may wait for it. */
  lock = atlas_test_lock_hold (path, 6 * G_USEC_PER_SEC);
  atlas_application_set_store_path (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));

  window = only_window (app);
  status = ADW_STATUS_PAGE (find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Store Is in Use");
  g_assert_true (action_buttons_sensitive (GTK_WIDGET (window), "store.try-again"));

  atlas_test_lock_join (lock);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "store.try-again", NULL));
  atlas_test_drain ();
  window = wait_for_fresh_window (app);
  /* Nothing was moved aside: the store is the one that was in use. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (window);
  atlas_test_drain ();
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

  g_test_add_func ("/window/store-without-articles", test_store_without_articles);
  g_test_add_func ("/window/large-store-read-in-a-worker", test_large_store_read_in_a_worker);
  g_test_add_func ("/window/rows-recycled-and-drawn-in-view", test_rows_recycled_and_drawn_in_view);
  g_test_add_func ("/window/unusable-store", test_unusable_store);
  g_test_add_func ("/window/unusable-store-kinds", test_unusable_store_kinds);
  g_test_add_func ("/window/read-only-store", test_read_only_store);
  g_test_add_func ("/window/full-disk-at-start", test_full_disk_at_start);
  g_test_add_func ("/window/store-in-use", test_store_in_use);

  return g_test_run ();
}
