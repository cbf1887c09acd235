#pragma once

#include <gtk/gtk.h>

#include "atlas-timeline-view.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_TABLE (atlas_event_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventTable, atlas_event_table, ATLAS, EVENT_TABLE, GtkWidget)

void        atlas_event_table_bind     (AtlasEventTable   *self,
                                        AtlasTimelineView *timeline_view,
                                        AtlasViewState    *view_state);
GListModel *atlas_event_table_get_rows (AtlasEventTable   *self);

G_END_DECLS
