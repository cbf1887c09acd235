/* test-site.c: which sites the one filter selects */
#include "atlas-site.h"

static AtlasSite *
make_site (void)
{
  AtlasSite *site = atlas_site_new ();
  AtlasChips chips = { g_strdup ("NVIDIA GB200"), 1000 };

  site->id = g_strdup ("colossus");
  site->name = g_strdup ("xAI Colossus Memphis");
  site->place = g_strdup ("Memphis, Tennessee");
  site->country = g_strdup ("US");
  site->status = g_strdup ("existing");
  site->certainty = g_strdup ("confirmed");
  site->first_operational = g_strdup ("2024-09");
  g_ptr_array_add (site->owners, g_strdup ("xAI"));
  g_ptr_array_add (site->owner_ids, g_strdup ("xai"));
  g_ptr_array_add (site->users, g_strdup ("Grok Team"));
  g_array_append_val (site->chips, chips);
  atlas_site_seal (site);
  return site;
}

static gboolean
selects (AtlasSite   *site,
         AtlasFilter *filter)
{
  return atlas_site_matches (site, filter, ATLAS_FILTER_GROUP_NONE);
}

static void
test_groups (void)
{
  g_autoptr(AtlasSite) site = make_site ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  g_assert_true (selects (site, filter));
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
  g_assert_false (selects (site, filter));
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "US");
  g_assert_true (selects (site, filter));
  /* A facet counts what its own choices would add. */
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_COUNTRIES, "US");
  g_assert_false (selects (site, filter));
  g_assert_true (atlas_site_matches (site, filter, ATLAS_FILTER_GROUP_COUNTRIES));
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_COUNTRIES, "FR");

  /* Companies are owners; an entity is the site or an owner. */
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "nvidia");
  g_assert_false (selects (site, filter));
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "xai");
  g_assert_true (selects (site, filter));
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_ENTITIES, "colossus");
  g_assert_true (selects (site, filter));
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_ENTITIES, "colossus");
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_ENTITIES, "memphis");
  g_assert_false (selects (site, filter));
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_ENTITIES, "memphis");

  atlas_filter_add (filter, ATLAS_FILTER_GROUP_STATUSES, "planned");
  g_assert_false (selects (site, filter));
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_STATUSES, "existing");
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_CERTAINTIES, "confirmed");
  g_assert_true (selects (site, filter));
  atlas_filter_toggle (filter, ATLAS_FILTER_GROUP_CERTAINTIES, "confirmed");
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_CERTAINTIES, "likely");
  g_assert_false (selects (site, filter));
}

/* Every word, anywhere in a word, of the name, place, companies or chips,
 * whatever its case and accents. */
static void
test_text (void)
{
  g_autoptr(AtlasSite) site = make_site ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  static const struct { const char *text; gboolean selected; } cases[] = {
    { "colossus", TRUE }, { "MEMPHÍS", TRUE }, { "tennessee xai", TRUE }, { "gb200", TRUE },
    { "grok", TRUE }, { "oss", TRUE }, { "colossus texas", FALSE }, { "stargate", FALSE }, { "  ", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_free (filter->text);
      filter->text = g_strdup (cases[i].text);
      g_assert_cmpint (selects (site, filter), ==, cases[i].selected);
    }
}

/* A period holds the sites that started in it; without a date, none. */
static void
test_dates (void)
{
  g_autoptr(AtlasSite) site = make_site ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GDateTime) sep = g_date_time_new_utc (2024, 9, 15, 0, 0, 0);
  g_autoptr(GDateTime) oct = g_date_time_new_utc (2024, 10, 1, 0, 0, 0);

  filter->since = g_date_time_to_unix (sep);
  g_assert_true (selects (site, filter));
  filter->since = g_date_time_to_unix (oct);
  g_assert_false (selects (site, filter));
  filter->since = G_MININT64;
  filter->until = g_date_time_to_unix (sep);
  g_assert_true (selects (site, filter));
  g_clear_pointer (&site->first_operational, g_free);
  g_assert_false (selects (site, filter));
}

static void
test_select (void)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_site_free);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  AtlasSite *other = make_site ();

  g_free (other->country);
  other->country = NULL;
  g_ptr_array_add (sites, make_site ());
  g_ptr_array_add (sites, other);
  all = atlas_sites_select (sites, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "US");
  some = atlas_sites_select (sites, filter);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_true (g_ptr_array_index (some, 0) == g_ptr_array_index (sites, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/site/groups", test_groups);
  g_test_add_func ("/site/text", test_text);
  g_test_add_func ("/site/dates", test_dates);
  g_test_add_func ("/site/select", test_select);

  return g_test_run ();
}
