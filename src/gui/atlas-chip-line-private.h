/* atlas-chip-line-private.h: what the tests and benchmarks read of chip line */
#pragma once

#include "atlas-chip-line.h"

G_BEGIN_DECLS

guint      atlas_chip_line_get_n_chips  (AtlasChipLine *self);
guint      atlas_chip_line_get_n_shown  (AtlasChipLine *self);
guint      atlas_chip_line_get_n_more   (AtlasChipLine *self);
const char *atlas_chip_line_get_chip_id (AtlasChipLine *self,
                                         guint          index);
gboolean   atlas_chip_line_get_chip_x   (AtlasChipLine *self,
                                         guint          index,
                                         double        *x);

G_END_DECLS
