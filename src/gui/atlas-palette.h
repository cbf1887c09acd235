/* atlas-palette.h: the kinds' colours, from the stylesheet's named colours */
#pragma once

#include <gtk/gtk.h>

#include "atlas-kinds.h"

G_BEGIN_DECLS

void atlas_palette_load              (void);
void atlas_palette_color             (GtkWidget       *widget,
                                      const char      *name,
                                      GdkRGBA         *color);
void atlas_palette_entity_kind       (GtkWidget       *widget,
                                      AtlasEntityKind  kind,
                                      GdkRGBA         *color);
void atlas_palette_event_kind        (GtkWidget       *widget,
                                      AtlasEventKind   kind,
                                      GdkRGBA         *color);

G_END_DECLS
