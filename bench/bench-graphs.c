/* bench-graphs.c: seeded graphs for the benchmarks
 *
 * Shaped like this app's data (country hubs holding most companies, sites
 * operated by 1–3 companies and tied to a country, some partnerships), or
 * scale-free; the same seed gives the same graph.
 */
#include "bench-graphs.h"

AtlasGraph *
bench_app_shaped_graph (guint   n,
            guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  AtlasGraph *graph = atlas_graph_new ();
  guint n_countries = MAX (10, MIN (60, n / 80));
  guint n_companies = (n - n_countries) * 35 / 100;
  guint n_sites = n - n_countries - n_companies;
  guint first_company = n_countries, first_site = n_countries + n_companies;
  g_autofree guint *company_country = g_new0 (guint, n_companies);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      atlas_graph_add_node (graph, id, id, i < n_countries ? "country" : i < first_site ? "company" : "site", NULL, 1);
    }
  /* A few countries hold most companies, as in the news. */
  for (guint c = 0; c < n_companies; c++)
    {
      double r = g_rand_double (rand);
      company_country[c] = (guint) (n_countries * r * r);
      atlas_graph_add_edge (graph, first_company + c, company_country[c], ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
    }
  for (guint s = 0; s < n_sites; s++)
    {
      guint owners = 1 + g_rand_int_range (rand, 0, 3);
      guint first_owner = g_rand_int_range (rand, 0, n_companies);

      atlas_graph_add_edge (graph, first_site + s, first_company + first_owner, ATLAS_GRAPH_EDGE_RELATION, "operates", 1);
      for (guint o = 1; o < owners; o++)
        atlas_graph_add_edge (graph, first_site + s, first_company + g_rand_int_range (rand, 0, n_companies),
                              ATLAS_GRAPH_EDGE_RELATION, "owns", 1);
      atlas_graph_add_edge (graph, first_site + s, company_country[first_owner], ATLAS_GRAPH_EDGE_COUNTRY, NULL, 1);
    }
  for (guint p = 0; p < n / 20; p++)
    atlas_graph_add_edge (graph, first_company + g_rand_int_range (rand, 0, n_companies),
                          first_company + g_rand_int_range (rand, 0, n_companies),
                          ATLAS_GRAPH_EDGE_RELATION, "partners_with", 1);
  return graph;
}

/* Barabási–Albert, two links per new node. */
AtlasGraph *
bench_scale_free_graph (guint   n,
            guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  AtlasGraph *graph = atlas_graph_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      atlas_graph_add_node (graph, id, id, "company", NULL, 1);
    }
  for (guint i = 1; i < 3; i++)
    for (guint j = 0; j < i; j++)
      {
        atlas_graph_add_edge (graph, i, j, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
        g_array_append_val (ends, i);
        g_array_append_val (ends, j);
      }
  for (guint i = 3; i < n; i++)
    for (guint k = 0; k < 2; k++)
      {
        guint target = g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len));
        atlas_graph_add_edge (graph, i, target, ATLAS_GRAPH_EDGE_RELATION, NULL, 1);
        g_array_append_val (ends, i);
        g_array_append_val (ends, target);
      }
  return graph;
}
