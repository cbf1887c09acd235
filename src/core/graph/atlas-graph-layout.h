#pragma once

#include <gio/gio.h>

#include "atlas-graph.h"

G_BEGIN_DECLS

typedef struct _AtlasGraphLayout AtlasGraphLayout;

typedef void (*AtlasGraphLayoutProgress) (AtlasGraph *graph,
                                          gpointer    user_data);

AtlasGraphLayout *atlas_graph_layout_new        (AtlasGraph       *graph,
                                                 guint32           seed,
                                                 AtlasGraph       *previous);
void              atlas_graph_layout_free       (AtlasGraphLayout *self);
void              atlas_graph_layout_pin        (AtlasGraphLayout *self,
                                                 guint             node,
                                                 float             x,
                                                 float             y);
double            atlas_graph_layout_step       (AtlasGraphLayout *self);
guint             atlas_graph_layout_run        (AtlasGraphLayout *self,
                                                 guint             max_steps);
guint             atlas_graph_layout_run_full   (AtlasGraphLayout *self,
                                                 guint             max_steps,
                                                 gint64            interval_usec,
                                                 AtlasGraphLayoutProgress progress,
                                                 gpointer          user_data,
                                                 GCancellable     *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGraphLayout, atlas_graph_layout_free)

G_END_DECLS
