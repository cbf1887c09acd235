#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include <gio/gio.h>

#include "atlas-refresher.h"

void            atlas_gui_register_resources (void);
GSettings      *atlas_gui_settings_new       (void);
AtlasRefresher *atlas_gui_refresher_new      (AtlasStore *store);
void            atlas_gui_share_malloc_arena (void);

G_END_DECLS
