#pragma once

#include "atlas-kinds.h"
#include "atlas-site.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_ROLLUP_BY_COUNTRY,
  ATLAS_ROLLUP_BY_COMPANY,
} AtlasRollupBy;

typedef struct
{
  guint  sites;
  double power_mw;
  double h100e;
  double chips;
} AtlasRollupSums;

typedef struct
{
  char            *key;       /* a country code or a company's entity id */
  char            *name;      /* set by whoever knows the names */
  AtlasRollupSums  total;
  AtlasRollupSums  by_status[ATLAS_N_SITE_STATUSES];
  guint            listed;      /* the group's sites, counted or not */
  guint            duplicates;  /* left out: flagged as possible duplicates */
  guint            phases;      /* left out: an earlier phase of a site counted */
} AtlasRollup;

GPtrArray  *atlas_rollup_sites        (GPtrArray       *sites,
                                       AtlasRollupBy    by);
GPtrArray  *atlas_rollup_counted      (GPtrArray       *sites);
AtlasRollup *atlas_rollup_group       (const char      *key,
                                       GPtrArray       *sites);
void        atlas_rollup_free         (AtlasRollup     *rollup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRollup, atlas_rollup_free)

G_END_DECLS
