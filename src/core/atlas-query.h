#pragma once

#include "atlas-article.h"
#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *name;
  guint  count;
  guint  selected : 1;
} AtlasFacetEntry;

typedef struct
{
  char      *id;
  char      *kind;
  char      *name;
  char      *country;
  char      *place;
  char      *url;
  gboolean   has_position;
  double     lat;
  double     lon;
  guint      n_articles;
  GPtrArray *aliases;
} AtlasEntityInfo;

GArray       *atlas_query_article_ids (AtlasStore         *store,
                                       const AtlasFilter  *filter,
                                       GError            **error);
GPtrArray    *atlas_query_facet       (AtlasStore         *store,
                                       const AtlasFilter  *filter,
                                       AtlasFilterGroup    group,
                                       guint               max_entries,
                                       GError            **error);
AtlasArticle *atlas_query_article     (AtlasStore         *store,
                                       gint64              article_id,
                                       gboolean            with_text,
                                       GError            **error);
GPtrArray    *atlas_query_entities    (AtlasStore         *store,
                                       const char         *kind,
                                       GError            **error);
AtlasEntityInfo *atlas_query_entity   (AtlasStore         *store,
                                       const char         *id,
                                       GError            **error);

void          atlas_facet_entry_free  (AtlasFacetEntry    *entry);
void          atlas_entity_info_free  (AtlasEntityInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEntityInfo, atlas_entity_info_free)

G_END_DECLS
