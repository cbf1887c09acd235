#pragma once

#include <adwaita.h>

#include "atlas-store.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow    *atlas_window_new               (GtkApplication *application,
                                                AtlasStore     *store);
AtlasViewState *atlas_window_get_view_state    (AtlasWindow    *self);
gboolean        atlas_window_get_importing     (AtlasWindow    *self);
gboolean        atlas_window_get_refreshing    (AtlasWindow    *self);

G_END_DECLS
