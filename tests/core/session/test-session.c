/* test-session.c: one selection per change, which every view follows */
#include "atlas-generator.h"
#include "atlas-session.h"
#include "atlas-test-util.h"

static void
count_emission (AtlasSession *session,
                guint        *emissions)
{
  (*emissions)++;
}

static void
generate_into (AtlasStore *store,
               guint       articles)
{
  AtlasGeneratorOptions options;

  atlas_generator_options_init (&options);
  options.articles = articles;
  options.entities = 120;
  options.items_per_feed = 500;
  options.seed = 3;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
  /* As the window does after an import in a worker. */
  atlas_store_emit_changed (store);
}

/* A filter change is evaluated once, to what the index gives, and told once;
 * the timeline's part (dates aside) comes with it. */
static void
test_filter_change (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  g_autoptr(AtlasArticleIndex) index = atlas_article_index_new (store, NULL, NULL);
  g_autoptr(AtlasSelection) expected = NULL;
  AtlasSelection *selection;
  guint emissions = 0;

  /* A small store is read at once: no waiting. */
  g_assert_false (atlas_session_get_loading (session));
  selection = atlas_session_get_selection (session);
  g_assert_nonnull (selection);
  g_assert_cmpuint (selection->ids->len, ==, 2);
  g_assert_true (atlas_session_selects_all (session, FALSE));

  g_signal_connect (session, "selection-changed", G_CALLBACK (count_emission), &emissions);
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  g_assert_cmpuint (emissions, ==, 1);
  selection = atlas_session_get_selection (session);
  expected = atlas_article_index_select (index, store, atlas_view_state_get_filter (state), NULL);
  g_assert_cmpuint (selection->ids->len, ==, 1);
  g_assert_cmpint (g_array_index (selection->ids, gint64, 0), ==, g_array_index (expected->ids, gint64, 0));
  g_assert_false (atlas_session_selects_all (session, TRUE));

  /* A date range that holds nothing: the list is empty, the timeline still
   * has the country's article. */
  atlas_view_state_set_date_range (state, 0, 86400);
  g_assert_cmpuint (emissions, ==, 2);
  selection = atlas_session_get_selection (session);
  g_assert_cmpuint (selection->ids->len, ==, 0);
  g_assert_cmpuint (selection->undated_ids->len, ==, 1);
  g_assert_false (atlas_session_selects_all (session, TRUE));

  atlas_view_state_clear_filter (state);
  g_assert_cmpuint (emissions, ==, 3);
  g_assert_true (atlas_session_selects_all (session, FALSE));

  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* New articles reach the selection; a store past the in-place size is read
 * in a worker, and only once workers are allowed (after the first frame). */
static void
test_store_changes (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (path, NULL);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  gint64 deadline = atlas_test_deadline (20);
  guint emissions = 0;

  g_assert_cmpuint (atlas_session_get_selection (session)->ids->len, ==, 0);
  g_signal_connect (session, "selection-changed", G_CALLBACK (count_emission), &emissions);

  generate_into (store, 500);
  g_assert_cmpuint (emissions, ==, 1);
  g_assert_cmpuint (atlas_session_get_selection (session)->ids->len, ==, 500);

  emissions = 0;
  generate_into (store, 3000);
  /* The index of 500 still serves while the larger store waits. */
  g_assert_cmpuint (atlas_session_get_selection (session)->ids->len, ==, 500);
  g_assert_cmpuint (emissions, ==, 0);

  atlas_session_allow_workers (session);
  while (atlas_session_get_selection (session)->ids->len == 500 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (atlas_session_get_selection (session)->ids->len, ==, 3000);
  g_assert_cmpuint (emissions, ==, 1);
  g_assert_null (atlas_session_get_error (session));

  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* What a model's worker may read, and when a read of every article stands. */
static void
test_reads (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  AtlasSessionRead read = { 0 };
  g_autoptr(GArray) ids = NULL;

  /* No worker before the first frame; and nothing read now means nothing
   * read before stands. */
  read.all = TRUE;
  g_assert_false (atlas_session_begin_read (session, TRUE, &read, &ids));
  g_assert_false (read.all);
  g_assert_false (atlas_session_read_stands (session, &read, TRUE));
  atlas_session_allow_workers (session);

  /* Every article: no ids to pass, and the read stands until the store
   * changes, through a date range when the dates are aside. */
  g_assert_true (atlas_session_begin_read (session, TRUE, &read, &ids));
  g_assert_null (ids);
  g_assert_true (read.all);
  atlas_view_state_set_date_range (state, 0, 86400);
  g_assert_true (atlas_session_read_stands (session, &read, TRUE));
  g_assert_false (atlas_session_read_stands (session, &read, FALSE));
  atlas_view_state_clear_filter (state);
  atlas_store_emit_changed (store);
  g_assert_false (atlas_session_read_stands (session, &read, TRUE));

  /* A country: its articles, and nothing stands. */
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  g_assert_true (atlas_session_begin_read (session, FALSE, &read, &ids));
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_false (read.all);
  g_assert_false (atlas_session_read_stands (session, &read, FALSE));

  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/filter-change", test_filter_change);
  g_test_add_func ("/session/store-changes", test_store_changes);
  g_test_add_func ("/session/reads", test_reads);

  return g_test_run ();
}
