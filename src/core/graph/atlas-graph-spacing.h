#pragma once

#include "atlas-graph.h"

G_BEGIN_DECLS

void atlas_graph_separate_nodes (AtlasGraph *graph);

G_END_DECLS
