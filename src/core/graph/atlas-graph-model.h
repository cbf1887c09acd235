/* atlas-graph-model.h: the graph of the session's selection, laid out as it unfolds */
#pragma once

#include "atlas-graph.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_GRAPH_MODEL (atlas_graph_model_get_type ())

/* Above this many entities, a graph is a blob at any zoom that fits it and
 * its layout takes seconds: it is summarised. 300 nodes stay readable in a
 * 700 × 500 view. */
#define ATLAS_GRAPH_SUMMARY_NODES 300

G_DECLARE_FINAL_TYPE (AtlasGraphModel, atlas_graph_model, ATLAS, GRAPH_MODEL, GObject)

AtlasGraphModel *atlas_graph_model_new         (AtlasSession    *session,
                                                guint            hidden_kinds,
                                                gboolean         comentions);
AtlasSession    *atlas_graph_model_get_session (AtlasGraphModel *self);
AtlasGraph      *atlas_graph_model_get_graph   (AtlasGraphModel *self);
AtlasGraph      *atlas_graph_model_get_entities (AtlasGraphModel *self);
void             atlas_graph_model_show_more   (AtlasGraphModel *self,
                                                const char      *gathering);
gboolean         atlas_graph_model_get_busy    (AtlasGraphModel *self);
const char      *atlas_graph_model_get_ego     (AtlasGraphModel *self);
void             atlas_graph_model_set_ego     (AtlasGraphModel *self,
                                                const char      *id);
void             atlas_graph_model_set_options (AtlasGraphModel *self,
                                                guint            hidden_kinds,
                                                gboolean         comentions);

G_END_DECLS
