/* atlas-timeline-view-private.h: what the tests and benchmarks read of timeline view */
#pragma once

#include "atlas-timeline-view.h"

G_BEGIN_DECLS

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
