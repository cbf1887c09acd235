#pragma once

#include "atlas-filter.h"
#include "atlas-rollup.h"
#include "atlas-site.h"
#include "atlas-store.h"

G_BEGIN_DECLS

GPtrArray *atlas_sites_query  (AtlasStore         *store,
                               const AtlasFilter  *filter,
                               GError            **error);
void       atlas_sites_name_rollups (AtlasStore   *store,
                                     GPtrArray    *rollups,
                                     AtlasRollupBy by);

G_END_DECLS
