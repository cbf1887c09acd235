/* bench-layout: our force layout against Graphviz sfdp on the same graphs
 *
 *   meson test -C build --benchmark layout --verbose
 *   build/bench/bench-layout [SIZES…]          (default 1000 5000 20000)
 *
 * Each layout runs in a child process, so wall time and peak memory (the
 * child's maximum resident set) are measured the same way for both. Quality
 * is computed here, by the same code, on both results:
 *   stress: the layout is first scaled optimally, then
 *     sum over sampled pairs of ((scale * distance - hops) / hops)^2 / pairs,
 *     with hop distances from up to 300 BFS sources;
 *   crossings per edge: how many other edges an edge crosses, on average
 *     (over up to 3000 sampled edges against all).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atlas-graph.h"
#include "atlas-graph-layout.h"
#include "bench-graphs.h"

typedef struct
{
  float  *x;
  float  *y;
  double  seconds;
  double  step_ms;
  long    peak_kb;
  gboolean ok;
} Result;

/* ---- running the layouts ------------------------------------------------ */

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static void
run_ours_in_child (AtlasGraph *graph,
                   const char *out_path)
{
  g_autoptr(AtlasGraphLayout) layout = atlas_graph_layout_new (graph, 1, NULL);
  guint n = atlas_graph_get_n_nodes (graph);
  double start = now (), seconds;
  guint steps;
  FILE *out;

  steps = atlas_graph_layout_run (layout, 1000);
  seconds = now () - start;

  out = fopen (out_path, "w");
  fprintf (out, "%f %f\n", seconds, seconds * 1000 / MAX (steps, 1));
  for (guint i = 0; i < n; i++)
    fprintf (out, "%f %f\n", atlas_graph_get_node (graph, i)->x, atlas_graph_get_node (graph, i)->y);
  fclose (out);
}

static Result
read_ours (guint       n,
           const char *path)
{
  Result result = { g_new0 (float, n), g_new0 (float, n), 0, 0, 0, FALSE };
  FILE *in = fopen (path, "r");

  if (in == NULL || fscanf (in, "%lf %lf", &result.seconds, &result.step_ms) != 2)
    return result;
  for (guint i = 0; i < n; i++)
    if (fscanf (in, "%f %f", &result.x[i], &result.y[i]) != 2)
      return result;
  fclose (in);
  result.ok = TRUE;
  return result;
}

static Result
layout_ours (AtlasGraph *graph)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "bench-layout-ours.txt", NULL);
  struct rusage usage;
  int status;
  pid_t pid = fork ();
  Result result;

  if (pid == 0)
    {
      run_ours_in_child (graph, path);
      _exit (0);
    }
  wait4 (pid, &status, 0, &usage);
  result = read_ours (atlas_graph_get_n_nodes (graph), path);
  result.peak_kb = usage.ru_maxrss;
  return result;
}

static Result
layout_sfdp (AtlasGraph *graph)
{
  g_autofree char *dot = g_build_filename (g_get_tmp_dir (), "bench-layout.dot", NULL);
  g_autofree char *plain = g_build_filename (g_get_tmp_dir (), "bench-layout.plain", NULL);
  guint n = atlas_graph_get_n_nodes (graph);
  Result result = { g_new0 (float, n), g_new0 (float, n), 0, 0, 0, FALSE };
  g_autoptr(GString) text = g_string_new ("graph G {\n");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  struct rusage usage;
  double start;
  int status;
  pid_t pid;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "  %u;\n", i);
  for (guint e = 0; e < atlas_graph_get_n_edges (graph); e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);
      g_string_append_printf (text, "  %u -- %u;\n", edge->source, edge->target);
    }
  g_string_append (text, "}\n");
  g_file_set_contents (dot, text->str, -1, NULL);

  start = now ();
  pid = fork ();
  if (pid == 0)
    {
      execlp ("sfdp", "sfdp", "-Tplain", "-o", plain, dot, NULL);
      _exit (127);
    }
  wait4 (pid, &status, 0, &usage);
  result.seconds = now () - start;
  result.peak_kb = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || !g_file_get_contents (plain, &contents, NULL, NULL))
    return result;

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      guint id;
      float x, y;

      if (sscanf (lines[l], "node %u %f %f", &id, &x, &y) == 3 && id < n)
        {
          result.x[id] = x;
          result.y[id] = y;
        }
    }
  result.ok = TRUE;
  return result;
}

/* ---- quality ------------------------------------------------------------ */

static GPtrArray *
adjacency (AtlasGraph *graph)
{
  guint n = atlas_graph_get_n_nodes (graph);
  GPtrArray *adj = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (adj, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint e = 0; e < atlas_graph_get_n_edges (graph); e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);
      g_array_append_val (g_ptr_array_index (adj, edge->source), edge->target);
      g_array_append_val (g_ptr_array_index (adj, edge->target), edge->source);
    }
  return adj;
}

static double
stress (AtlasGraph    *graph,
        GPtrArray     *adj,
        const Result  *layout)
{
  guint n = atlas_graph_get_n_nodes (graph);
  guint sources = MIN (300, n);
  g_autofree int *hops = g_new (int, n);
  g_autofree guint *queue = g_new (guint, n);
  double num = 0, den = 0, total = 0;
  guint64 pairs = 0;

  /* Two passes over the same pairs: the optimal scale, then the stress. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double scale = pass == 1 && den > 0 ? num / den : 1;

      for (guint s = 0; s < sources; s++)
        {
          guint source = (guint) ((guint64) s * n / sources), head = 0, tail = 0;

          for (guint i = 0; i < n; i++)
            hops[i] = -1;
          hops[source] = 0;
          queue[tail++] = source;
          while (head < tail)
            {
              guint v = queue[head++];
              GArray *next = g_ptr_array_index (adj, v);

              for (guint k = 0; k < next->len; k++)
                {
                  guint w = g_array_index (next, guint, k);
                  if (hops[w] < 0)
                    {
                      hops[w] = hops[v] + 1;
                      queue[tail++] = w;
                    }
                }
            }

          for (guint j = 0; j < n; j++)
            {
              double d, D;

              if (j == source || hops[j] <= 0)
                continue;
              d = hops[j];
              D = hypot (layout->x[source] - layout->x[j], layout->y[source] - layout->y[j]);
              if (pass == 0)
                {
                  num += D * d / (d * d);
                  den += D * D / (d * d);
                }
              else
                {
                  total += (scale * D - d) * (scale * D - d) / (d * d);
                  pairs++;
                }
            }
        }
    }
  return pairs > 0 ? total / pairs : 0;
}

static gboolean
segments_cross (float ax, float ay, float bx, float by,
                float cx, float cy, float dx, float dy)
{
  double d1 = (double) (dx - cx) * (ay - cy) - (double) (dy - cy) * (ax - cx);
  double d2 = (double) (dx - cx) * (by - cy) - (double) (dy - cy) * (bx - cx);
  double d3 = (double) (bx - ax) * (cy - ay) - (double) (by - ay) * (cx - ax);
  double d4 = (double) (bx - ax) * (dy - ay) - (double) (by - ay) * (dx - ax);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

static double
crossings_per_edge (AtlasGraph   *graph,
                    const Result *layout)
{
  guint m = atlas_graph_get_n_edges (graph);
  guint samples = MIN (m, 3000);
  guint64 crossings = 0;

  for (guint s = 0; s < samples; s++)
    {
      const AtlasGraphEdge *a = atlas_graph_get_edge (graph, (guint) ((guint64) s * m / samples));

      for (guint e = 0; e < m; e++)
        {
          const AtlasGraphEdge *b = atlas_graph_get_edge (graph, e);

          if (a->source == b->source || a->source == b->target || a->target == b->source || a->target == b->target)
            continue;
          crossings += segments_cross (layout->x[a->source], layout->y[a->source], layout->x[a->target], layout->y[a->target],
                                       layout->x[b->source], layout->y[b->source], layout->x[b->target], layout->y[b->target]);
        }
    }
  return samples > 0 ? (double) crossings / samples : 0;
}

static void
compare (const char *shape,
         AtlasGraph *graph)
{
  g_autoptr(GPtrArray) adj = adjacency (graph);
  Result ours = layout_ours (graph);
  Result sfdp = layout_sfdp (graph);
  double ours_stress = ours.ok ? stress (graph, adj, &ours) : NAN;
  double sfdp_stress = sfdp.ok ? stress (graph, adj, &sfdp) : NAN;
  double ours_cross = ours.ok ? crossings_per_edge (graph, &ours) : NAN;
  double sfdp_cross = sfdp.ok ? crossings_per_edge (graph, &sfdp) : NAN;

  g_print ("| %s | %u | %u | %.2f s | %.2f s | %.2f | %.1f ms | %ld / %ld MB | %.3f / %.3f (%.2f) | %.2f / %.2f |\n",
           shape, atlas_graph_get_n_nodes (graph), atlas_graph_get_n_edges (graph),
           ours.seconds, sfdp.seconds, sfdp.ok ? ours.seconds / sfdp.seconds : NAN, ours.step_ms,
           ours.peak_kb / 1024, sfdp.peak_kb / 1024,
           ours_stress, sfdp_stress, ours_stress / sfdp_stress, ours_cross, sfdp_cross);

  g_free (ours.x);
  g_free (ours.y);
  g_free (sfdp.x);
  g_free (sfdp.y);
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 1000, 5000, 20000 };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int i = 1; i < argc; i++)
    {
      guint size = (guint) g_ascii_strtoull (argv[i], NULL, 10);
      g_array_append_val (sizes, size);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  if (!g_find_program_in_path ("sfdp"))
    g_print ("sfdp (Debian's graphviz) is not installed: its columns are empty\n");

  g_print ("| graph | nodes | edges | ours | sfdp | time ratio | our step | peak memory (ours / sfdp) | stress (ours / sfdp, ratio) | crossings per edge (ours / sfdp) |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (guint i = 0; i < sizes->len; i++)
    {
      g_autoptr(AtlasGraph) app = bench_app_shaped_graph (g_array_index (sizes, guint, i), 42);
      g_autoptr(AtlasGraph) free_graph = bench_scale_free_graph (g_array_index (sizes, guint, i), 42);

      compare ("app-shaped", app);
      compare ("scale-free", free_graph);
    }
  return 0;
}
