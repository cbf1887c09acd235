#pragma once

#include <gtk/gtk.h>

#include "atlas-graph-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTITY_TABLE (atlas_entity_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEntityTable, atlas_entity_table, ATLAS, ENTITY_TABLE, GtkWidget)


G_END_DECLS
