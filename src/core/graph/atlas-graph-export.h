#pragma once

#include "atlas-graph.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_GRAPH_FORMAT_JSON,
  ATLAS_GRAPH_FORMAT_GEXF,
  ATLAS_GRAPH_FORMAT_GRAPHML,
  ATLAS_GRAPH_FORMAT_DOT,
} AtlasGraphFormat;

gboolean  atlas_graph_format_parse (const char       *name,
                                    AtlasGraphFormat *format);
char     *atlas_graph_export       (AtlasGraph       *graph,
                                    AtlasGraphFormat  format);

G_END_DECLS
