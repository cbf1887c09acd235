/* test-graph-export.c: the graph as JSON, GEXF, GraphML and DOT */
#include <string.h>

#include "atlas-graph-export.h"
#include "atlas-test-util.h"

/* The corpus (atlas_test_corpus_store()). */
static AtlasStore *store;

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
  g_autoptr(AtlasGraph) graph = atlas_test_build_graph (store, NULL, FALSE, NULL);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-export/formats", test_exports);

  return atlas_test_run_with_store (&store, atlas_test_corpus_store);
}
