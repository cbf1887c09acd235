/* test-countries.c: the country table the tagger and every view name countries from */
#include "atlas-countries.h"

/* atlas_country_lookup() searches the table by halves: it must stay sorted
 * by code, each code once and well formed, each with a name. */
static void
test_table (void)
{
  guint n = 0;
  const AtlasCountry *all = atlas_countries_get_all (&n);

  g_assert_cmpuint (n, >, 40);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (atlas_country_code_is_valid (all[i].code));
      g_assert_nonnull (all[i].name);
      g_assert_cmpstr (all[i].name, !=, "");
      g_assert_nonnull (all[i].aliases);
      if (i > 0)
        g_assert_cmpint (g_strcmp0 (all[i - 1].code, all[i].code), <, 0);
      g_assert_true (atlas_country_lookup (all[i].code) == &all[i]);
    }
}

static void
test_lookup (void)
{
  const AtlasCountry *gb = atlas_country_lookup ("GB");

  g_assert_nonnull (gb);
  g_assert_cmpstr (gb->name, ==, "United Kingdom");
  g_assert_true (g_strv_contains ((const char *const *) gb->aliases, "Royaume-Uni"));
  g_assert_null (atlas_country_lookup ("gb"));
  g_assert_null (atlas_country_lookup ("ZZ"));
  g_assert_null (atlas_country_lookup (""));
  g_assert_null (atlas_country_lookup (NULL));
}

static void
test_valid_codes (void)
{
  static const struct { const char *code; gboolean valid; } cases[] = {
    { "GB", TRUE }, { "ZZ", TRUE }, { "gb", FALSE }, { "G", FALSE }, { "GBR", FALSE },
    { "", FALSE }, { "G1", FALSE }, { "É", FALSE }, { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (atlas_country_code_is_valid (cases[i].code), ==, cases[i].valid);
}

/* A valid code the table lacks is shown as itself, never as nothing. */
static void
test_display_names (void)
{
  g_assert_cmpstr (atlas_country_display_name ("FR"), ==, "France");
  g_assert_cmpstr (atlas_country_display_name ("US"), ==, "United States");
  g_assert_cmpstr (atlas_country_display_name ("ZZ"), ==, "ZZ");
  g_assert_null (atlas_country_display_name (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/table", test_table);
  g_test_add_func ("/countries/lookup", test_lookup);
  g_test_add_func ("/countries/valid-codes", test_valid_codes);
  g_test_add_func ("/countries/display-names", test_display_names);

  return g_test_run ();
}
