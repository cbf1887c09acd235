#pragma once

#include <gtk/gtk.h>

#include "atlas-graph.h"
#include "atlas-graph-model.h"
#include "atlas-session.h"
#include "atlas-store.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_GRAPH_VIEW (atlas_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasGraphView, atlas_graph_view, ATLAS, GRAPH_VIEW, GtkWidget)

void        atlas_graph_view_set_session  (AtlasGraphView *self,
                                           AtlasSession   *session);
AtlasSession *atlas_graph_view_get_session  (AtlasGraphView *self);
AtlasGraphModel *atlas_graph_view_get_model (AtlasGraphView *self);
AtlasGraph *atlas_graph_view_get_graph    (AtlasGraphView *self);
gboolean    atlas_graph_view_get_busy     (AtlasGraphView *self);
void        atlas_graph_view_export_async (AtlasGraphView      *self,
                                           GFile               *file,
                                           gboolean             svg,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    atlas_graph_view_export_finish (AtlasGraphView  *self,
                                            GAsyncResult    *result,
                                            GError         **error);

G_END_DECLS
