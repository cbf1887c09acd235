/* atlas-site.c: a site as a data file describes it, and whether a filter selects it
 *
 * The filter the articles follow selects sites too, so that a country or a
 * company shows its articles and its sites together: its countries by the
 * site's country, its companies as the site's owners, its entities as the
 * site itself or one of its owners, its statuses and certainties, its text
 * in the site's name, place, companies and chips (every word, as a part of
 * a word), its dates by the first operational date (a site without one is
 * outside any period). A few hundred sites: checked in memory.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-site.h"
#include "atlas-text.h"

static void
clear_chips (gpointer data)
{
  AtlasChips *chips = data;

  g_free (chips->type);
}

AtlasSite *
atlas_site_new (void)
{
  AtlasSite *site = g_new0 (AtlasSite, 1);

  site->owners = g_ptr_array_new_with_free_func (g_free);
  site->owner_ids = g_ptr_array_new_with_free_func (g_free);
  site->users = g_ptr_array_new_with_free_func (g_free);
  site->sources = g_ptr_array_new_with_free_func (g_free);
  site->chips = g_array_new (FALSE, TRUE, sizeof (AtlasChips));
  g_array_set_clear_func (site->chips, clear_chips);
  site->h100e = site->power_mw = site->cost = NAN;
  return site;
}

void
atlas_site_free (AtlasSite *site)
{
  if (site == NULL)
    return;
  g_free (site->id);
  g_free (site->name);
  g_free (site->country);
  g_free (site->place);
  g_free (site->status);
  g_free (site->certainty);
  g_ptr_array_unref (site->owners);
  g_ptr_array_unref (site->owner_ids);
  g_ptr_array_unref (site->users);
  g_array_unref (site->chips);
  g_free (site->power_source);
  g_free (site->sector);
  g_free (site->first_operational);
  g_free (site->builds_upon);
  g_free (site->superseded_by);
  g_free (site->quote);
  g_ptr_array_unref (site->sources);
  g_free (site->source_file);
  g_free (site->search_text);
  g_free (site);
}

static gboolean
contains_any (GPtrArray *set,
              GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    if (g_ptr_array_find_with_equal_func (set, g_ptr_array_index (values, i), g_str_equal, NULL))
      return TRUE;
  return FALSE;
}

static const char *
search_text (AtlasSite *site)
{
  g_autoptr(GString) text = NULL;

  /* Made once, by atlas_site_seal() before the site is shared, or here on
   * first use by a site no other thread sees. */
  if (site->search_text != NULL)
    return site->search_text;
  text = g_string_new (site->name);
  g_string_append_printf (text, "\n%s", site->place ? site->place : "");
  for (guint i = 0; i < site->owners->len; i++)
    g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (site->owners, i));
  for (guint i = 0; i < site->users->len; i++)
    g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (site->users, i));
  for (guint i = 0; i < site->chips->len; i++)
    g_string_append_printf (text, "\n%s", g_array_index (site->chips, AtlasChips, i).type ?: "");
  site->search_text = atlas_text_fold (text->str);
  return site->search_text;
}

/* Makes what the filter reads: after this, the site is only read, and may
 * be shared between threads. */
void
atlas_site_seal (AtlasSite *site)
{
  search_text (site);
}

typedef struct
{
  const char *haystack;
  gboolean    all;
} WordSearch;

static gboolean
find_word (const char *word,
           gsize       len,
           gpointer    user_data)
{
  WordSearch *search = user_data;
  g_autofree char *needle = g_strndup (word, len);

  search->all = strstr (search->haystack, needle) != NULL;
  return search->all;
}

static gboolean
matches_text (AtlasSite  *site,
              const char *text)
{
  g_autofree char *folded = atlas_text_fold (text);
  WordSearch search = { search_text (site), TRUE };

  atlas_text_foreach_word (folded, find_word, &search);
  return search.all;
}

static gboolean
matches_dates (const AtlasSite *site,
               gint64           since,
               gint64           until)
{
  AtlasPartialDate date;

  if (since == G_MININT64 && until == G_MAXINT64)
    return TRUE;
  if (!atlas_partial_date_parse (site->first_operational, &date))
    return FALSE;
  return atlas_partial_date_end (&date) > since && atlas_partial_date_start (&date) < until;
}

/* Whether `filter` selects `site`, its group `skip` left aside (a facet
 * counts what its own choices would add). */
gboolean
atlas_site_matches (AtlasSite         *site,
                    const AtlasFilter *filter,
                    AtlasFilterGroup   skip)
{
  if (filter->countries->len > 0 && skip != ATLAS_FILTER_GROUP_COUNTRIES &&
      (site->country == NULL || !g_ptr_array_find_with_equal_func (filter->countries, site->country, g_str_equal, NULL)))
    return FALSE;
  if (filter->companies->len > 0 && skip != ATLAS_FILTER_GROUP_COMPANIES && !contains_any (filter->companies, site->owner_ids))
    return FALSE;
  if (filter->entities->len > 0 && skip != ATLAS_FILTER_GROUP_ENTITIES &&
      !g_ptr_array_find_with_equal_func (filter->entities, site->id, g_str_equal, NULL) &&
      !contains_any (filter->entities, site->owner_ids))
    return FALSE;
  if (filter->statuses->len > 0 && skip != ATLAS_FILTER_GROUP_STATUSES &&
      (site->status == NULL || !g_ptr_array_find_with_equal_func (filter->statuses, site->status, g_str_equal, NULL)))
    return FALSE;
  if (filter->certainties->len > 0 && skip != ATLAS_FILTER_GROUP_CERTAINTIES &&
      (site->certainty == NULL || !g_ptr_array_find_with_equal_func (filter->certainties, site->certainty, g_str_equal, NULL)))
    return FALSE;
  if (filter->text != NULL && !matches_text (site, filter->text))
    return FALSE;
  return matches_dates (site, filter->since, filter->until);
}

/* The sites of `sites` that `filter` selects, in their order (borrowed). */
GPtrArray *
atlas_sites_select (GPtrArray         *sites,
                    const AtlasFilter *filter)
{
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; i < sites->len; i++)
    if (filter == NULL || atlas_site_matches (g_ptr_array_index (sites, i), filter, ATLAS_FILTER_GROUP_NONE))
      g_ptr_array_add (selected, g_ptr_array_index (sites, i));
  return selected;
}

static void
add_unique (GPtrArray  *ids,
            GHashTable *seen,
            const char *id)
{
  if (g_hash_table_add (seen, (gpointer) id))
    g_ptr_array_add (ids, g_strdup (id));
}

/* The entities whose events from the data files (a site's steps, a
 * company's funding rounds) the timeline shows under `filter`, its dates
 * aside as the timeline's are: the sites it selects and their owners, and
 * the companies it chooses. */
GPtrArray *
atlas_sites_event_entities (GPtrArray         *sites,
                            const AtlasFilter *filter)
{
  g_autoptr(AtlasFilter) undated = atlas_filter_copy (filter);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  undated->since = G_MININT64;
  undated->until = G_MAXINT64;
  for (guint i = 0; i < sites->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);

      if (!atlas_site_matches (site, undated, ATLAS_FILTER_GROUP_NONE))
        continue;
      add_unique (ids, seen, site->id);
      for (guint o = 0; o < site->owner_ids->len; o++)
        add_unique (ids, seen, g_ptr_array_index (site->owner_ids, o));
    }
  for (guint i = 0; i < filter->companies->len; i++)
    add_unique (ids, seen, g_ptr_array_index (filter->companies, i));
  return ids;
}
