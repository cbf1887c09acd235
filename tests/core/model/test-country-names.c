/* test-country-names.c: countries known by their written names, from iso-codes */
#include "atlas-country-names.h"
#include "atlas-test-util.h"

/* Every form Epoch AI's files use, and those an editor writes. */
static void
test_names (void)
{
  static const struct { const char *name; const char *code; } cases[] = {
    { "United States of America", "US" },
    { "United States", "US" },
    { "United Kingdom of Great Britain and Northern Ireland", "GB" },
    { "Korea (Republic of)", "KR" },
    { "Korea, Republic of", "KR" },
    { "Republic of Korea", "KR" },
    { "South Korea", "KR" },
    { "Philippines (the)", "PH" },
    { "the Philippines", "PH" },
    { "Russia", "RU" },
    { "Russian Federation", "RU" },
    { "Taiwan", "TW" },
    { "Vietnam", "VN" },
    { "Viet Nam", "VN" },
    { "Hong Kong", "HK" },
    { "Czechia", "CZ" },
    { "  czechia ", "CZ" },
    { "CÔTE D’IVOIRE", "CI" },
    { "Côte d'Ivoire", "CI" },
    { "Ivory Coast", "CI" },
    { "United Arab Emirates", "AE" },
    { "FR", "FR" },
    { "fr", NULL },
    { "ZZ", NULL },
    { "Atlantis", NULL },
    { "", NULL },
    { "(the)", NULL },
    { ",", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (atlas_country_code_for_name (cases[i].name), ==, cases[i].code);
  g_assert_null (atlas_country_code_for_name (NULL));
}

/* States and provinces only one country has. */
static void
test_subdivisions (void)
{
  g_assert_cmpstr (atlas_country_code_for_subdivision ("Texas"), ==, "US");
  g_assert_cmpstr (atlas_country_code_for_subdivision ("mississippi"), ==, "US");
  g_assert_cmpstr (atlas_country_code_for_subdivision ("Bavaria"), ==, NULL);
  g_assert_cmpstr (atlas_country_code_for_subdivision ("Bayern"), ==, "DE");
  /* A country's name is the country, never a state of another. */
  g_assert_null (atlas_country_code_for_subdivision ("Georgia"));
  g_assert_null (atlas_country_code_for_subdivision ("France"));
  g_assert_null (atlas_country_code_for_subdivision ("Nowhere"));
  g_assert_null (atlas_country_code_for_subdivision (NULL));
}

/* Every country value in Epoch AI's GPU clusters file is known. */
static void
test_epoch_countries (void)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_auto(GStrv) lines = NULL;
  static const char *const names[] = {
    "Australia", "Brazil", "China", "Czechia", "Hong Kong", "Korea (Republic of)", "Philippines (the)",
    "Russia", "Saudi Arabia", "Taiwan", "United Arab Emirates",
    "United Kingdom of Great Britain and Northern Ireland", "United States of America", "Vietnam",
  };

  data = atlas_test_epoch_file ("gpu_clusters.csv", &length);
  if (data == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_nonnull (strstr (data, names[i]));
      g_assert_nonnull (atlas_country_code_for_name (names[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/country-names/names", test_names);
  g_test_add_func ("/country-names/subdivisions", test_subdivisions);
  g_test_add_func ("/country-names/epoch", test_epoch_countries);

  return g_test_run ();
}
