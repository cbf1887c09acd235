/* atlas-graph.c: the entities the filtered articles mention, and their ties
 *
 * Nodes are the entities mentioned by the articles that pass the filter,
 * plus the countries those articles are about (the country rule), each
 * weighted by its number of articles. Edges are the stored relations between
 * two nodes, each entity's tie to its country, and, when asked for and the
 * graph is small enough, co-mentions weighted by shared articles.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-graph.h"
#include "atlas-countries.h"
#include "atlas-kinds.h"
#include "atlas-query.h"
#include "atlas-site.h"
#include "atlas-sites.h"

struct _AtlasGraph
{
  gatomicrefcount  ref_count;
  GArray          *nodes;  /* AtlasGraphNode */
  GArray          *edges;  /* AtlasGraphEdge */
  GHashTable      *index;  /* id → position + 1 */
  GHashTable      *pairs;  /* "a\x1fb" of linked pairs, to avoid twins */
  gboolean         comentions_dropped;
};

void
atlas_graph_options_init (AtlasGraphOptions *options)
{
  *options = (AtlasGraphOptions) { 0 };
  options->max_comention_nodes = ATLAS_GRAPH_DEFAULT_MAX_COMENTION_NODES;
}

const char *
atlas_graph_edge_kind_name (AtlasGraphEdgeKind kind)
{
  switch (kind)
    {
    case ATLAS_GRAPH_EDGE_COUNTRY:
      return "country";
    case ATLAS_GRAPH_EDGE_COMENTION:
      return "comention";
    case ATLAS_GRAPH_EDGE_RELATION:
    default:
      return "relation";
    }
}

static void
clear_node (gpointer data)
{
  AtlasGraphNode *node = data;

  g_free (node->id);
  g_free (node->name);
  g_free (node->kind);
  g_free (node->country);
  g_free (node->status);
  g_free (node->certainty);
}

static void
clear_edge (gpointer data)
{
  AtlasGraphEdge *edge = data;

  g_free (edge->predicate);
}

/* An empty graph, for graphs built by hand (benchmarks, tests). */
AtlasGraph *
atlas_graph_new (void)
{
  AtlasGraph *graph = g_new0 (AtlasGraph, 1);

  g_atomic_ref_count_init (&graph->ref_count);
  graph->nodes = g_array_new (FALSE, TRUE, sizeof (AtlasGraphNode));
  g_array_set_clear_func (graph->nodes, clear_node);
  graph->edges = g_array_new (FALSE, TRUE, sizeof (AtlasGraphEdge));
  g_array_set_clear_func (graph->edges, clear_edge);
  graph->index = g_hash_table_new (g_str_hash, g_str_equal);
  graph->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return graph;
}

AtlasGraph *
atlas_graph_ref (AtlasGraph *graph)
{
  g_atomic_ref_count_inc (&graph->ref_count);
  return graph;
}

void
atlas_graph_unref (AtlasGraph *graph)
{
  if (graph == NULL || !g_atomic_ref_count_dec (&graph->ref_count))
    return;
  g_hash_table_unref (graph->index);
  g_hash_table_unref (graph->pairs);
  g_array_unref (graph->nodes);
  g_array_unref (graph->edges);
  g_free (graph);
}

guint atlas_graph_get_n_nodes (AtlasGraph *graph) { return graph->nodes->len; }
guint atlas_graph_get_n_edges (AtlasGraph *graph) { return graph->edges->len; }
gboolean atlas_graph_get_comentions_dropped (AtlasGraph *graph) { return graph->comentions_dropped; }

AtlasGraphNode *
atlas_graph_get_node (AtlasGraph *graph,
                      guint       index)
{
  g_return_val_if_fail (index < graph->nodes->len, NULL);
  return &g_array_index (graph->nodes, AtlasGraphNode, index);
}

AtlasGraphEdge *
atlas_graph_get_edge (AtlasGraph *graph,
                      guint       index)
{
  g_return_val_if_fail (index < graph->edges->len, NULL);
  return &g_array_index (graph->edges, AtlasGraphEdge, index);
}

gboolean
atlas_graph_find (AtlasGraph *graph,
                  const char *id,
                  guint      *index)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, id));

  if (position == 0)
    return FALSE;
  if (index != NULL)
    *index = position - 1;
  return TRUE;
}

guint
atlas_graph_add_node (AtlasGraph *graph,
                      const char *id,
                      const char *name,
                      const char *kind,
                      const char *country,
                      guint       weight)
{
  AtlasGraphNode node = { 0 };

  node.id = g_strdup (id);
  node.name = g_strdup (name ? name : id);
  node.kind = g_strdup (kind);
  node.country = g_strdup (country);
  node.weight = weight;
  node.power_mw = node.h100e = NAN;
  g_array_append_val (graph->nodes, node);
  /* The node array may move as it grows, but the ids it owns do not. */
  g_hash_table_insert (graph->index, node.id, GUINT_TO_POINTER (graph->nodes->len));
  return graph->nodes->len - 1;
}

/* One edge per pair of nodes, whatever the direction, so that a relation
 * stated twice or a country tie doubling a "located_in" is drawn once. */
void
atlas_graph_add_edge (AtlasGraph         *graph,
                      guint               source,
                      guint               target,
                      AtlasGraphEdgeKind  kind,
                      const char         *predicate,
                      guint               weight)
{
  AtlasGraphEdge edge = { 0 };
  char *pair;

  if (source == target)
    return;
  pair = g_strdup_printf ("%u\x1f%u", MIN (source, target), MAX (source, target));
  if (!g_hash_table_add (graph->pairs, pair))
    return;

  edge.source = source;
  edge.target = target;
  edge.kind = kind;
  edge.predicate = g_strdup (predicate);
  edge.weight = weight;
  g_array_append_val (graph->edges, edge);
  atlas_graph_get_node (graph, source)->degree++;
  atlas_graph_get_node (graph, target)->degree++;
}

static int
compare_floats (const void *a,
                const void *b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return x < y ? -1 : x > y;
}

/* The box the nodes' positions fill; FALSE for a graph with no node. */
gboolean
atlas_graph_get_bounds (AtlasGraph *graph,
                        float      *min_x,
                        float      *min_y,
                        float      *max_x,
                        float      *max_y)
{
  *min_x = *min_y = G_MAXFLOAT;
  *max_x = *max_y = -G_MAXFLOAT;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      *min_x = MIN (*min_x, node->x);
      *min_y = MIN (*min_y, node->y);
      *max_x = MAX (*max_x, node->x);
      *max_y = MAX (*max_y, node->y);
    }
  return graph->nodes->len > 0;
}

/* The median length of an edge as laid out, from every edge or from
 * `max_samples` spread over them (0: every edge); 1 when there is none. */
double
atlas_graph_median_edge (AtlasGraph *graph,
                         guint       max_samples)
{
  guint n_edges = graph->edges->len;
  guint stride = max_samples > 0 ? MAX (1, n_edges / max_samples) : 1;
  g_autofree float *lengths = g_new (float, n_edges / stride + 1);
  guint count = 0;
  float median;

  for (guint e = 0; e < n_edges; e += stride)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);
      const AtlasGraphNode *a = atlas_graph_get_node (graph, edge->source);
      const AtlasGraphNode *b = atlas_graph_get_node (graph, edge->target);

      lengths[count++] = hypotf (a->x - b->x, a->y - b->y);
    }
  if (count == 0)
    return 1;
  qsort (lengths, count, sizeof (float), compare_floats);
  median = lengths[count / 2];
  return median > 0 ? median : 1;
}

/* The nodes marked in `keep` and the edges between them, positions and
 * pins included. */
static AtlasGraph *
subgraph (AtlasGraph     *graph,
          const gboolean *keep)
{
  AtlasGraph *result = atlas_graph_new ();
  g_autofree guint *moved_to = g_new (guint, graph->nodes->len);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      AtlasGraphNode *copy;

      if (!keep[i])
        continue;
      moved_to[i] = atlas_graph_add_node (result, node->id, node->name, node->kind, node->country, node->weight);
      copy = atlas_graph_get_node (result, moved_to[i]);
      copy->x = node->x;
      copy->y = node->y;
      copy->pinned = node->pinned;
      copy->gathered = node->gathered;
      copy->status = g_strdup (node->status);
      copy->certainty = g_strdup (node->certainty);
      copy->power_mw = node->power_mw;
      copy->h100e = node->h100e;
    }
  for (guint e = 0; e < graph->edges->len; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

      if (keep[edge->source] && keep[edge->target])
        atlas_graph_add_edge (result, moved_to[edge->source], moved_to[edge->target], edge->kind, edge->predicate,
                              edge->weight);
    }
  result->comentions_dropped = graph->comentions_dropped;
  return result;
}

AtlasGraph *
atlas_graph_copy (AtlasGraph *graph)
{
  g_autofree gboolean *keep = g_new (gboolean, graph->nodes->len);

  for (guint i = 0; i < graph->nodes->len; i++)
    keep[i] = TRUE;
  return subgraph (graph, keep);
}

/* For sorting node indices, most important first: by articles, then (for
 * the data files' sites no article names) by compute, then by ties, then
 * by id (a stable order). `graph` is the AtlasGraph. */
int
atlas_graph_compare_importance (gconstpointer a,
                                gconstpointer b,
                                gpointer      graph)
{
  const AtlasGraphNode *x = atlas_graph_get_node (graph, *(const guint *) a);
  const AtlasGraphNode *y = atlas_graph_get_node (graph, *(const guint *) b);

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  if ((isnan (x->h100e) ? -1 : x->h100e) != (isnan (y->h100e) ? -1 : y->h100e))
    return (isnan (x->h100e) ? -1 : x->h100e) > (isnan (y->h100e) ? -1 : y->h100e) ? -1 : 1;
  if (x->degree != y->degree)
    return x->degree > y->degree ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/* A graph too large to read: its `max_nodes` most mentioned entities, plus
 * for each kind of entity `more_of_kind[kind]` more of that kind (NULL:
 * none; what "expand" on a gathering asks for), and the rest gathered into
 * one node per kind, tied to the entities its members were tied to. A
 * gathering sits where its members' middle was; gatherings come after
 * every entity. The graph itself when it is small enough. */
AtlasGraph *
atlas_graph_summarise (AtlasGraph  *graph,
                       guint        max_nodes,
                       const guint *more_of_kind)
{
  guint n = graph->nodes->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n, 1));
  g_autofree guint *moved_to = g_new (guint, MAX (n, 1));
  guint taken[ATLAS_N_ENTITY_KINDS] = { 0 };
  int gathering[ATLAS_N_ENTITY_KINDS];
  guint kept = 0, heaviest = 0;
  AtlasGraph *summary;

  if (n <= max_nodes)
    return atlas_graph_ref (graph);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), atlas_graph_compare_importance, graph);
  for (guint k = 0; k < n; k++)
    {
      AtlasEntityKind kind = atlas_entity_kind_lookup (atlas_graph_get_node (graph, order[k])->kind)->kind;

      if (kept < max_nodes)
        keep[order[k]] = TRUE;
      else if (more_of_kind != NULL && taken[kind] < more_of_kind[kind])
        {
          keep[order[k]] = TRUE;
          taken[kind]++;
        }
      kept += keep[order[k]];
    }

  summary = subgraph (graph, keep);
  for (guint i = 0, next = 0; i < n; i++)
    if (keep[i])
      moved_to[i] = next++;
  for (guint k = 0; k < ATLAS_N_ENTITY_KINDS; k++)
    gathering[k] = -1;
  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      const AtlasEntityKindInfo *kind = atlas_entity_kind_lookup (node->kind);
      AtlasGraphNode *group;

      if (keep[i])
        continue;
      if (gathering[kind->kind] < 0)
        {
          g_autofree char *id = g_strconcat ("atlas:more:", kind->id, NULL);

          gathering[kind->kind] = atlas_graph_add_node (summary, id, NULL, kind->id, NULL, 0);
        }
      moved_to[i] = gathering[kind->kind];
      group = atlas_graph_get_node (summary, moved_to[i]);
      group->gathered++;
      group->weight += node->weight;
      group->x += node->x;
      group->y += node->y;
    }
  for (guint i = 0; i < n; i++)
    if (keep[i])
      heaviest = MAX (heaviest, atlas_graph_get_node (graph, i)->weight);
  for (guint k = 0; k < ATLAS_N_ENTITY_KINDS; k++)
    if (gathering[k] >= 0)
      {
        AtlasGraphNode *group = atlas_graph_get_node (summary, gathering[k]);

        /* As heavy as its members together, up to the heaviest entity: a
         * gathering of thousands is no dot, nor does it dwarf the rest. */
        group->weight = MIN (group->weight, heaviest);
        g_free (group->name);
        group->name = g_strdup_printf (C_("a graph's gathering", "%s (%'u more)"),
                                       _(atlas_entity_kind_get (k)->plural), group->gathered);
        group->x /= group->gathered;
        group->y /= group->gathered;
      }
  /* Ties with a gathered entity go to its gathering: one per pair. */
  for (guint e = 0; e < graph->edges->len; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

      if (!keep[edge->source] || !keep[edge->target])
        atlas_graph_add_edge (summary, moved_to[edge->source], moved_to[edge->target], edge->kind, edge->predicate,
                              edge->weight);
    }
  return summary;
}

/* How many entities a graph stands for (gatherings counted by their
 * members), and in `shown` how many it shows one by one. */
guint
atlas_graph_count_entities (AtlasGraph *graph,
                            guint      *shown)
{
  guint total = 0, alone = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      total += node->gathered > 0 ? node->gathered : 1;
      alone += node->gathered == 0;
    }
  if (shown != NULL)
    *shown = alone;
  return total;
}

/* The ego network: a node and those within `hops` ties of it. */
AtlasGraph *
atlas_graph_neighbourhood (AtlasGraph *graph,
                           guint       center,
                           guint       hops)
{
  g_autofree gboolean *keep = g_new0 (gboolean, graph->nodes->len);

  g_return_val_if_fail (center < graph->nodes->len, NULL);

  keep[center] = TRUE;
  for (guint h = 0; h < hops; h++)
    {
      g_autofree gboolean *reached = g_memdup2 (keep, graph->nodes->len * sizeof (gboolean));

      for (guint e = 0; e < graph->edges->len; e++)
        {
          const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

          if (keep[edge->source])
            reached[edge->target] = TRUE;
          if (keep[edge->target])
            reached[edge->source] = TRUE;
        }
      memcpy (keep, reached, graph->nodes->len * sizeof (gboolean));
    }
  return subgraph (graph, keep);
}

static gboolean
kind_hidden (const AtlasGraphOptions *options,
             const char              *kind)
{
  return options->hidden_kinds != NULL && g_strv_contains ((const char * const *) options->hidden_kinds, kind);
}

/* The graph of the articles that pass `filter`. */
AtlasGraph *
atlas_graph_build (AtlasStore               *store,
                   const AtlasFilter        *filter,
                   const AtlasGraphOptions  *options,
                   GError                  **error)
{
  g_autoptr(GArray) ids = atlas_query_article_ids (store, filter, error);
  g_autoptr(GPtrArray) sites = NULL;
  AtlasGraphOptions with_sites;

  if (ids == NULL)
    return NULL;
  if (options == NULL)
    atlas_graph_options_init (&with_sites);
  else
    with_sites = *options;
  /* The filter selects the sites too, unless the caller chose them. */
  if (with_sites.sites == NULL)
    {
      if ((sites = atlas_sites_query (store, filter, error)) == NULL)
        return NULL;
      with_sites.sites = sites;
    }
  return atlas_graph_build_for_articles (store, ids, &with_sites, error);
}

/* A statement over the chosen articles: `sql` has one %s where the join
 * to them goes, on `column`; with every article, none is needed. */
static sqlite3_stmt *
prepare_over_articles (AtlasStore  *store,
                       const char  *sql,
                       const char  *column,
                       gboolean     every,
                       GError     **error)
{
  g_autofree char *join = every ? g_strdup ("") : g_strdup_printf ("JOIN graph_articles g ON g.id = %s", column);
  g_autofree char *text = g_strdup_printf (sql, join);

  return atlas_store_prepare (store, text, error);
}

/* The node of entity `id`, added from the store with no articles when the
 * articles did not bring it; -1 when it is of a hidden kind or unknown. */
static int
find_or_add_entity (AtlasGraph              *graph,
                    AtlasStore              *store,
                    sqlite3_stmt            *lookup,
                    const AtlasGraphOptions *options,
                    const char              *id)
{
  guint index;
  int found = -1;

  if (atlas_graph_find (graph, id, &index))
    return index;
  sqlite3_bind_text (lookup, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (lookup) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (lookup, 1);

      if (!kind_hidden (options, kind))
        found = atlas_graph_add_node (graph, id, g_strcmp0 (kind, "country") == 0
                                                 ? atlas_country_display_name (id)
                                                 : (const char *) sqlite3_column_text (lookup, 0),
                                      kind, (const char *) sqlite3_column_text (lookup, 2), 0);
    }
  sqlite3_reset (lookup);
  sqlite3_clear_bindings (lookup);
  return found;
}

/* The data files' sites beside the articles' entities: each site with its
 * status, certainty and figures, its owners and its country (their ties
 * are drawn with the relations). A site or owner no article mentions
 * weighs nothing: its disc is the smallest. */
static gboolean
add_sites (AtlasGraph              *graph,
           AtlasStore              *store,
           const AtlasGraphOptions *options,
           GError                 **error)
{
  g_autoptr(sqlite3_stmt) lookup = NULL;

  if (options->sites == NULL || options->sites->len == 0 || kind_hidden (options, "site"))
    return TRUE;
  if ((lookup = atlas_store_prepare (store, "SELECT name, kind, country FROM entities WHERE id = ?1", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < options->sites->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (options->sites, i);
      int index = find_or_add_entity (graph, store, lookup, options, site->id);
      AtlasGraphNode *node;

      if (index < 0)
        continue;
      node = atlas_graph_get_node (graph, index);
      g_free (node->status);
      g_free (node->certainty);
      node->status = g_strdup (site->status);
      node->certainty = g_strdup (site->certainty);
      node->power_mw = site->power_mw;
      node->h100e = site->h100e;
      for (guint o = 0; o < site->owner_ids->len; o++)
        find_or_add_entity (graph, store, lookup, options, g_ptr_array_index (site->owner_ids, o));
      if (site->country != NULL)
        find_or_add_entity (graph, store, lookup, options, site->country);
    }
  return TRUE;
}

/* The graph of the articles `ids` (a selection the session has made), or of
 * every article when `ids` is NULL. */
AtlasGraph *
atlas_graph_build_for_articles (AtlasStore               *store,
                                GArray                   *ids,
                                const AtlasGraphOptions  *options,
                                GError                  **error)
{
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AtlasGraphOptions default_options;
  /* Every article: no join at all, rather than with a copy of 100,000 ids
   * (0.17 s to make; joining the articles table itself, whose rows hold
   * their text, is slower still). */
  gboolean every = ids == NULL;
  int rc;

  if (options == NULL)
    {
      atlas_graph_options_init (&default_options);
      options = &default_options;
    }

  if (!every && !atlas_query_fill_id_table (store, "graph_articles", ids, error))
    return NULL;

  /* Countries weigh the articles about them, by the country rule. */
  if (!kind_hidden (options, "country"))
    {
      stmt = prepare_over_articles (store, "SELECT c.country, count(*) FROM article_countries c %s "
                                    "GROUP BY c.country ORDER BY c.country", "c.article_id", every, error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *code = (const char *) sqlite3_column_text (stmt, 0);
          atlas_graph_add_node (graph, code, atlas_country_display_name (code), "country", code, sqlite3_column_int (stmt, 1));
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  /* Counted first, by the index in entity order, then joined to the few
   * thousand entities: joining each of 456,000 mentions to its entity by
   * its text id took 0.73 s on the 100,000-article store, this 0.28 s. */
  stmt = prepare_over_articles (store, "SELECT e.id, e.name, e.kind, e.country, c.n FROM "
                                "(SELECT m.entity_id AS id, count(*) AS n FROM mentions m %s GROUP BY m.entity_id) c "
                                "JOIN entities e ON e.id = c.id WHERE e.kind <> 'country' ORDER BY e.id",
                                "m.article_id", every, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);

      if (kind_hidden (options, kind))
        continue;
      atlas_graph_add_node (graph, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                kind, (const char *) sqlite3_column_text (stmt, 3), sqlite3_column_int (stmt, 4));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!add_sites (graph, store, options, error))
    return NULL;

  stmt = atlas_store_prepare (store, "SELECT DISTINCT subject, predicate, object FROM relations ORDER BY 1, 3, 2", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint source, target;

      if (atlas_graph_find (graph, (const char *) sqlite3_column_text (stmt, 0), &source) &&
          atlas_graph_find (graph, (const char *) sqlite3_column_text (stmt, 2), &target))
        atlas_graph_add_edge (graph, source, target, ATLAS_GRAPH_EDGE_RELATION, (const char *) sqlite3_column_text (stmt, 1), 1);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      guint country;

      if (g_strcmp0 (node->kind, "country") != 0 && node->country != NULL &&
          atlas_graph_find (graph, node->country, &country))
        atlas_graph_add_edge (graph, i, country, ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
    }

  if (options->comentions && graph->nodes->len > options->max_comention_nodes)
    graph->comentions_dropped = TRUE;
  else if (options->comentions)
    {
      stmt = prepare_over_articles (store, "SELECT a.entity_id, b.entity_id, count(*) FROM mentions a "
                                    "JOIN mentions b ON b.article_id = a.article_id AND b.entity_id > a.entity_id "
                                    "%s GROUP BY 1, 2 ORDER BY 1, 2", "a.article_id", every, error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint source, target;

          if (atlas_graph_find (graph, (const char *) sqlite3_column_text (stmt, 0), &source) &&
              atlas_graph_find (graph, (const char *) sqlite3_column_text (stmt, 1), &target))
            atlas_graph_add_edge (graph, source, target, ATLAS_GRAPH_EDGE_COMENTION, NULL, sqlite3_column_int (stmt, 2));
        }
    }

  return g_steal_pointer (&graph);
}
