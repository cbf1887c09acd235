/* test-filter.c: what the user asked to see (its full-text query is tested
 * with the store, /query/fts-query) */
#include "atlas-filter.h"

/* Within a group the choices toggle one by one; equality ignores their
 * order, an empty text is no text. */
static void
test_toggle_and_equal (void)
{
  g_autoptr(AtlasFilter) a = atlas_filter_new ();
  g_autoptr(AtlasFilter) b = atlas_filter_new ();
  g_autoptr(AtlasFilter) copy = NULL;

  g_assert_true (atlas_filter_is_empty (a));
  g_assert_true (atlas_filter_toggle (a, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_true (atlas_filter_toggle (a, ATLAS_FILTER_GROUP_COUNTRIES, "NO"));
  g_assert_true (atlas_filter_contains (a, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_false (atlas_filter_contains (a, ATLAS_FILTER_GROUP_COMPANIES, "GB"));
  g_assert_false (atlas_filter_is_empty (a));

  atlas_filter_add (b, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  atlas_filter_add (b, ATLAS_FILTER_GROUP_COUNTRIES, "GB");
  g_assert_true (atlas_filter_equal (a, b));
  b->text = g_strdup ("");
  g_assert_true (atlas_filter_equal (a, b));
  b->since = 0;
  g_assert_false (atlas_filter_equal (a, b));

  copy = atlas_filter_copy (a);
  g_assert_true (atlas_filter_equal (a, copy));
  g_assert_false (atlas_filter_toggle (copy, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_false (atlas_filter_contains (copy, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  /* The copy is its own. */
  g_assert_true (atlas_filter_contains (a, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));

  g_assert_false (atlas_filter_toggle (a, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_false (atlas_filter_toggle (a, ATLAS_FILTER_GROUP_COUNTRIES, "NO"));
  g_assert_true (atlas_filter_is_empty (a));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/toggle-and-equal", test_toggle_and_equal);
  return g_test_run ();
}
