#pragma once

#include "atlas-article.h"
#include "atlas-date.h"
#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *name;
  char  *sort_key;  /* the name's collation key: strcmp orders as the user's language does */
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

/* One entity an event names: id, name (the id where the store has none) and
 * kind (NULL where the store has no such entity). */
typedef struct
{
  const char *id;
  const char *name;
  const char *kind;
} AtlasEventEntity;

/* An event on the timeline; amounts and quantities are NAN when unknown. */
typedef struct
{
  gint64            id;
  AtlasPartialDate  date;
  gint64            starts;
  gint64            ends;
  char             *kind;
  char             *title;
  double            amount;
  char             *currency;
  double            quantity;
  char             *quantity_unit;
  char             *quantity_product;
  gint64            article_id;   /* 0 for an event of the feed, not of an item */
  AtlasEventEntity *entities;     /* by id */
  guint             n_entities;
} AtlasEventInfo;

GArray       *atlas_query_article_ids (AtlasStore         *store,
                                       const AtlasFilter  *filter,
                                       GError            **error);
gboolean      atlas_query_fill_id_table (AtlasStore       *store,
                                       const char         *table,
                                       GArray             *ids,
                                       GError            **error);
gboolean      atlas_query_article_times (AtlasStore       *store,
                                       GArray             *ids,
                                       GArray             *times,
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
gboolean      atlas_query_article_fill (AtlasStore        *store,
                                        AtlasArticle      *article,
                                        gboolean           with_text,
                                        GError           **error);
GPtrArray    *atlas_query_entities    (AtlasStore         *store,
                                       const char         *kind,
                                       GError            **error);
AtlasEntityInfo *atlas_query_entity   (AtlasStore         *store,
                                       const char         *id,
                                       GError            **error);

GPtrArray    *atlas_query_events      (AtlasStore         *store,
                                       const AtlasFilter  *filter,
                                       gint64              since,
                                       gint64              until,
                                       GError            **error);
GPtrArray    *atlas_query_events_for_articles (AtlasStore *store,
                                       GArray             *ids,
                                       GPtrArray          *data_entities,
                                       gint64              since,
                                       gint64              until,
                                       GError            **error);
GArray       *atlas_query_article_histogram (AtlasStore   *store,
                                       const AtlasFilter  *filter,
                                       GArray             *edges,
                                       GError            **error);

GArray       *atlas_query_text_matches (AtlasStore        *store,
                                       const char        *fts_query,
                                       GError           **error);

AtlasFacetEntry *atlas_facet_entry_new (const char        *id,
                                       const char        *name,
                                       const char        *sort_key,
                                       guint              count,
                                       gboolean           selected);
GPtrArray    *atlas_facet_entries_finish (GPtrArray       *all,
                                       AtlasStore        *store,
                                       const AtlasFilter *filter,
                                       AtlasFilterGroup   group,
                                       guint              max_entries);
void          atlas_facet_entry_free  (AtlasFacetEntry    *entry);
void          atlas_event_info_free   (AtlasEventInfo     *event);
char         *atlas_event_info_entity_list (const AtlasEventInfo *event);
const AtlasEventEntity *atlas_event_info_get_entity  (const AtlasEventInfo *event,
                                                      guint                 index);
gboolean      atlas_event_info_names  (const AtlasEventInfo *event,
                                       const char           *entity_id);
void          atlas_entity_info_free  (AtlasEntityInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEntityInfo, atlas_entity_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEventInfo, atlas_event_info_free)

G_END_DECLS
