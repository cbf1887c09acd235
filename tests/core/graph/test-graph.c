#include <math.h>
#include <string.h>

#include "atlas-graph.h"
#include "atlas-graph-export.h"
#include "atlas-graph-layout.h"
#include "atlas-test-util.h"

static AtlasStore *store;
static char *store_dir;

static AtlasGraph *
build (const char *country,
       gboolean    comentions,
       char      **hidden)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  AtlasGraphOptions options;
  AtlasGraph *graph;

  if (country != NULL)
    atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, country);
  atlas_graph_options_init (&options);
  options.comentions = comentions;
  options.hidden_kinds = hidden;
  graph = atlas_graph_build (store, filter, &options, &error);
  g_assert_no_error (error);
  return graph;
}

static const AtlasGraphNode *
node (AtlasGraph *graph,
      const char *id)
{
  guint index;

  g_assert_true (atlas_graph_find (graph, id, &index));
  return atlas_graph_get_node (graph, index);
}

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
  g_autoptr(AtlasGraph) all = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) norway = build ("NO", FALSE, NULL);

  /* Every mentioned entity and every country the articles are about. */
  g_assert_cmpuint (atlas_graph_get_n_nodes (all), ==, 65);
  g_assert_cmpuint (node (all, "coreweave")->weight, ==, 2);
  g_assert_cmpuint (node (all, "nscale")->weight, ==, 1);
  g_assert_cmpuint (node (all, "GB")->weight, ==, 2);
  g_assert_cmpstr (node (all, "GB")->name, ==, "United Kingdom");
  /* Russia is there through Yandex, by the country rule. */
  g_assert_cmpuint (node (all, "RU")->weight, ==, 1);

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
  g_assert_cmpuint (node (norway, "coreweave")->weight, ==, 1);
}

static void
test_options (void)
{
  char *hidden[] = { "product", "person", "country", NULL };
  g_autoptr(AtlasGraph) lean = build (NULL, FALSE, hidden);
  g_autoptr(AtlasGraph) dense = build (NULL, TRUE, NULL);

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
  g_autoptr(AtlasGraph) a = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) b = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) c = build (NULL, FALSE, NULL);
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
  g_autoptr(AtlasGraph) before = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) after = build ("NO", FALSE, NULL);
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
      old_node = node (before, new_node->id);
      g_assert_cmpfloat (new_node->x, ==, old_node->x);
      g_assert_cmpfloat (new_node->y, ==, old_node->y);
    }

  atlas_graph_layout_run (second, 300);
  for (guint i = 0; i < atlas_graph_get_n_nodes (after); i++)
    {
      new_node = atlas_graph_get_node (after, i);
      old_node = node (before, new_node->id);
      moved += hypot (new_node->x - old_node->x, new_node->y - old_node->y);
      shared++;
    }

  /* The picture does not jump: settled from the old positions, the nodes
   * end far nearer to where they were than a layout started afresh. */
  {
    g_autoptr(AtlasGraph) cold = build ("NO", FALSE, NULL);
    g_autoptr(AtlasGraphLayout) cold_layout = atlas_graph_layout_new (cold, 3, NULL);
    double cold_moved = 0;

    atlas_graph_layout_run (cold_layout, 300);
    for (guint i = 0; i < atlas_graph_get_n_nodes (cold); i++)
      {
        const AtlasGraphNode *c = atlas_graph_get_node (cold, i);
        old_node = node (before, c->id);
        cold_moved += hypot (c->x - old_node->x, c->y - old_node->y);
      }
    g_test_message ("average move: warm %.2f, cold %.2f", moved / shared, cold_moved / shared);
    g_assert_cmpfloat (moved, <, cold_moved / 2);
  }

  /* The pinned node stayed where it was put. */
  g_assert_cmpfloat (node (after, "coreweave")->x, ==, 5.0f);
  g_assert_cmpfloat (node (after, "coreweave")->y, ==, -5.0f);
}

static void
count_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  guint *counts = user_data;

  if (g_str_equal (element, "node"))
    counts[0]++;
  else if (g_str_equal (element, "edge"))
    counts[1]++;
}

static void
test_exports (void)
{
  static const GMarkupParser parser = { count_element, NULL, NULL, NULL, NULL };
  g_autoptr(AtlasGraph) graph = build (NULL, FALSE, NULL);
  AtlasGraphFormat formats[] = { ATLAS_GRAPH_FORMAT_GEXF, ATLAS_GRAPH_FORMAT_GRAPHML };
  AtlasGraphFormat format;
  AtlasGraphNode *first = atlas_graph_get_node (graph, 0);

  /* A name with every character the formats care about. */
  g_free (first->name);
  first->name = g_strdup ("A & B <\"quoted\"> \\ back");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = atlas_graph_export (graph, formats[f]);
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      guint counts[2] = { 0, 0 };

      context = g_markup_parse_context_new (&parser, 0, counts, NULL);
      g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts[0], ==, atlas_graph_get_n_nodes (graph));
      g_assert_cmpuint (counts[1], ==, atlas_graph_get_n_edges (graph));
    }

  {
    g_autofree char *json = atlas_graph_export (graph, ATLAS_GRAPH_FORMAT_JSON);
    g_autofree char *dot = atlas_graph_export (graph, ATLAS_GRAPH_FORMAT_DOT);

    g_assert_nonnull (strstr (json, "\"A & B <\\\"quoted\\\"> \\\\ back\""));
    g_assert_nonnull (strstr (dot, "label=\"A & B <\\\"quoted\\\"> \\\\ back\""));
    g_assert_true (g_str_has_prefix (dot, "digraph atlas {"));
  }

  g_assert_true (atlas_graph_format_parse ("graphml", &format));
  g_assert_cmpint (format, ==, ATLAS_GRAPH_FORMAT_GRAPHML);
  g_assert_false (atlas_graph_format_parse ("png", &format));
}

/* The ego network: Nscale, what it is tied to, and nothing else; positions
 * kept so the picture does not jump. */
static void
test_neighbourhood (void)
{
  g_autoptr(AtlasGraph) all = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) ego = NULL;
  g_autoptr(AtlasGraph) wider = NULL;
  g_autoptr(AtlasGraph) copy = atlas_graph_copy (all);
  guint center, degree;

  g_assert_true (atlas_graph_find (all, "nscale", &center));
  atlas_graph_get_node (all, center)->x = 12.5f;
  degree = atlas_graph_get_node (all, center)->degree;
  ego = atlas_graph_neighbourhood (all, center, 1);

  g_assert_cmpuint (atlas_graph_get_n_nodes (ego), ==, degree + 1);
  g_assert_cmpfloat (node (ego, "nscale")->x, ==, 12.5f);
  g_assert_cmpuint (node (ego, "nscale")->degree, ==, degree);
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
  g_autoptr(AtlasGraph) graph = build (NULL, FALSE, NULL);
  g_autoptr(AtlasGraph) same = build (NULL, FALSE, NULL);
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
    g_autoptr(AtlasGraph) again = build (NULL, FALSE, NULL);
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

static void
test_empty_graph (void)
{
  g_autoptr(AtlasGraph) none = build ("JP", TRUE, NULL);
  g_autoptr(AtlasGraphLayout) layout = atlas_graph_layout_new (none, 1, NULL);
  g_autofree char *text = atlas_graph_export (none, ATLAS_GRAPH_FORMAT_GEXF);

  g_assert_cmpuint (atlas_graph_get_n_nodes (none), ==, 0);
  g_assert_cmpuint (atlas_graph_layout_run (layout, 10), ==, 1);
  g_assert_nonnull (strstr (text, "<nodes>"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  store_dir = atlas_test_make_dir ();
  store = atlas_test_corpus_store (store_dir);

  g_test_add_func ("/graph/nodes-and-edges", test_nodes_and_edges);
  g_test_add_func ("/graph/options", test_options);
  g_test_add_func ("/graph/layout-determinism", test_layout_determinism);
  g_test_add_func ("/graph/warm-start-and-pins", test_warm_start_and_pins);
  g_test_add_func ("/graph/exports", test_exports);
  g_test_add_func ("/graph/neighbourhood", test_neighbourhood);
  g_test_add_func ("/graph/pieces-gathered", test_pieces_gathered);
  g_test_add_func ("/graph/layout-progress", test_layout_progress);
  g_test_add_func ("/graph/pivot-start", test_pivot_start);
  g_test_add_func ("/graph/empty", test_empty_graph);

  status = g_test_run ();
  g_clear_object (&store);
  atlas_test_remove_dir (store_dir);
  g_free (store_dir);
  return status;
}
