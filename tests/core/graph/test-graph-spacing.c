/* test-graph-spacing.c: no two nodes of a laid-out graph on top of each other */
#include <math.h>

#include "atlas-graph-spacing.h"

static double
closest (AtlasGraph *graph)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    for (guint j = i + 1; j < atlas_graph_get_n_nodes (graph); j++)
      best = MIN (best, hypot (atlas_graph_get_node (graph, i)->x - atlas_graph_get_node (graph, j)->x,
                               atlas_graph_get_node (graph, i)->y - atlas_graph_get_node (graph, j)->y));
  return best;
}

/* A hub at the middle, its 30 leaves on a ring of radius 10, eight of them
 * stacked on one point: the stacked ones part, by the same moves whatever
 * order they come in, and a pinned node stays where it is. */
static void
test_stacked_nodes_part (void)
{
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  g_autoptr(AtlasGraph) reversed = atlas_graph_new ();
  AtlasGraphNode *hub;

  for (int k = 0; k < 2; k++)
    {
      AtlasGraph *g = k == 0 ? graph : reversed;

      atlas_graph_add_node (g, "hub", NULL, "country", NULL, 30);
      for (int i = 0; i < 30; i++)
        {
          int leaf = k == 0 ? i : 29 - i;
          g_autofree char *id = g_strdup_printf ("leaf%02d", leaf);
          AtlasGraphNode *node = atlas_graph_get_node (g, atlas_graph_add_node (g, id, NULL, "company", NULL, 1));
          double angle = 2 * G_PI * (leaf < 8 ? 0 : leaf) / 30;

          node->x = 10 * cos (angle);
          node->y = 10 * sin (angle);
          atlas_graph_add_edge (g, 0, atlas_graph_get_n_nodes (g) - 1, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
        }
      hub = atlas_graph_get_node (g, 0);
      hub->pinned = TRUE;
    }
  g_assert_cmpfloat (closest (graph), ==, 0);

  atlas_graph_separate_nodes (graph);
  atlas_graph_separate_nodes (reversed);
  /* The median edge is 10, the even spacing over the ring's box about 3.6:
   * the pairs end at least 0.4 of that apart. */
  g_test_message ("closest pair %.3f", closest (graph));
  g_assert_cmpfloat (closest (graph), >=, 0.4 * 3.5);
  hub = atlas_graph_get_node (graph, 0);
  g_assert_cmpfloat (hub->x, ==, 0);
  g_assert_cmpfloat (hub->y, ==, 0);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("leaf%02d", i);
      guint a, b;

      g_assert_true (atlas_graph_find (graph, id, &a));
      g_assert_true (atlas_graph_find (reversed, id, &b));
      g_assert_cmpfloat_with_epsilon (atlas_graph_get_node (graph, a)->x, atlas_graph_get_node (reversed, b)->x, 1e-3);
      g_assert_cmpfloat_with_epsilon (atlas_graph_get_node (graph, a)->y, atlas_graph_get_node (reversed, b)->y, 1e-3);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-spacing/stacked-nodes-part", test_stacked_nodes_part);

  return g_test_run ();
}
