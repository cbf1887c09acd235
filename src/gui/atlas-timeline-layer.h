/* atlas-timeline-layer.h: one layer of the timeline, redrawn only when it changes */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_LAYER (atlas_timeline_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineLayer, atlas_timeline_layer, ATLAS, TIMELINE_LAYER, GtkWidget)

/* Draws the layer over the whole of `owner`, the widget it lies on. */
typedef void (*AtlasTimelineLayerDraw) (GtkWidget   *owner,
                                        GtkSnapshot *snapshot);

GtkWidget *atlas_timeline_layer_new       (const char             *name,
                                           AtlasTimelineLayerDraw  draw);
/* How many times it was drawn: what tests check a change against. */
guint      atlas_timeline_layer_get_draws (AtlasTimelineLayer     *self);

G_END_DECLS
