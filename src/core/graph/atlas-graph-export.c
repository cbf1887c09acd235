/* atlas-graph-export.c: the graph for other tools
 *
 * GEXF and GraphML open in Gephi (GEXF keeps the layout's positions), DOT in
 * Graphviz, JSON anywhere. Every name comes from feeds, so it is escaped for
 * the format it goes into.
 */
#include "atlas-graph-export.h"
#include "atlas-json.h"

#include <json-glib/json-glib.h>

gboolean
atlas_graph_format_parse (const char       *name,
                          AtlasGraphFormat *format)
{
  static const char *const names[] = { "json", "gexf", "graphml", "dot" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *format = (AtlasGraphFormat) i;
        return TRUE;
      }
  return FALSE;
}

static char *
to_json (AtlasGraph *graph)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "id", node->id);
      atlas_json_add_string_member (builder, "name", node->name);
      atlas_json_add_string_member (builder, "kind", node->kind);
      atlas_json_add_string_member (builder, "country", node->country);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, node->weight);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, node->x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, node->y);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "edges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < atlas_graph_get_n_edges (graph); i++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, i);

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "source", atlas_graph_get_node (graph, edge->source)->id);
      atlas_json_add_string_member (builder, "target", atlas_graph_get_node (graph, edge->target)->id);
      atlas_json_add_string_member (builder, "kind", atlas_graph_edge_kind_name (edge->kind));
      atlas_json_add_string_member (builder, "predicate", edge->predicate);
      json_builder_set_member_name (builder, "weight");
      json_builder_add_int_value (builder, edge->weight);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
edge_label (const AtlasGraphEdge *edge)
{
  return edge->predicate ? edge->predicate : atlas_graph_edge_kind_name (edge->kind);
}

static char *
to_gexf (AtlasGraph *graph)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
                               "  <meta><creator>Compute Atlas</creator></meta>\n"
                               "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
                               "    <attributes class=\"node\">\n"
                               "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
                               "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
                               "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
                               "    </attributes>\n"
                               "    <attributes class=\"edge\">\n"
                               "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
                               "    </attributes>\n"
                               "    <nodes>\n");

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      g_string_append_printf (out, "      <node id=\"%u\" label=\"", i);
      {
        g_autofree char *label = g_markup_escape_text (node->name, -1);
        g_autofree char *kind = g_markup_escape_text (node->kind, -1);
        g_autofree char *country = g_markup_escape_text (node->country ? node->country : "", -1);

        g_string_append_printf (out, "%s\">\n        <attvalues>\n"
                                     "          <attvalue for=\"kind\" value=\"%s\"/>\n"
                                     "          <attvalue for=\"country\" value=\"%s\"/>\n"
                                     "          <attvalue for=\"articles\" value=\"%u\"/>\n"
                                     "        </attvalues>\n"
                                     "        <viz:position x=\"%.3f\" y=\"%.3f\" z=\"0\"/>\n"
                                     "        <viz:size value=\"%u\"/>\n"
                                     "      </node>\n",
                                label, kind, country, node->weight, node->x, node->y, 4 + MIN (node->weight, 60));
      }
    }
  g_string_append (out, "    </nodes>\n    <edges>\n");
  for (guint i = 0; i < atlas_graph_get_n_edges (graph); i++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, i);
      g_autofree char *label = g_markup_escape_text (edge_label (edge), -1);

      g_string_append_printf (out, "      <edge id=\"%u\" source=\"%u\" target=\"%u\" label=\"%s\" weight=\"%u\">"
                                   "<attvalues><attvalue for=\"kind\" value=\"%s\"/></attvalues></edge>\n",
                              i, edge->source, edge->target, label, edge->weight, atlas_graph_edge_kind_name (edge->kind));
    }
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (out, FALSE);
}

static char *
to_graphml (AtlasGraph *graph)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                               "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                               "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                               "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
                               "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n"
                               "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
                               "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
                               "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
                               "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
                               "  <graph id=\"atlas\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      g_autofree char *id = g_markup_escape_text (node->id, -1);
      g_autofree char *name = g_markup_escape_text (node->name, -1);
      g_autofree char *kind = g_markup_escape_text (node->kind, -1);
      g_autofree char *country = g_markup_escape_text (node->country ? node->country : "", -1);

      g_string_append_printf (out, "    <node id=\"%s\"><data key=\"name\">%s</data><data key=\"kind\">%s</data>"
                                   "<data key=\"country\">%s</data><data key=\"articles\">%u</data>"
                                   "<data key=\"x\">%.3f</data><data key=\"y\">%.3f</data></node>\n",
                              id, name, kind, country, node->weight, node->x, node->y);
    }
  for (guint i = 0; i < atlas_graph_get_n_edges (graph); i++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, i);
      g_autofree char *source = g_markup_escape_text (atlas_graph_get_node (graph, edge->source)->id, -1);
      g_autofree char *target = g_markup_escape_text (atlas_graph_get_node (graph, edge->target)->id, -1);
      g_autofree char *label = g_markup_escape_text (edge_label (edge), -1);

      g_string_append_printf (out, "    <edge source=\"%s\" target=\"%s\"><data key=\"label\">%s</data>"
                                   "<data key=\"weight\">%u</data></edge>\n",
                              source, target, label, edge->weight);
    }
  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free (out, FALSE);
}

static void
append_dot_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        {
          g_string_append (out, "\\n");
          continue;
        }
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
to_dot (AtlasGraph *graph)
{
  GString *out = g_string_new ("digraph atlas {\n");

  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      g_string_append (out, "  ");
      append_dot_string (out, node->id);
      g_string_append (out, " [label=");
      append_dot_string (out, node->name);
      g_string_append (out, ", kind=");
      append_dot_string (out, node->kind);
      g_string_append_printf (out, ", articles=%u];\n", node->weight);
    }
  for (guint i = 0; i < atlas_graph_get_n_edges (graph); i++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, i);

      g_string_append (out, "  ");
      append_dot_string (out, atlas_graph_get_node (graph, edge->source)->id);
      g_string_append (out, " -> ");
      append_dot_string (out, atlas_graph_get_node (graph, edge->target)->id);
      g_string_append (out, " [label=");
      append_dot_string (out, edge_label (edge));
      g_string_append_printf (out, ", weight=%u];\n", edge->weight);
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

char *
atlas_graph_export (AtlasGraph       *graph,
                    AtlasGraphFormat  format)
{
  switch (format)
    {
    case ATLAS_GRAPH_FORMAT_GEXF:
      return to_gexf (graph);
    case ATLAS_GRAPH_FORMAT_GRAPHML:
      return to_graphml (graph);
    case ATLAS_GRAPH_FORMAT_DOT:
      return to_dot (graph);
    case ATLAS_GRAPH_FORMAT_JSON:
    default:
      return to_json (graph);
    }
}
