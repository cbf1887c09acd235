/* atlas-entity-table-private.h: what the tests and benchmarks read of entity table */
#pragma once

#include "atlas-entity-table.h"

G_BEGIN_DECLS

GListModel *atlas_entity_table_get_rows  (AtlasEntityTable *self);

G_END_DECLS
