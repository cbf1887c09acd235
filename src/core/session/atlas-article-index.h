#pragma once

#include <gio/gio.h>

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* The articles, their dates, countries and mentions, held in memory so that a
 * filter change gives the list and every facet count in one pass, well under a
 * frame at 100,000 articles. It is a snapshot: immutable once built, so it is
 * built in a worker and read on the main thread. */
typedef struct _AtlasArticleIndex AtlasArticleIndex;

/* What a filter selects: the ids in list order (newest first) and the three
 * facets, each sorted by count and holding every entry with articles plus the
 * chosen ones (AtlasFacetEntry, see atlas-query.h). The timeline shows the
 * filter's date range among the rest, so the selection also holds what
 * passes the filter with its dates left aside: those ids, and their
 * publication times in ascending order (undated articles left out).
 * Immutable once made, and shared by every view that follows it. */
typedef struct
{
  GArray    *ids;
  GPtrArray *countries;
  GPtrArray *companies;
  GPtrArray *entities;
  GArray    *undated_ids;
  GArray    *undated_times;
  /* The data files' sites the filter selects (AtlasSite, read only), and
   * the status and certainty facets. */
  GPtrArray *sites;
  GPtrArray *statuses;
  GPtrArray *certainties;
  /* Whose data-file events the timeline shows (atlas_sites_event_entities()). */
  GPtrArray *event_entities;

  /*< private >*/
  GPtrArray *all_sites;  /* keeps `sites` alive */
  gatomicrefcount ref_count;
} AtlasSelection;

#define ATLAS_TYPE_ARTICLE_INDEX (atlas_article_index_get_type ())

GType              atlas_article_index_get_type       (void) G_GNUC_CONST;
AtlasArticleIndex *atlas_article_index_new            (AtlasStore          *store,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void               atlas_article_index_build_thread   (GTask               *task,
                                                       gpointer             source_object,
                                                       gpointer             task_data,
                                                       GCancellable        *cancellable);
AtlasArticleIndex *atlas_article_index_ref            (AtlasArticleIndex   *self);
void               atlas_article_index_unref          (AtlasArticleIndex   *self);
guint              atlas_article_index_get_n_articles (AtlasArticleIndex   *self);
AtlasSelection    *atlas_article_index_select         (AtlasArticleIndex   *self,
                                                       AtlasStore          *store,
                                                       const AtlasFilter   *filter,
                                                       GError             **error);

AtlasSelection    *atlas_selection_new_from_store     (AtlasStore          *store,
                                                       const AtlasFilter   *filter,
                                                       GError             **error);
GPtrArray         *atlas_selection_get_facet          (AtlasSelection      *selection,
                                                       AtlasFilterGroup     group);
GArray            *atlas_selection_count_by_time      (AtlasSelection      *selection,
                                                       GArray              *edges);
AtlasSelection    *atlas_selection_ref                (AtlasSelection      *selection);
void               atlas_selection_unref              (AtlasSelection      *selection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasArticleIndex, atlas_article_index_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSelection, atlas_selection_unref)

G_END_DECLS
