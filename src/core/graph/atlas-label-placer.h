#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A box in view coordinates (pixels, y down). */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AtlasLabelBox;

typedef struct
{
  guint         node;
  AtlasLabelBox box;
} AtlasPlacedLabel;

typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer       *atlas_label_placer_new          (double            view_width,
                                                         double            view_height);
void                    atlas_label_placer_free         (AtlasLabelPlacer *self);
void                    atlas_label_placer_add_obstacle (AtlasLabelPlacer *self,
                                                         guint             node,
                                                         double            x,
                                                         double            y,
                                                         double            radius);
gboolean                atlas_label_placer_has          (AtlasLabelPlacer *self,
                                                         guint             node);
gboolean                atlas_label_placer_place        (AtlasLabelPlacer *self,
                                                         guint             node,
                                                         double            x,
                                                         double            y,
                                                         double            radius,
                                                         double            width,
                                                         double            height,
                                                         gboolean          forced);
guint                   atlas_label_placer_get_n_placed (AtlasLabelPlacer *self);
const AtlasPlacedLabel *atlas_label_placer_get_placed   (AtlasLabelPlacer *self,
                                                         guint             i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

G_END_DECLS
