#pragma once

#include <glib-object.h>

#include "atlas-graph.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTITY_ITEM (atlas_entity_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntityItem, atlas_entity_item, ATLAS, ENTITY_ITEM, GObject)

AtlasEntityItem *atlas_entity_item_new      (const AtlasGraphNode *node);
const char      *atlas_entity_item_get_id   (AtlasEntityItem      *self);
const char      *atlas_entity_item_get_kind (AtlasEntityItem      *self);

G_END_DECLS
