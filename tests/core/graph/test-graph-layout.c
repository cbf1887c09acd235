/* test-graph-layout.c: the force layout: deterministic, warm-started, pinned, gathered, cancellable */
#include <math.h>
#include <string.h>

#include "atlas-graph-layout.h"
#include "atlas-test-util.h"

/* The corpus (atlas_test_corpus_store()). */
static AtlasStore *store;

static char *
positions (AtlasGraph *graph)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *n = atlas_graph_get_node (graph, i);
      g_string_append_printf (text, "%s %.4f %.4f\n", n->id, n->x, n->y);
    }
  return g_string_free (text, FALSE);
}

static void
test_layout_determinism (void)
{
  g_autoptr(AtlasGraph) a = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) b = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) c = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraphLayout) la = atlas_graph_layout_new (a, 7, NULL);
  g_autoptr(AtlasGraphLayout) lb = atlas_graph_layout_new (b, 7, NULL);
  g_autoptr(AtlasGraphLayout) lc = atlas_graph_layout_new (c, 8, NULL);
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *pc = NULL;

  atlas_graph_layout_run (la, 300);
  atlas_graph_layout_run (lb, 300);
  atlas_graph_layout_run (lc, 300);
  pa = positions (a);
  pb = positions (b);
  pc = positions (c);
  g_assert_cmpstr (pa, ==, pb);
  g_assert_cmpstr (pa, !=, pc);

  /* Settled: linked nodes sit closer than the average pair. */
  {
    double linked_sum = 0, all_sum = 0;
    guint n = atlas_graph_get_n_nodes (a), pairs = 0;

    for (guint e = 0; e < atlas_graph_get_n_edges (a); e++)
      {
        const AtlasGraphEdge *edge = atlas_graph_get_edge (a, e);
        const AtlasGraphNode *s = atlas_graph_get_node (a, edge->source), *t = atlas_graph_get_node (a, edge->target);
        linked_sum += hypot (s->x - t->x, s->y - t->y);
      }
    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++, pairs++)
        all_sum += hypot (atlas_graph_get_node (a, i)->x - atlas_graph_get_node (a, j)->x,
                          atlas_graph_get_node (a, i)->y - atlas_graph_get_node (a, j)->y);
    g_assert_cmpfloat (linked_sum / atlas_graph_get_n_edges (a), <, all_sum / pairs);
  }
}

static void
test_warm_start_and_pins (void)
{
  g_autoptr(AtlasGraph) before = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) after = atlas_test_build_graph (store, "NO", FALSE, NULL);
  g_autoptr(AtlasGraphLayout) first = atlas_graph_layout_new (before, 3, NULL);
  g_autoptr(AtlasGraphLayout) second = NULL;
  const AtlasGraphNode *old_node, *new_node;
  guint pinned;
  double moved = 0;
  guint shared = 0;

  atlas_graph_layout_run (first, 300);
  g_assert_true (atlas_graph_find (before, "coreweave", &pinned));
  atlas_graph_layout_pin (first, pinned, 5.0f, -5.0f);

  /* A new filter starts from where the shared nodes were. */
  second = atlas_graph_layout_new (after, 3, before);
  for (guint i = 0; i < atlas_graph_get_n_nodes (after); i++)
    {
      new_node = atlas_graph_get_node (after, i);
      old_node = atlas_test_graph_node (before, new_node->id);
      g_assert_cmpfloat (new_node->x, ==, old_node->x);
      g_assert_cmpfloat (new_node->y, ==, old_node->y);
    }

  atlas_graph_layout_run (second, 300);
  for (guint i = 0; i < atlas_graph_get_n_nodes (after); i++)
    {
      new_node = atlas_graph_get_node (after, i);
      old_node = atlas_test_graph_node (before, new_node->id);
      moved += hypot (new_node->x - old_node->x, new_node->y - old_node->y);
      shared++;
    }

  /* The picture does not jump: settled from the old positions, the nodes
   * end far nearer to where they were than a layout started afresh. */
  {
    g_autoptr(AtlasGraph) cold = atlas_test_build_graph (store, "NO", FALSE, NULL);
    g_autoptr(AtlasGraphLayout) cold_layout = atlas_graph_layout_new (cold, 3, NULL);
    double cold_moved = 0;

    atlas_graph_layout_run (cold_layout, 300);
    for (guint i = 0; i < atlas_graph_get_n_nodes (cold); i++)
      {
        const AtlasGraphNode *c = atlas_graph_get_node (cold, i);
        old_node = atlas_test_graph_node (before, c->id);
        cold_moved += hypot (c->x - old_node->x, c->y - old_node->y);
      }
    g_test_message ("average move: warm %.2f, cold %.2f", moved / shared, cold_moved / shared);
    g_assert_cmpfloat (moved, <, cold_moved / 2);
  }

  /* The pinned node stayed where it was put. */
  g_assert_cmpfloat (atlas_test_graph_node (after, "coreweave")->x, ==, 5.0f);
  g_assert_cmpfloat (atlas_test_graph_node (after, "coreweave")->y, ==, -5.0f);
}

/* Pieces not tied to the rest are gathered close around the largest one,
 * instead of drifting off and shrinking it to a dot when the view fits. */
static void
test_pieces_gathered (void)
{
  g_autoptr(AtlasGraph) graph = atlas_graph_new ();
  g_autoptr(AtlasGraphLayout) layout = NULL;
  double cx = 0, cy = 0, radius = 0, edge = 0;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%02u", i);
      atlas_graph_add_node (graph, id, NULL, "company", NULL, 1);
    }
  /* A ring of 24 with chords, a pair, and four loners. */
  for (guint i = 0; i < 24; i++)
    {
      atlas_graph_add_edge (graph, i, (i + 1) % 24, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
      atlas_graph_add_edge (graph, i, (i + 7) % 24, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
    }
  atlas_graph_add_edge (graph, 24, 25, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);

  layout = atlas_graph_layout_new (graph, 1, NULL);
  atlas_graph_layout_run (layout, 1000);

  for (guint i = 0; i < 24; i++)
    {
      cx += atlas_graph_get_node (graph, i)->x / 24;
      cy += atlas_graph_get_node (graph, i)->y / 24;
    }
  for (guint i = 0; i < 24; i++)
    {
      const AtlasGraphNode *a = atlas_graph_get_node (graph, i);
      const AtlasGraphNode *b = atlas_graph_get_node (graph, (i + 1) % 24);
      radius = MAX (radius, hypot (a->x - cx, a->y - cy));
      edge = MAX (edge, hypot (a->x - b->x, a->y - b->y));
    }
  for (guint i = 24; i < 30; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      double distance = hypot (node->x - cx, node->y - cy);

      g_test_message ("%s at %.1f from the centre; main piece radius %.1f, longest edge %.1f",
                      node->id, distance, radius, edge);
      g_assert_cmpfloat (distance, <=, radius + 4 * edge);
      g_assert_cmpfloat (distance, >, radius * 0.5);
    }
}

/* The smallest distance between two nodes, over the separation the
 * layout promises: the smaller of the median edge and the spacing of nodes
 * spread evenly over the picture (or along it, when it is a line). */
static double
closest_pair (AtlasGraph *graph)
{
  double closest = G_MAXDOUBLE, spacing;
  float min_x = G_MAXFLOAT, min_y = G_MAXFLOAT, max_x = -G_MAXFLOAT, max_y = -G_MAXFLOAT;
  guint n = atlas_graph_get_n_nodes (graph);

  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, atlas_graph_get_node (graph, i)->x);
      max_x = MAX (max_x, atlas_graph_get_node (graph, i)->x);
      min_y = MIN (min_y, atlas_graph_get_node (graph, i)->y);
      max_y = MAX (max_y, atlas_graph_get_node (graph, i)->y);
    }

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    for (guint j = i + 1; j < atlas_graph_get_n_nodes (graph); j++)
      closest = MIN (closest, hypot (atlas_graph_get_node (graph, i)->x - atlas_graph_get_node (graph, j)->x,
                                     atlas_graph_get_node (graph, i)->y - atlas_graph_get_node (graph, j)->y));
  spacing = MAX (sqrt ((max_x - min_x) * (max_y - min_y) / n), MAX (max_x - min_x, max_y - min_y) / n);
  g_test_message ("median edge %.2f, even spacing %.2f", atlas_graph_median_edge (graph, 0), spacing);
  return closest / MIN (atlas_graph_median_edge (graph, 0), spacing);
}

/* No node ends on top of another: on the corpus, on a crowd of leaves of
 * one hub, and on two nodes a warm start put at the same place. The corpus
 * had nodes exactly stacked, one disc hiding the other. */
static void
test_nodes_apart (void)
{
  g_autoptr(AtlasGraph) corpus = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraphLayout) corpus_layout = atlas_graph_layout_new (corpus, 7, NULL);
  g_autoptr(AtlasGraph) star = atlas_graph_new ();
  g_autoptr(AtlasGraphLayout) star_layout = NULL;
  g_autoptr(AtlasGraph) before = atlas_graph_new ();
  g_autoptr(AtlasGraph) after = atlas_graph_new ();
  g_autoptr(AtlasGraphLayout) warm = NULL;

  atlas_graph_layout_run (corpus_layout, 300);
  g_test_message ("corpus: closest pair %.3f of the separation", closest_pair (corpus));
  g_assert_cmpfloat (closest_pair (corpus), >=, 0.3);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("leaf%03u", i);
      atlas_graph_add_node (star, id, NULL, "company", NULL, 1);
      if (i > 0)
        atlas_graph_add_edge (star, 0, i, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
    }
  star_layout = atlas_graph_layout_new (star, 3, NULL);
  atlas_graph_layout_run (star_layout, 1000);
  g_test_message ("star: closest pair %.3f of the separation", closest_pair (star));
  g_assert_cmpfloat (closest_pair (star), >=, 0.3);

  for (guint k = 0; k < 2; k++)
    {
      AtlasGraph *graph = k == 0 ? before : after;

      atlas_graph_add_node (graph, "hub", NULL, "country", NULL, 2);
      atlas_graph_add_node (graph, "a", NULL, "company", NULL, 1);
      atlas_graph_add_node (graph, "b", NULL, "company", NULL, 1);
      atlas_graph_add_edge (graph, 1, 0, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
      atlas_graph_add_edge (graph, 2, 0, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
    }
  atlas_graph_get_node (before, 0)->x = 0;
  atlas_graph_get_node (before, 0)->y = 0;
  for (guint i = 1; i < 3; i++)
    {
      atlas_graph_get_node (before, i)->x = 10;
      atlas_graph_get_node (before, i)->y = 0;
    }
  warm = atlas_graph_layout_new (after, 1, before);
  atlas_graph_layout_run (warm, 0);
  g_test_message ("warm start: closest pair %.3f of the separation", closest_pair (after));
  g_assert_cmpfloat (closest_pair (after), >=, 0.39);
}

static void
count_progress (AtlasGraph *graph,
                gpointer    user_data)
{
  GCancellable *cancellable = user_data;
  guint *calls = g_object_get_data (G_OBJECT (cancellable), "calls");

  if (++*calls == 5)
    g_cancellable_cancel (cancellable);
}

/* A run reports its progress as it goes, and a cancelled one stops. */
static void
test_layout_progress (void)
{
  g_autoptr(AtlasGraph) graph = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) same = atlas_test_build_graph (store, NULL, FALSE, NULL);
  g_autoptr(AtlasGraphLayout) layout = atlas_graph_layout_new (graph, 1, NULL);
  g_autoptr(AtlasGraphLayout) reference = atlas_graph_layout_new (same, 1, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint calls = 0, steps;

  g_object_set_data (G_OBJECT (cancellable), "calls", &calls);
  steps = atlas_graph_layout_run_full (layout, 1000, 0, count_progress, cancellable, cancellable);
  g_assert_cmpuint (calls, ==, 5);
  g_assert_cmpuint (steps, ==, 5);

  /* Without cancelling, reporting changes nothing in the result. */
  {
    g_autoptr(AtlasGraph) again = atlas_test_build_graph (store, NULL, FALSE, NULL);
    g_autoptr(AtlasGraphLayout) watched = atlas_graph_layout_new (again, 1, NULL);
    g_autoptr(GCancellable) never = g_cancellable_new ();
    guint watched_calls = 0;

    g_object_set_data (G_OBJECT (never), "calls", &watched_calls);
    atlas_graph_layout_run_full (watched, 4, 0, count_progress, never, NULL);
    g_assert_cmpuint (watched_calls, ==, 4);
    atlas_graph_layout_run (reference, 4);
    for (guint i = 0; i < atlas_graph_get_n_nodes (again); i++)
      {
        g_assert_cmpfloat (atlas_graph_get_node (again, i)->x, ==, atlas_graph_get_node (same, i)->x);
        g_assert_cmpfloat (atlas_graph_get_node (again, i)->y, ==, atlas_graph_get_node (same, i)->y);
      }
  }
}

static AtlasGraph *
grid (guint columns,
      guint rows)
{
  AtlasGraph *graph = atlas_graph_new ();

  for (guint i = 0; i < columns * rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("g%u", i);
      atlas_graph_add_node (graph, id, NULL, "site", NULL, 1);
    }
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        if (c + 1 < columns)
          atlas_graph_add_edge (graph, r * columns + c, r * columns + c + 1, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
        if (r + 1 < rows)
          atlas_graph_add_edge (graph, r * columns + c, (r + 1) * columns + c, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
      }
  return graph;
}

/* A large graph starts from its global shape (pivot MDS): a grid comes out
 * unfolded, its opposite corners farthest apart, and the same every time. */
static void
test_pivot_start (void)
{
  g_autoptr(AtlasGraph) a = grid (30, 10);
  g_autoptr(AtlasGraph) b = grid (30, 10);
  g_autoptr(AtlasGraphLayout) la = atlas_graph_layout_new (a, 5, NULL);
  g_autoptr(AtlasGraphLayout) lb = atlas_graph_layout_new (b, 5, NULL);
  const AtlasGraphNode *corner[4];
  double diagonal, side_long, side_short;

  atlas_graph_layout_run (la, 1000);
  atlas_graph_layout_run (lb, 1000);
  for (guint i = 0; i < atlas_graph_get_n_nodes (a); i++)
    {
      g_assert_cmpfloat (atlas_graph_get_node (a, i)->x, ==, atlas_graph_get_node (b, i)->x);
      g_assert_cmpfloat (atlas_graph_get_node (a, i)->y, ==, atlas_graph_get_node (b, i)->y);
    }

  corner[0] = atlas_graph_get_node (a, 0);
  corner[1] = atlas_graph_get_node (a, 29);
  corner[2] = atlas_graph_get_node (a, 270);
  corner[3] = atlas_graph_get_node (a, 299);
  diagonal = hypot (corner[0]->x - corner[3]->x, corner[0]->y - corner[3]->y);
  side_long = hypot (corner[0]->x - corner[1]->x, corner[0]->y - corner[1]->y);
  side_short = hypot (corner[0]->x - corner[2]->x, corner[0]->y - corner[2]->y);
  g_test_message ("grid 30 × 10: diagonal %.1f, long side %.1f, short side %.1f", diagonal, side_long, side_short);
  g_assert_cmpfloat (diagonal, >, side_long);
  g_assert_cmpfloat (side_long, >, 2 * side_short);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-layout/determinism", test_layout_determinism);
  g_test_add_func ("/graph-layout/warm-start-and-pins", test_warm_start_and_pins);
  g_test_add_func ("/graph-layout/pieces-gathered", test_pieces_gathered);
  g_test_add_func ("/graph-layout/progress", test_layout_progress);
  g_test_add_func ("/graph-layout/nodes-apart", test_nodes_apart);
  g_test_add_func ("/graph-layout/pivot-start", test_pivot_start);

  return atlas_test_run_with_store (&store, atlas_test_corpus_store);
}
