#pragma once

#include <gio/gio.h>

#include "atlas-store.h"
#include "atlas-subscriptions.h"

G_BEGIN_DECLS

/* An hour, when nothing else is set. */
#define ATLAS_DEFAULT_REFRESH_MINUTES 60

#define ATLAS_TYPE_REFRESHER (atlas_refresher_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRefresher, atlas_refresher, ATLAS, REFRESHER, GObject)

AtlasRefresher *atlas_refresher_new             (AtlasStore     *store);
gboolean        atlas_refresher_start           (AtlasRefresher *self,
                                                 gboolean        asked);
void            atlas_refresher_refresh_if_due  (AtlasRefresher *self);
AtlasStore     *atlas_refresher_get_store       (AtlasRefresher *self);
gboolean        atlas_refresher_get_refreshing  (AtlasRefresher *self);
guint           atlas_refresher_get_interval    (AtlasRefresher *self);
void            atlas_refresher_set_interval    (AtlasRefresher *self,
                                                 guint           minutes);

G_END_DECLS
