#pragma once

#include <glib-object.h>

#include "atlas-site.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SITE_ITEM (atlas_site_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSiteItem, atlas_site_item, ATLAS, SITE_ITEM, GObject)

AtlasSiteItem *atlas_site_item_new    (const AtlasSite *site);
const char    *atlas_site_item_get_id (AtlasSiteItem   *self);

G_END_DECLS
