#pragma once

#include <gtk/gtk.h>

#include "atlas-query.h"
#include "atlas-session.h"
#include "atlas-store.h"
#include "atlas-timeline.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_VIEW (atlas_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineView, atlas_timeline_view, ATLAS, TIMELINE_VIEW, GtkWidget)

void       atlas_timeline_view_set_session   (AtlasTimelineView *self,
                                              AtlasSession      *session);
AtlasSession *atlas_timeline_view_get_session   (AtlasTimelineView *self);
gboolean   atlas_timeline_view_get_busy      (AtlasTimelineView *self);
GPtrArray *atlas_timeline_view_get_events    (AtlasTimelineView *self);
void       atlas_timeline_view_get_range     (AtlasTimelineView *self,
                                              gint64            *start,
                                              gint64            *end);
AtlasTimeUnit atlas_timeline_view_get_tick_unit (AtlasTimelineView *self);
GStrv      atlas_timeline_view_get_lane_names (AtlasTimelineView *self);
double     atlas_timeline_view_get_x         (AtlasTimelineView *self,
                                              gint64             time);
double     atlas_timeline_view_get_strip_y   (AtlasTimelineView *self);
gboolean   atlas_timeline_view_get_event_point (AtlasTimelineView *self,
                                              gint64             event_id,
                                              graphene_point_t  *point);
char      *atlas_timeline_view_describe_at   (AtlasTimelineView *self,
                                              double             x,
                                              double             y);


G_END_DECLS
