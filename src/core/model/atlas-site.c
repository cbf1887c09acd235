/* atlas-site.c: a site as a data file describes it */
#include "config.h"

#include <math.h>

#include "atlas-site.h"

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
  g_free (site);
}
