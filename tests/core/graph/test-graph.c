/* test-graph.c: the entity graph of a filter: nodes, edges, options, neighbourhoods, the empty graph */
#include <math.h>
#include <string.h>

#include "atlas-graph.h"
#include "atlas-kinds.h"
#include "atlas-graph-export.h"
#include "atlas-graph-layout.h"
#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-test-util.h"

static AtlasStore *store;

static gboolean
linked (AtlasGraph         *graph,
        const char         *a,
        const char         *b,
        AtlasGraphEdgeKind  kind)
{
  guint ia, ib;

  if (!atlas_graph_find (graph, a, &ia) || !atlas_graph_find (graph, b, &ib))
    return FALSE;
  for (guint i = 0; i < atlas_graph_get_n_edges (graph); i++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, i);
      if (edge->kind == kind && ((edge->source == ia && edge->target == ib) || (edge->source == ib && edge->target == ia)))
        return TRUE;
    }
  return FALSE;
}

static void
test_nodes_and_edges (void)
{
  g_autoptr(AtlasGraph) all = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) norway = atlas_test_build_graph (store, "NO", FALSE, NULL);

  /* Every mentioned entity and every country the articles are about. */
  g_assert_cmpuint (atlas_graph_get_n_nodes (all), ==, 65);
  g_assert_cmpuint (atlas_test_graph_node (all, "coreweave")->weight, ==, 2);
  g_assert_cmpuint (atlas_test_graph_node (all, "nscale")->weight, ==, 1);
  g_assert_cmpuint (atlas_test_graph_node (all, "GB")->weight, ==, 2);
  g_assert_cmpstr (atlas_test_graph_node (all, "GB")->name, ==, "United Kingdom");
  /* Russia is there through Yandex, by the country rule. */
  g_assert_cmpuint (atlas_test_graph_node (all, "RU")->weight, ==, 1);

  g_assert_true (linked (all, "nscale", "loughton-supercomputer", ATLAS_GRAPH_EDGE_RELATION));
  g_assert_true (linked (all, "nvidia", "GB", ATLAS_GRAPH_EDGE_RELATION));
  g_assert_true (linked (all, "nscale", "GB", ATLAS_GRAPH_EDGE_COUNTRY));
  g_assert_true (linked (all, "yandex", "RU", ATLAS_GRAPH_EDGE_COUNTRY));
  g_assert_false (linked (all, "nscale", "coreweave", ATLAS_GRAPH_EDGE_COMENTION));

  /* One edge per pair: nscale builds and operates Loughton, drawn once. */
  {
    guint n = 0, a, b;
    atlas_graph_find (all, "nscale", &a);
    atlas_graph_find (all, "loughton-supercomputer", &b);
    for (guint i = 0; i < atlas_graph_get_n_edges (all); i++)
      {
        const AtlasGraphEdge *edge = atlas_graph_get_edge (all, i);
        n += (edge->source == a && edge->target == b) || (edge->source == b && edge->target == a);
      }
    g_assert_cmpuint (n, ==, 1);
  }

  /* The filter decides: with Norway, only the CoreWeave article's entities. */
  g_assert_false (atlas_graph_find (norway, "nscale", NULL));
  g_assert_true (atlas_graph_find (norway, "coreweave-crawley", NULL));
  g_assert_cmpuint (atlas_test_graph_node (norway, "coreweave")->weight, ==, 1);
}

static void
test_options (void)
{
  char *hidden[] = { "product", "person", "country", NULL };
  g_autoptr(AtlasGraph) lean = atlas_test_build_graph (store, NULL, FALSE, hidden);
  g_autoptr(AtlasGraph) dense = atlas_test_build_graph (store, NULL, TRUE, NULL);

  g_assert_false (atlas_graph_find (lean, "blackwell-ultra", NULL));
  g_assert_false (atlas_graph_find (lean, "keir-starmer", NULL));
  g_assert_false (atlas_graph_find (lean, "GB", NULL));
  g_assert_true (atlas_graph_find (lean, "nvidia", NULL));

  g_assert_true (linked (dense, "nscale", "coreweave", ATLAS_GRAPH_EDGE_COMENTION));
  g_assert_false (atlas_graph_get_comentions_dropped (dense));

  /* Above the cap, co-mentions are left out and that is said. */
  {
    g_autoptr(AtlasFilter) filter = atlas_filter_new ();
    g_autoptr(AtlasGraph) capped = NULL;
    AtlasGraphOptions options;

    atlas_graph_options_init (&options);
    options.comentions = TRUE;
    options.max_comention_nodes = 10;
    capped = atlas_graph_build (store, filter, &options, NULL);
    g_assert_true (atlas_graph_get_comentions_dropped (capped));
    g_assert_false (linked (capped, "nscale", "coreweave", ATLAS_GRAPH_EDGE_COMENTION));
  }
}

/* The ego network: Nscale, what it is tied to, and nothing else; positions
 * kept so the picture does not jump. */
static void
test_neighbourhood (void)
{
  g_autoptr(AtlasGraph) all = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) ego = NULL;
  g_autoptr(AtlasGraph) wider = NULL;
  g_autoptr(AtlasGraph) copy = atlas_graph_copy (all);
  guint center, degree;

  g_assert_true (atlas_graph_find (all, "nscale", &center));
  atlas_graph_get_node (all, center)->x = 12.5f;
  degree = atlas_graph_get_node (all, center)->degree;
  ego = atlas_graph_neighbourhood (all, center, 1);

  g_assert_cmpuint (atlas_graph_get_n_nodes (ego), ==, degree + 1);
  g_assert_cmpfloat (atlas_test_graph_node (ego, "nscale")->x, ==, 12.5f);
  g_assert_cmpuint (atlas_test_graph_node (ego, "nscale")->degree, ==, degree);
  g_assert_true (linked (ego, "nscale", "loughton-supercomputer", ATLAS_GRAPH_EDGE_RELATION));
  g_assert_true (linked (ego, "nscale", "GB", ATLAS_GRAPH_EDGE_COUNTRY));
  g_assert_false (atlas_graph_find (ego, "yandex", NULL));
  /* Edges between two neighbours stay: Loughton is in the United Kingdom. */
  g_assert_true (linked (ego, "loughton-supercomputer", "GB", ATLAS_GRAPH_EDGE_COUNTRY) ||
                 linked (ego, "loughton-supercomputer", "GB", ATLAS_GRAPH_EDGE_RELATION));

  wider = atlas_graph_neighbourhood (all, center, 2);
  g_assert_cmpuint (atlas_graph_get_n_nodes (wider), >, atlas_graph_get_n_nodes (ego));
  g_assert_true (atlas_graph_find (wider, "coreweave", NULL));

  g_assert_cmpuint (atlas_graph_get_n_nodes (copy), ==, atlas_graph_get_n_nodes (all));
  g_assert_cmpuint (atlas_graph_get_n_edges (copy), ==, atlas_graph_get_n_edges (all));
}

static void
test_empty_graph (void)
{
  g_autoptr(AtlasGraph) none = atlas_test_build_graph (store, "JP", TRUE, NULL);
  g_autoptr(AtlasGraphLayout) layout = atlas_graph_layout_new (none, 1, NULL);
  g_autofree char *text = atlas_graph_export (none, ATLAS_GRAPH_FORMAT_GEXF);

  g_assert_cmpuint (atlas_graph_get_n_nodes (none), ==, 0);
  g_assert_cmpuint (atlas_graph_layout_run (layout, 10), ==, 1);
  g_assert_nonnull (strstr (text, "<nodes>"));
}

/* A graph of 1,000 companies and 50 countries summarised to 100: the 100
 * most mentioned stand alone, the rest are gathered by kind and keep their
 * ties; asking for more of one kind shows that many more of it. */
static void
test_summary (void)
{
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  g_autoptr(AtlasGraph) summary = NULL;
  g_autoptr(AtlasGraph) more = NULL;
  guint more_of_kind[ATLAS_N_ENTITY_KINDS] = { 0 };
  guint shown, index, lightest_kept = G_MAXUINT, heaviest_gathered = 0;
  const AtlasGraphNode *companies;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("C%02u", i);
      atlas_graph_add_node (graph, id, id, "country", NULL, 1000 - i);
    }
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("company-%04u", i);
      guint node = atlas_graph_add_node (graph, id, id, "company", NULL, 1 + (i * 7919) % 500);

      atlas_graph_add_edge (graph, node, i % 50, ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
      if (i > 50)
        atlas_graph_add_edge (graph, node, node - 1, ATLAS_GRAPH_EDGE_RELATION, "partners_with", 1);
    }

  /* Small enough: the graph itself. */
  summary = atlas_graph_summarise (graph, 5000, NULL);
  g_assert_true (summary == graph);
  g_clear_pointer (&summary, atlas_graph_unref);

  summary = atlas_graph_summarise (graph, 100, NULL);
  g_assert_cmpuint (atlas_graph_count_entities (summary, &shown), ==, 1050);
  g_assert_cmpuint (shown, ==, 100);
  /* Every country (the heaviest) and one gathering of companies. */
  g_assert_cmpuint (atlas_graph_get_n_nodes (summary), ==, 101);
  g_assert_true (atlas_graph_find (summary, "C49", NULL));
  g_assert_true (atlas_graph_find (summary, "atlas:more:company", &index));
  companies = atlas_graph_get_node (summary, index);
  g_assert_cmpuint (companies->gathered, ==, 950);
  g_assert_cmpstr (companies->name, ==, "Companies (950 more)");
  g_assert_cmpstr (companies->kind, ==, "company");
  g_assert_false (atlas_graph_find (summary, "atlas:more:country", NULL));
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      if (atlas_graph_find (summary, node->id, NULL))
        lightest_kept = MIN (lightest_kept, node->weight);
      else
        heaviest_gathered = MAX (heaviest_gathered, node->weight);
    }
  g_assert_cmpuint (lightest_kept, >=, heaviest_gathered);
  /* As heavy as its members, up to the heaviest entity shown. */
  g_assert_cmpuint (companies->weight, ==, 1000);
  /* The gathered companies' ties to their countries are the gathering's. */
  g_assert_true (linked (summary, "atlas:more:company", "C00", ATLAS_GRAPH_EDGE_COUNTRY));

  more_of_kind[ATLAS_ENTITY_COMPANY] = 100;
  more = atlas_graph_summarise (graph, 100, more_of_kind);
  g_assert_cmpuint (atlas_graph_count_entities (more, &shown), ==, 1050);
  g_assert_cmpuint (shown, ==, 200);
  g_assert_true (atlas_graph_find (more, "atlas:more:company", &index));
  g_assert_cmpuint (atlas_graph_get_node (more, index)->gathered, ==, 850);
}

/* The graph of every article, read without a list of ids (no join at all),
 * is the graph of the list of all their ids, co-mentions included. */
static void
test_every_article (void)
{
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  g_autoptr(GArray) ids = atlas_query_article_ids (store, everything, NULL);
  AtlasGraphOptions options;

  atlas_graph_options_init (&options);
  for (int comentions = 0; comentions <= 1; comentions++)
    {
      g_autoptr(AtlasGraph) every = NULL;
      g_autoptr(AtlasGraph) listed = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      options.comentions = comentions;
      every = atlas_graph_build_for_articles (store, NULL, &options, NULL);
      listed = atlas_graph_build_for_articles (store, ids, &options, NULL);
      g_assert_cmpuint (atlas_graph_get_n_nodes (every), >, 10);
      a = atlas_graph_export (every, ATLAS_GRAPH_FORMAT_JSON);
      b = atlas_graph_export (listed, ATLAS_GRAPH_FORMAT_JSON);
      g_assert_cmpstr (a, ==, b);
    }
}

/* The data files' sites beside the articles' entities: with their status,
 * owners and countries, tied as the data says, selected by the filter. */
static void
test_sites (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) sites_store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasImportReport) report = NULL;
  g_autoptr(AtlasGraph) graph = NULL;
  g_autoptr(AtlasGraph) in_france = NULL;
  g_autoptr(AtlasGraph) hidden = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) none = atlas_filter_new ();
  AtlasGraphOptions options;
  const AtlasGraphNode *site, *owner;
  guint index, owner_index, france;
  static const char *const csv =
    "Name,Status,Certainty,H100 equivalents,Chip type (primary),Country,Owner,Users\n"
    "Big Cluster,Planned,Unlikely,5000,,France,Newco,\n"
    "Old Cluster,Decommissioned,Confirmed,10,,Germany,CoreWeave,\n";

  report = atlas_import_data (sites_store, csv, strlen (csv), "gpu_clusters.csv", NULL);
  g_assert_null (report->error);

  graph = atlas_graph_build (sites_store, filter, NULL, NULL);
  g_assert_true (atlas_graph_find (graph, "big-cluster", &index));
  site = atlas_graph_get_node (graph, index);
  g_assert_cmpstr (site->kind, ==, "site");
  g_assert_cmpstr (site->status, ==, "planned");
  g_assert_cmpstr (site->certainty, ==, "unlikely");
  g_assert_cmpfloat (site->h100e, ==, 5000);
  g_assert_cmpuint (site->weight, ==, 0);
  g_assert_true (atlas_graph_find (graph, "newco", &owner_index));
  owner = atlas_graph_get_node (graph, owner_index);
  g_assert_cmpstr (owner->kind, ==, "company");
  g_assert_true (atlas_graph_find (graph, "FR", &france));
  /* The corpus's CoreWeave owns the old cluster: one node, mentioned. */
  g_assert_true (atlas_graph_find (graph, "coreweave", &owner_index));
  g_assert_cmpuint (atlas_graph_get_node (graph, owner_index)->weight, >, 0);
  {
    gboolean owns = FALSE, located = FALSE;

    for (guint e = 0; e < atlas_graph_get_n_edges (graph); e++)
      {
        const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

        owns |= edge->kind == ATLAS_GRAPH_EDGE_RELATION && g_strcmp0 (edge->predicate, "owns") == 0 &&
                (edge->source == index || edge->target == index);
        located |= edge->kind == ATLAS_GRAPH_EDGE_COUNTRY && (edge->source == index || edge->target == index) &&
                   (edge->source == france || edge->target == france);
      }
    g_assert_true (owns);
    g_assert_true (located);
  }
  /* Unmentioned sites rank by their compute: the big one first. */
  {
    guint old;
    guint pair[2];

    g_assert_true (atlas_graph_find (graph, "old-cluster", &old));
    pair[0] = old;
    pair[1] = index;
    g_assert_cmpint (atlas_graph_compare_importance (&pair[1], &pair[0], graph), <, 0);
  }

  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
  in_france = atlas_graph_build (sites_store, filter, NULL, NULL);
  g_assert_true (atlas_graph_find (in_france, "big-cluster", NULL));
  g_assert_false (atlas_graph_find (in_france, "old-cluster", NULL));

  atlas_graph_options_init (&options);
  options.hidden_kinds = (char *[]) { "site", NULL };
  hidden = atlas_graph_build (sites_store, none, &options, NULL);
  g_assert_false (atlas_graph_find (hidden, "big-cluster", NULL));
  g_assert_false (atlas_graph_find (hidden, "newco", NULL));

  g_clear_object (&sites_store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/nodes-and-edges", test_nodes_and_edges);
  g_test_add_func ("/graph/options", test_options);
  g_test_add_func ("/graph/neighbourhood", test_neighbourhood);
  g_test_add_func ("/graph/empty", test_empty_graph);
  g_test_add_func ("/graph/summary", test_summary);
  g_test_add_func ("/graph/every-article", test_every_article);
  g_test_add_func ("/graph/sites", test_sites);

  return atlas_test_run_with_store (&store, atlas_test_corpus_store);
}
