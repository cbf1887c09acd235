/* test-view-state.c: the one filter and selection every view follows */
#include "atlas-view-state.h"

static void
count (gpointer  instance,
       guint    *emissions)
{
  (*emissions)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *emissions)
{
  (*emissions)++;
}

/* One "filter-changed" per change, none for what changes nothing. */
static void
test_filter_changes (void)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  guint calls = 0;

  g_signal_connect (state, "filter-changed", G_CALLBACK (count), &calls);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));

  g_assert_true (atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpuint (calls, ==, 1);
  atlas_view_state_set_text (state, "nvidia");
  atlas_view_state_set_text (state, "nvidia");
  g_assert_cmpuint (calls, ==, 2);
  g_assert_false (atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpuint (calls, ==, 3);
  atlas_view_state_set_date_range (state, 0, 100);
  g_assert_cmpuint (calls, ==, 4);
  g_assert_false (atlas_filter_is_empty (atlas_view_state_get_filter (state)));
  atlas_view_state_clear_filter (state);
  g_assert_cmpuint (calls, ==, 5);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));
  atlas_view_state_clear_filter (state);
  g_assert_cmpuint (calls, ==, 5);

  /* The same filter set again, its choices in another order: nothing. */
  {
    g_autoptr(AtlasFilter) filter = atlas_filter_new ();
    g_autoptr(AtlasFilter) same = atlas_filter_new ();

    atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "nvidia");
    atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "nscale");
    atlas_view_state_set_filter (state, filter);
    g_assert_cmpuint (calls, ==, 6);
    atlas_filter_add (same, ATLAS_FILTER_GROUP_COMPANIES, "nscale");
    atlas_filter_add (same, ATLAS_FILTER_GROUP_COMPANIES, "nvidia");
    atlas_view_state_set_filter (state, same);
    g_assert_cmpuint (calls, ==, 6);
    atlas_view_state_clear_filter (state);
    g_assert_cmpuint (calls, ==, 7);
  }
}

/* The article read and the entity selected are told when they change, and
 * never change the filter. */
static void
test_selection (void)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  guint changes = 0, articles = 0, entities = 0;

  g_signal_connect (state, "filter-changed", G_CALLBACK (count), &changes);
  g_signal_connect (state, "notify::selected-article", G_CALLBACK (count_notify), &articles);
  g_signal_connect (state, "notify::selected-entity", G_CALLBACK (count_notify), &entities);

  atlas_view_state_set_selected_article (state, 42);
  atlas_view_state_set_selected_article (state, 42);
  g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, 42);
  atlas_view_state_set_selected_entity (state, "coreweave");
  atlas_view_state_set_selected_entity (state, "coreweave");
  g_assert_cmpstr (atlas_view_state_get_selected_entity (state), ==, "coreweave");
  atlas_view_state_set_selected_entity (state, NULL);
  g_assert_null (atlas_view_state_get_selected_entity (state));

  g_assert_cmpuint (articles, ==, 1);
  g_assert_cmpuint (entities, ==, 2);
  g_assert_cmpuint (changes, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view-state/filter-changes", test_filter_changes);
  g_test_add_func ("/view-state/selection", test_selection);
  return g_test_run ();
}
