/* atlas-timeline-model.h: the events of the session's selection, its dates aside */
#pragma once

#include "atlas-query.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_MODEL (atlas_timeline_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineModel, atlas_timeline_model, ATLAS, TIMELINE_MODEL, GObject)

AtlasTimelineModel *atlas_timeline_model_new         (AtlasSession       *session);
AtlasSession       *atlas_timeline_model_get_session (AtlasTimelineModel *self);
/* AtlasEventInfo, by start; NULL before the first read. */
GPtrArray          *atlas_timeline_model_get_events  (AtlasTimelineModel *self);
gboolean            atlas_timeline_model_get_busy    (AtlasTimelineModel *self);

G_END_DECLS
