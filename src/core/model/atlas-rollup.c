/* atlas-rollup.c: sites summed per country or company, each counted once
 *
 * Epoch's rows overlap: a row may be flagged as a possible duplicate of
 * another, and a site built in phases has a row per phase, each holding
 * the whole site so far (phases are cumulative). Summing every row would
 * count the same chips two or three times. The rule, applied to the rows
 * of one group (a country's, a company's) after the filter:
 *
 *  1. a row flagged Possible Duplicate is left out of the sums;
 *  2. of the rows left, a row is left out when its own "Superseded by"
 *     names a row of the set, or when a row of the set names it in its
 *     "Builds Upon": the later phase stands for it.
 *
 * The two columns are not kept in step in the data (a phase may say what it
 * builds upon while the earlier one names no successor), so both are read.
 * A phase whose successor is outside the set (another country, filtered
 * out) is counted: within the set, it is the latest.
 */
#include "config.h"

#include <math.h>

#include "atlas-rollup.h"
#include "atlas-text.h"

void
atlas_rollup_free (AtlasRollup *rollup)
{
  if (rollup == NULL)
    return;
  g_free (rollup->key);
  g_free (rollup->name);
  g_free (rollup);
}

static char *
name_key (const char *name)
{
  return g_strstrip (atlas_text_fold (name));
}

/* The sites of `set` the rule counts (the same pointers; `set` is one
 * group's sites). */
GPtrArray *
atlas_rollup_counted (GPtrArray *set)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) built_upon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *counted = g_ptr_array_new ();

  for (guint i = 0; i < set->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (set, i);
      char *name, *earlier;

      if (site->duplicate)
        continue;
      name = name_key (site->name);
      earlier = site->builds_upon ? name_key (site->builds_upon) : NULL;
      /* A row naming itself is no phase of anything. */
      if (earlier != NULL && !g_str_equal (earlier, name))
        g_hash_table_add (built_upon, earlier);
      else
        g_free (earlier);
      g_hash_table_add (names, name);
    }

  for (guint i = 0; i < set->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (set, i);
      g_autofree char *name = NULL;
      g_autofree char *successor = NULL;

      if (site->duplicate)
        continue;
      name = name_key (site->name);
      successor = site->superseded_by ? name_key (site->superseded_by) : NULL;
      if (successor != NULL && !g_str_equal (successor, name) && g_hash_table_contains (names, successor))
        continue;
      if (g_hash_table_contains (built_upon, name))
        continue;
      g_ptr_array_add (counted, site);
    }
  return counted;
}

static void
add_to (AtlasRollupSums *sums,
        const AtlasSite *site)
{
  sums->sites++;
  if (!isnan (site->power_mw))
    sums->power_mw += site->power_mw;
  if (!isnan (site->h100e))
    sums->h100e += site->h100e;
  for (guint i = 0; i < site->chips->len; i++)
    {
      const AtlasChips *chips = &g_array_index (site->chips, AtlasChips, i);

      if (!isnan (chips->quantity))
        sums->chips += chips->quantity;
    }
}

static void
add_group_member (GHashTable *groups,
                  const char *key,
                  AtlasSite  *site)
{
  GPtrArray *members = g_hash_table_lookup (groups, key);

  if (members == NULL)
    {
      members = g_ptr_array_new ();
      g_hash_table_insert (groups, g_strdup (key), members);
    }
  g_ptr_array_add (members, site);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const AtlasRollup *x = *(const AtlasRollup **) a;
  const AtlasRollup *y = *(const AtlasRollup **) b;

  return g_strcmp0 (x->key, y->key);
}

/* One AtlasRollup per country (sites without one are in none) or per
 * owner (a site of two owners counts for both), ordered by key. */
GPtrArray *
atlas_rollup_sites (GPtrArray     *sites,
                    AtlasRollupBy  by)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *rollups = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_rollup_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < sites->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);

      if (by == ATLAS_ROLLUP_BY_COUNTRY && site->country != NULL)
        add_group_member (groups, site->country, site);
      else if (by == ATLAS_ROLLUP_BY_COMPANY)
        for (guint o = 0; o < site->owner_ids->len; o++)
          add_group_member (groups, g_ptr_array_index (site->owner_ids, o), site);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (rollups, atlas_rollup_group (key, value));
  g_ptr_array_sort (rollups, compare_keys);
  return rollups;
}

/* The sums of one set of sites under the rule: a group's, or the whole
 * selection's (`key` NULL). */
AtlasRollup *
atlas_rollup_group (const char *key,
                    GPtrArray  *members)
{
  g_autoptr(GPtrArray) counted = atlas_rollup_counted (members);
  AtlasRollup *rollup = g_new0 (AtlasRollup, 1);

  rollup->key = g_strdup (key);
  rollup->listed = members->len;
  for (guint i = 0; i < members->len; i++)
    rollup->duplicates += ((AtlasSite *) g_ptr_array_index (members, i))->duplicate;
  rollup->phases = members->len - rollup->duplicates - counted->len;
  for (guint i = 0; i < counted->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (counted, i);
      AtlasSiteStatus status;

      add_to (&rollup->total, site);
      if (atlas_site_status_parse (site->status, &status))
        add_to (&rollup->by_status[status], site);
    }
  return rollup;
}
