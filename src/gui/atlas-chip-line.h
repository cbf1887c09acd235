#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_CHIP_LINE (atlas_chip_line_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChipLine, atlas_chip_line, ATLAS, CHIP_LINE, GtkWidget)

GtkWidget *atlas_chip_line_new          (void);
void       atlas_chip_line_set_entities (AtlasChipLine *self,
                                         GPtrArray     *entities,
                                         const char    *title);
int        atlas_chip_line_get_line_height (AtlasChipLine *self);

G_END_DECLS
