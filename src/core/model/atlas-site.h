#pragma once

#include <glib.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

/* A site as a data file describes it: one row of Epoch AI's GPU clusters or
 * data centres, the entity it is, and the file and line it came from. */
typedef struct
{
  char      *type;
  double     quantity;  /* NAN when the file gives none */
} AtlasChips;

typedef struct
{
  char      *id;
  char      *name;
  char      *country;        /* ISO 3166-1 alpha-2, or NULL */
  char      *place;
  gboolean   has_position;
  double     lat;
  double     lon;
  char      *status;         /* existing, planned, under-construction, decommissioned */
  char      *certainty;      /* confirmed, likely, unlikely, or NULL */
  GPtrArray *owners;         /* names, as the file wrote them */
  GPtrArray *owner_ids;      /* the owners' entities */
  GPtrArray *users;
  GArray    *chips;          /* AtlasChips: primary, then secondary */
  double     h100e;          /* NAN when unknown, as the numbers below */
  double     power_mw;
  char      *power_source;   /* reported, calculated, or NULL */
  double     cost;           /* US dollars */
  char      *sector;
  char      *first_operational;  /* a partial date, "2024", "2024-09" or "2024-09-02" */
  char      *builds_upon;
  char      *superseded_by;
  gboolean   duplicate;
  char      *quote;
  GPtrArray *sources;        /* http(s) links */
  char      *source_file;
  guint      source_row;

  /*< private >*/
  char      *search_text;  /* folded name, place, companies and chips, for the filter's text */
} AtlasSite;

AtlasSite *atlas_site_new     (void);
void       atlas_site_free    (AtlasSite         *site);
void       atlas_site_seal    (AtlasSite         *site);
gboolean   atlas_site_matches (AtlasSite         *site,
                               const AtlasFilter *filter,
                               AtlasFilterGroup   skip);
GPtrArray *atlas_sites_select (GPtrArray         *sites,
                               const AtlasFilter *filter);
GPtrArray *atlas_sites_event_entities (GPtrArray         *sites,
                                       const AtlasFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSite, atlas_site_free)

G_END_DECLS
