#pragma once

#include <glib.h>

G_BEGIN_DECLS

#include <gio/gio.h>

/* Minutes between refreshes when no settings are at hand. */
#define ATLAS_DEFAULT_REFRESH_MINUTES 60

void       atlas_gui_register_resources (void);
GSettings *atlas_gui_settings_new       (void);
void       atlas_gui_share_malloc_arena (void);

G_END_DECLS
