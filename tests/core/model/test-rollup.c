/* test-rollup.c: sites summed per country or company, phases and duplicates counted once */
#include <math.h>

#include "atlas-rollup.h"

static AtlasSite *
site (const char *name,
      const char *country,
      const char *owner,
      const char *status,
      double      power_mw,
      const char *builds_upon,
      const char *superseded_by,
      gboolean    duplicate)
{
  AtlasSite *s = atlas_site_new ();
  AtlasChips chips = { g_strdup ("H100"), power_mw * 1000 };

  s->id = g_ascii_strdown (name, -1);
  s->name = g_strdup (name);
  s->country = g_strdup (country);
  s->status = g_strdup (status);
  s->power_mw = power_mw;
  s->h100e = isnan (power_mw) ? NAN : power_mw * 1000;
  s->builds_upon = g_strdup (builds_upon);
  s->superseded_by = g_strdup (superseded_by);
  s->duplicate = duplicate;
  if (owner != NULL)
    {
      g_auto(GStrv) owners = g_strsplit (owner, ",", -1);

      for (guint i = 0; owners[i] != NULL; i++)
        g_ptr_array_add (s->owner_ids, g_strdup (owners[i]));
    }
  if (!isnan (power_mw))
    g_array_append_val (s->chips, chips);
  else
    g_free (chips.type);
  return s;
}

static const AtlasRollup *
find (GPtrArray  *rollups,
      const char *key)
{
  for (guint i = 0; i < rollups->len; i++)
    {
      const AtlasRollup *rollup = g_ptr_array_index (rollups, i);

      if (g_str_equal (rollup->key, key))
        return rollup;
    }
  return NULL;
}

/* The rule, case by case. */
static void
test_rule (void)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_site_free);
  g_autoptr(GPtrArray) counted = NULL;

  /* Phases named both ways, one way only, and not at all. */
  g_ptr_array_add (sites, site ("A1", "US", "a", "existing", 10, NULL, "A2", FALSE));
  g_ptr_array_add (sites, site ("A2", "US", "a", "existing", 20, "A1", NULL, FALSE));
  g_ptr_array_add (sites, site ("B1", "US", "b", "existing", 1, NULL, NULL, FALSE));
  g_ptr_array_add (sites, site ("B2", "US", "b", "planned", 2, "b1", NULL, FALSE));
  g_ptr_array_add (sites, site ("C1", "US", "c", "existing", 5, NULL, "C2", FALSE));
  g_ptr_array_add (sites, site ("C2", "US", "c", "planned", 7, NULL, NULL, FALSE));
  /* A duplicate is out, and names nothing out. */
  g_ptr_array_add (sites, site ("D", "US", "d", "existing", 100, "C2", NULL, TRUE));
  /* Naming itself, or a row outside the set: counted. */
  g_ptr_array_add (sites, site ("E", "US", "e", "existing", 3, "E", "E", FALSE));
  g_ptr_array_add (sites, site ("F", "US", "f", "existing", 4, NULL, "Elsewhere", FALSE));

  counted = atlas_rollup_counted (sites);
  g_assert_cmpuint (counted->len, ==, 5);
  for (guint i = 0; i < counted->len; i++)
    {
      const AtlasSite *s = g_ptr_array_index (counted, i);

      g_assert_true (g_strv_contains ((const char *const[]) { "A2", "B2", "C2", "E", "F", NULL }, s->name));
    }
}

/* Per country and per company, by status; unknown figures add nothing. */
static void
test_sums (void)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_site_free);
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  const AtlasRollup *us, *fr, *a, *b;

  g_ptr_array_add (sites, site ("P1", "US", "a", "existing", 10, NULL, NULL, FALSE));
  /* Its later phase is in France, out of the United States' set. */
  g_ptr_array_add (sites, site ("P2", "FR", "a", "planned", 30, "P1", NULL, FALSE));
  g_ptr_array_add (sites, site ("Q", "US", "a,b", "under-construction", NAN, NULL, NULL, FALSE));
  g_ptr_array_add (sites, site ("R", NULL, "b", "decommissioned", 2, NULL, NULL, FALSE));
  g_ptr_array_add (sites, site ("S", "US", NULL, "existing", 1, NULL, NULL, TRUE));

  countries = atlas_rollup_sites (sites, ATLAS_ROLLUP_BY_COUNTRY);
  g_assert_cmpuint (countries->len, ==, 2);
  g_assert_cmpstr (((AtlasRollup *) g_ptr_array_index (countries, 0))->key, ==, "FR");
  us = find (countries, "US");
  fr = find (countries, "FR");
  g_assert_cmpuint (us->total.sites, ==, 2);
  g_assert_cmpfloat (us->total.power_mw, ==, 10);
  g_assert_cmpfloat (us->total.h100e, ==, 10000);
  g_assert_cmpfloat (us->total.chips, ==, 10000);
  g_assert_cmpuint (us->listed, ==, 3);
  g_assert_cmpuint (us->duplicates, ==, 1);
  g_assert_cmpuint (us->phases, ==, 0);
  g_assert_cmpuint (us->by_status[ATLAS_SITE_EXISTING].sites, ==, 1);
  g_assert_cmpuint (us->by_status[ATLAS_SITE_UNDER_CONSTRUCTION].sites, ==, 1);
  g_assert_cmpfloat (us->by_status[ATLAS_SITE_UNDER_CONSTRUCTION].power_mw, ==, 0);
  g_assert_cmpfloat (fr->total.power_mw, ==, 30);

  companies = atlas_rollup_sites (sites, ATLAS_ROLLUP_BY_COMPANY);
  g_assert_cmpuint (companies->len, ==, 2);
  a = find (companies, "a");
  b = find (companies, "b");
  /* Company a's set holds both phases: the later stands for the earlier. */
  g_assert_cmpuint (a->total.sites, ==, 2);
  g_assert_cmpuint (a->phases, ==, 1);
  g_assert_cmpfloat (a->total.power_mw, ==, 30);
  g_assert_cmpuint (a->by_status[ATLAS_SITE_PLANNED].sites, ==, 1);
  g_assert_cmpuint (b->total.sites, ==, 2);
  g_assert_cmpfloat (b->by_status[ATLAS_SITE_DECOMMISSIONED].power_mw, ==, 2);
}

static void
test_statuses (void)
{
  AtlasSiteStatus status;

  for (guint i = 0; i < ATLAS_N_SITE_STATUSES; i++)
    {
      g_assert_true (atlas_site_status_parse (atlas_site_status_id (i), &status));
      g_assert_cmpuint (status, ==, i);
    }
  g_assert_false (atlas_site_status_parse ("built", &status));
  g_assert_false (atlas_site_status_parse (NULL, &status));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollup/rule", test_rule);
  g_test_add_func ("/rollup/sums", test_sums);
  g_test_add_func ("/rollup/statuses", test_statuses);

  return g_test_run ();
}
