#pragma once

#include <glib-object.h>

#include "atlas-query.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FACET_ITEM (atlas_facet_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFacetItem, atlas_facet_item, ATLAS, FACET_ITEM, GObject)

AtlasFacetItem *atlas_facet_item_new          (const AtlasFacetEntry *entry);
const char     *atlas_facet_item_get_id       (AtlasFacetItem        *self);
const char     *atlas_facet_item_get_name     (AtlasFacetItem        *self);
guint           atlas_facet_item_get_count    (AtlasFacetItem        *self);
gboolean        atlas_facet_item_get_selected (AtlasFacetItem        *self);
gboolean        atlas_facet_item_matches      (AtlasFacetItem        *self,
                                               const char            *folded_text);
int             atlas_facet_item_compare      (gconstpointer          a,
                                               gconstpointer          b,
                                               gpointer               unused);
gboolean        atlas_facet_item_update       (AtlasFacetItem        *self,
                                               guint                  count,
                                               gboolean               selected);

G_END_DECLS
