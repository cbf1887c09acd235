#pragma once

#include <gtk/gtk.h>

#include "atlas-timeline-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_TABLE (atlas_event_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventTable, atlas_event_table, ATLAS, EVENT_TABLE, GtkWidget)


G_END_DECLS
