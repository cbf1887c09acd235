/* test-filter.c: what the user asked to see, and its full-text query */
#include <string.h>

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

/* Whatever the user types, the query is prefix terms in quotes, never FTS5
 * syntax. */
static void
test_fts_query (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autofree char *words = NULL;
  g_autofree char *hostile = NULL;
  g_autofree char *nothing = NULL;

  g_assert_null (atlas_filter_fts_query (filter));
  filter->text = g_strdup ("data centres");
  words = atlas_filter_fts_query (filter);
  g_assert_cmpstr (words, ==, "\"data\"* \"centres\"*");

  g_free (filter->text);
  filter->text = g_strdup ("NEAR(a b) OR \"x");
  hostile = atlas_filter_fts_query (filter);
  g_assert_nonnull (hostile);
  g_assert_null (strstr (hostile, "NEAR("));
  g_assert_true (g_str_has_prefix (hostile, "\""));

  g_free (filter->text);
  filter->text = g_strdup ("  ,;  ");
  nothing = atlas_filter_fts_query (filter);
  g_assert_null (nothing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/toggle-and-equal", test_toggle_and_equal);
  g_test_add_func ("/filter/fts-query", test_fts_query);
  return g_test_run ();
}
