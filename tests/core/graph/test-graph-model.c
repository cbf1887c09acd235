/* test-graph-model.c: the graph of the session's selection, built and laid out in a worker */
#include "atlas-generator.h"
#include "atlas-graph-model.h"
#include "atlas-kinds.h"
#include "atlas-session.h"
#include "atlas-test-util.h"

static void
count_signal (AtlasGraphModel *model,
              guint           *emissions)
{
  (*emissions)++;
}

/* Until the model's worker is done. */
static void
wait_idle (AtlasGraphModel *model)
{
  atlas_test_wait_while (model, "busy", 30);
}

/* The model's graph has the nodes SQL's graph of those articles has. */
static void
assert_graph_of (AtlasGraphModel *model,
                 AtlasStore      *store,
                 GArray          *ids)
{
  AtlasGraphOptions options;
  g_autoptr(AtlasGraph) expected = NULL;
  AtlasGraph *graph = atlas_graph_model_get_graph (model);

  atlas_graph_options_init (&options);
  expected = atlas_graph_build_for_articles (store, ids, &options, NULL);
  g_assert_nonnull (expected);
  g_assert_nonnull (graph);
  g_assert_cmpuint (atlas_graph_get_n_nodes (graph), ==, atlas_graph_get_n_nodes (expected));
  g_assert_cmpuint (atlas_graph_get_n_edges (graph), ==, atlas_graph_get_n_edges (expected));
  for (guint i = 0; i < atlas_graph_get_n_nodes (expected); i++)
    g_assert_true (atlas_graph_find (graph, atlas_graph_get_node (expected, i)->id, NULL));
}

static void
test_follows_selection (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  g_autoptr(AtlasGraphModel) model = NULL;
  guint graphs = 0, moves = 0, n_all;
  guint index;
  AtlasGraphNode *node;
  g_autofree char *pinned = NULL;

  /* Before the first frame no worker starts: the model waits. */
  model = atlas_graph_model_new (session, 0, FALSE);
  g_assert_true (atlas_graph_model_get_busy (model));
  g_assert_null (atlas_graph_model_get_graph (model));
  g_signal_connect (model, "graph-changed", G_CALLBACK (count_signal), &graphs);
  g_signal_connect (model, "positions-changed", G_CALLBACK (count_signal), &moves);
  atlas_session_allow_workers (session);
  wait_idle (model);
  /* The graph as soon as built, then the one laid out. */
  g_assert_cmpuint (graphs, ==, 2);
  assert_graph_of (model, store, NULL);
  n_all = atlas_graph_get_n_nodes (atlas_graph_model_get_graph (model));

  /* A country: the graph of its articles. */
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  g_assert_true (atlas_graph_model_get_busy (model));
  wait_idle (model);
  assert_graph_of (model, store, atlas_session_get_selection (session)->ids);
  g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_model_get_graph (model)), <, n_all);

  /* A node the user placed keeps its place through the next build. */
  node = atlas_graph_get_node (atlas_graph_model_get_graph (model), 0);
  pinned = g_strdup (node->id);
  node->x = 1234;
  node->y = -567;
  node->pinned = TRUE;
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  wait_idle (model);
  assert_graph_of (model, store, NULL);
  g_assert_true (atlas_graph_find (atlas_graph_model_get_graph (model), pinned, &index));
  node = atlas_graph_get_node (atlas_graph_model_get_graph (model), index);
  g_assert_true (node->pinned);
  g_assert_cmpfloat (node->x, ==, 1234);
  g_assert_cmpfloat (node->y, ==, -567);

  /* Countries left out. */
  atlas_graph_model_set_options (model, 1u << ATLAS_ENTITY_COUNTRY, FALSE);
  wait_idle (model);
  for (guint i = 0; i < atlas_graph_get_n_nodes (atlas_graph_model_get_graph (model)); i++)
    g_assert_cmpstr (atlas_graph_get_node (atlas_graph_model_get_graph (model), i)->kind, !=, "country");
  atlas_graph_model_set_options (model, 0, FALSE);
  wait_idle (model);

  /* An ego: one entity and its neighbours; a filter that leaves it out
   * drops it, and the whole graph of the filter is shown. */
  atlas_graph_model_set_ego (model, "coreweave");
  wait_idle (model);
  g_assert_cmpstr (atlas_graph_model_get_ego (model), ==, "coreweave");
  g_assert_true (atlas_graph_find (atlas_graph_model_get_graph (model), "coreweave", &index));
  g_assert_cmpuint (atlas_graph_get_n_nodes (atlas_graph_model_get_graph (model)), <, n_all);
  atlas_view_state_set_text (state, "no article says this");
  wait_idle (model);
  g_assert_null (atlas_graph_model_get_ego (model));
  assert_graph_of (model, store, atlas_session_get_selection (session)->ids);

  g_clear_object (&model);
  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A selection of more than ATLAS_GRAPH_SUMMARY_NODES entities is shown
 * summarised: that many, the most mentioned, and a gathering per kind for
 * the rest; every entity is still there for the table. "Show more" on a
 * gathering brings more of its kind; another selection closes it again. */
static void
test_large_selection_summarised (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = NULL;
  g_autoptr(AtlasGraphModel) model = NULL;
  AtlasGeneratorOptions options;
  AtlasGraph *graph, *entities;
  guint shown, total, index, shown_before;

  atlas_generator_options_init (&options);
  options.articles = 2000;
  options.entities = 900;
  g_assert_true (atlas_generate_into_store (&options, store, NULL));
  session = atlas_session_new (store, state);
  model = atlas_graph_model_new (session, 0, FALSE);
  atlas_session_allow_workers (session);
  wait_idle (model);

  graph = atlas_graph_model_get_graph (model);
  entities = atlas_graph_model_get_entities (model);
  total = atlas_graph_count_entities (graph, &shown);
  g_test_message ("%u of %u entities shown, %u nodes", shown, total, atlas_graph_get_n_nodes (graph));
  g_assert_cmpuint (atlas_graph_get_n_nodes (entities), >, ATLAS_GRAPH_SUMMARY_NODES);
  g_assert_cmpuint (shown, ==, ATLAS_GRAPH_SUMMARY_NODES);
  g_assert_cmpuint (total, ==, atlas_graph_get_n_nodes (entities));
  g_assert_cmpuint (atlas_graph_get_n_nodes (graph), <=, ATLAS_GRAPH_SUMMARY_NODES + ATLAS_N_ENTITY_KINDS);
  g_assert_true (atlas_graph_find (graph, "atlas:more:company", &index));

  atlas_graph_model_show_more (model, "atlas:more:company");
  wait_idle (model);
  atlas_graph_count_entities (atlas_graph_model_get_graph (model), &shown_before);
  g_assert_cmpuint (shown_before, >, ATLAS_GRAPH_SUMMARY_NODES);

  /* Entities are no gatherings: asking changes nothing. */
  atlas_graph_model_show_more (model, atlas_graph_get_node (atlas_graph_model_get_graph (model), 0)->id);
  g_assert_false (atlas_graph_model_get_busy (model));

  atlas_view_state_set_text (state, "a");
  wait_idle (model);
  atlas_view_state_set_text (state, NULL);
  wait_idle (model);
  atlas_graph_count_entities (atlas_graph_model_get_graph (model), &shown);
  g_assert_cmpuint (shown, ==, ATLAS_GRAPH_SUMMARY_NODES);

  g_clear_object (&model);
  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-model/follows-selection", test_follows_selection);
  g_test_add_func ("/graph-model/large-selection-summarised", test_large_selection_summarised);
  return g_test_run ();
}
