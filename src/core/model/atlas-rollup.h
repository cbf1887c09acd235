#pragma once

#include "atlas-site.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_ROLLUP_BY_COUNTRY,
  ATLAS_ROLLUP_BY_COMPANY,
} AtlasRollupBy;

/* The statuses a site can have, in the order the views show them. */
typedef enum
{
  ATLAS_SITE_EXISTING,
  ATLAS_SITE_UNDER_CONSTRUCTION,
  ATLAS_SITE_PLANNED,
  ATLAS_SITE_DECOMMISSIONED,
} AtlasSiteStatus;

#define ATLAS_N_SITE_STATUSES (ATLAS_SITE_DECOMMISSIONED + 1)

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

const char *atlas_site_status_id      (AtlasSiteStatus  status);
gboolean    atlas_site_status_parse   (const char      *id,
                                       AtlasSiteStatus *status);
GPtrArray  *atlas_rollup_sites        (GPtrArray       *sites,
                                       AtlasRollupBy    by);
GPtrArray  *atlas_rollup_counted      (GPtrArray       *sites);
void        atlas_rollup_free         (AtlasRollup     *rollup);

G_END_DECLS
