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
  /* A label set away from its node has a line to it, from the node's rim
   * (from_x, from_y) to the box (to_x, to_y). */
  gboolean      has_leader;
  double        from_x;
  double        from_y;
  double        to_x;
  double        to_y;
} AtlasPlacedLabel;

typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer       *atlas_label_placer_new          (double               view_width,
                                                         double               view_height);
void                    atlas_label_placer_free         (AtlasLabelPlacer    *self);
void                    atlas_label_placer_reserve      (AtlasLabelPlacer    *self,
                                                         const AtlasLabelBox *box);
void                    atlas_label_placer_add_obstacle (AtlasLabelPlacer    *self,
                                                         guint                node,
                                                         double               x,
                                                         double               y,
                                                         double               radius);
gboolean                atlas_label_placer_has          (AtlasLabelPlacer    *self,
                                                         guint                node);
gboolean                atlas_label_placer_place        (AtlasLabelPlacer    *self,
                                                         guint                node,
                                                         double               x,
                                                         double               y,
                                                         double               radius,
                                                         double               width,
                                                         double               height,
                                                         gboolean             wanted);
guint                   atlas_label_placer_get_n_placed (AtlasLabelPlacer    *self);
const AtlasPlacedLabel *atlas_label_placer_get_placed   (AtlasLabelPlacer    *self,
                                                         guint                i);
gboolean                atlas_label_boxes_overlap       (const AtlasLabelBox *a,
                                                         const AtlasLabelBox *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

G_END_DECLS
