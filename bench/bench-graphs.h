#pragma once

#include "atlas-graph.h"

AtlasGraph *bench_app_shaped_graph (guint   n,
                                    guint32 seed);
AtlasGraph *bench_scale_free_graph (guint   n,
                                    guint32 seed);
