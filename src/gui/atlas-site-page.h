#pragma once

#include <gtk/gtk.h>

#include "atlas-site.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SITE_PAGE (atlas_site_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSitePage, atlas_site_page, ATLAS, SITE_PAGE, GtkWidget)

void        atlas_site_page_show   (AtlasSitePage   *self,
                                    AtlasStore      *store,
                                    const AtlasSite *site,
                                    GPtrArray       *all_sites);
const char *atlas_site_page_get_id (AtlasSitePage   *self);

G_END_DECLS
