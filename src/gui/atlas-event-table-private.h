/* atlas-event-table-private.h: what the tests and benchmarks read of event table */
#pragma once

#include "atlas-event-table.h"

G_BEGIN_DECLS

GListModel *atlas_event_table_get_rows (AtlasEventTable   *self);

G_END_DECLS
