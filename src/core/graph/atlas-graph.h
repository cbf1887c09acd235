#pragma once

#include "atlas-filter.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_GRAPH_EDGE_RELATION,
  ATLAS_GRAPH_EDGE_COUNTRY,
  ATLAS_GRAPH_EDGE_COMENTION,
} AtlasGraphEdgeKind;

typedef struct
{
  char    *id;
  char    *name;
  char    *kind;
  char    *country;
  /* Articles under the filter that mention it (for a country: that are
   * about it, by the country rule). */
  guint    weight;
  guint    degree;
  float    x;
  float    y;
  gboolean pinned;
  /* In a summary (atlas_graph_summarise()), the entities this node gathers
   * ("Companies (2,750 more)"); 0 for an entity. */
  guint    gathered;
  /* A site of the data files: its status and certainty (NULL otherwise),
   * its power and H100 equivalents (NAN when unknown). */
  char    *status;
  char    *certainty;
  double   power_mw;
  double   h100e;
} AtlasGraphNode;

typedef struct
{
  guint              source;
  guint              target;
  AtlasGraphEdgeKind kind;
  /* The relation's predicate; NULL for country ties and co-mentions. */
  char              *predicate;
  /* Co-mentions: articles mentioning both; otherwise 1. */
  guint              weight;
} AtlasGraphEdge;

typedef struct
{
  /* Co-mention edges grow with the square of an article's mentions: they
   * are drawn only up to this many nodes. */
  gboolean  comentions;
  guint     max_comention_nodes;
  /* Kinds to leave out ("product", "person", …); NULL for none. */
  char    **hidden_kinds;
  /* The data files' sites to show beside the articles' entities, with
   * their owners and countries (AtlasSite, borrowed); NULL for none. */
  GPtrArray *sites;
} AtlasGraphOptions;

#define ATLAS_GRAPH_DEFAULT_MAX_COMENTION_NODES 400

typedef struct _AtlasGraph AtlasGraph;

void            atlas_graph_options_init (AtlasGraphOptions       *options);
AtlasGraph     *atlas_graph_new          (void);
guint           atlas_graph_add_node     (AtlasGraph              *graph,
                                          const char              *id,
                                          const char              *name,
                                          const char              *kind,
                                          const char              *country,
                                          guint                    weight);
void            atlas_graph_add_edge     (AtlasGraph              *graph,
                                          guint                    source,
                                          guint                    target,
                                          AtlasGraphEdgeKind       kind,
                                          const char              *predicate,
                                          guint                    weight);
AtlasGraph     *atlas_graph_build        (AtlasStore              *store,
                                          const AtlasFilter       *filter,
                                          const AtlasGraphOptions *options,
                                          GError                 **error);
AtlasGraph     *atlas_graph_build_for_articles (AtlasStore        *store,
                                          GArray                  *ids,
                                          const AtlasGraphOptions *options,
                                          GError                 **error);
AtlasGraph     *atlas_graph_copy         (AtlasGraph              *graph);
AtlasGraph     *atlas_graph_summarise    (AtlasGraph              *graph,
                                          guint                    max_nodes,
                                          const guint             *more_of_kind);
guint           atlas_graph_count_entities (AtlasGraph            *graph,
                                          guint                   *shown);
int             atlas_graph_compare_importance (gconstpointer     a,
                                          gconstpointer            b,
                                          gpointer                 graph);
double          atlas_graph_median_edge  (AtlasGraph              *graph,
                                          guint                    max_samples);
gboolean        atlas_graph_get_bounds   (AtlasGraph              *graph,
                                          float                   *min_x,
                                          float                   *min_y,
                                          float                   *max_x,
                                          float                   *max_y);
AtlasGraph     *atlas_graph_neighbourhood (AtlasGraph             *graph,
                                          guint                    center,
                                          guint                    hops);
AtlasGraph     *atlas_graph_ref          (AtlasGraph              *graph);
void            atlas_graph_unref        (AtlasGraph              *graph);
guint           atlas_graph_get_n_nodes  (AtlasGraph              *graph);
guint           atlas_graph_get_n_edges  (AtlasGraph              *graph);
AtlasGraphNode *atlas_graph_get_node     (AtlasGraph              *graph,
                                          guint                    index);
AtlasGraphEdge *atlas_graph_get_edge     (AtlasGraph              *graph,
                                          guint                    index);
gboolean        atlas_graph_find         (AtlasGraph              *graph,
                                          const char              *id,
                                          guint                   *index);
gboolean        atlas_graph_get_comentions_dropped (AtlasGraph    *graph);
const char     *atlas_graph_edge_kind_name (AtlasGraphEdgeKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGraph, atlas_graph_unref)

G_END_DECLS
