#pragma once

#include <gtk/gtk.h>

#include "atlas-query.h"
#include "atlas-session.h"
#include "atlas-store.h"
#include "atlas-timeline.h"
#include "atlas-timeline-model.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_VIEW (atlas_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineView, atlas_timeline_view, ATLAS, TIMELINE_VIEW, GtkWidget)

void       atlas_timeline_view_set_session   (AtlasTimelineView *self,
                                              AtlasSession      *session);
AtlasSession *atlas_timeline_view_get_session   (AtlasTimelineView *self);
AtlasTimelineModel *atlas_timeline_view_get_model (AtlasTimelineView *self);
gboolean   atlas_timeline_view_get_busy      (AtlasTimelineView *self);
GPtrArray *atlas_timeline_view_get_events    (AtlasTimelineView *self);


G_END_DECLS
