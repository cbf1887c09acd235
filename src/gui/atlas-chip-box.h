#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_CHIP_BOX (atlas_chip_box_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChipBox, atlas_chip_box, ATLAS, CHIP_BOX, GtkWidget)

GtkWidget *atlas_chip_box_new         (void);
void       atlas_chip_box_append      (AtlasChipBox *self,
                                       GtkWidget    *child);
void       atlas_chip_box_remove_all  (AtlasChipBox *self);
void       atlas_chip_box_set_max_lines (AtlasChipBox *self,
                                       guint         max_lines);

/* For the tests. */
gboolean   atlas_chip_box_get_folds   (AtlasChipBox *self);
GtkWidget *atlas_chip_box_get_more_button (AtlasChipBox *self);

G_END_DECLS
