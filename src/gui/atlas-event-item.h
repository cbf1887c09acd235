#pragma once

#include <glib-object.h>

#include "atlas-query.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_ITEM (atlas_event_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventItem, atlas_event_item, ATLAS, EVENT_ITEM, GObject)

AtlasEventItem *atlas_event_item_new            (GPtrArray            *events,
                                                 guint                 index,
                                                 gint64                since,
                                                 gint64                until);
gint64          atlas_event_item_get_article_id (AtlasEventItem       *self);

G_END_DECLS
