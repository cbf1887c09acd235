/* atlas-graph-spacing.c: no two nodes of a laid-out graph on top of each other
 *
 * Force layouts leave some nodes exactly stacked (two leaves of one hub
 * with nothing else to tell them apart), and a disc hidden under another
 * is a node nobody sees. After a layout, every pair closer than a minimum
 * is pushed apart: the minimum is a share of the median edge, or of the
 * spacing the nodes would have spread evenly over the picture when that is
 * less (a hub's hundreds of leaves cannot all be an edge apart).
 */
#include "atlas-graph-spacing.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SEPARATION    0.4
#define SEPARATION_PASSES 40
/* Closer than this, two nodes are at the same place. */
#define SAME_PLACE        0.01f

typedef struct
{
  gint64 cell;
  guint  node;
} CellEntry;

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* Unsigned: shifting a negative number is undefined. */
  return (gint64) (((guint64) cx << 32) | (guint32) cy);
}

static int
compare_cell_entries (gconstpointer a,
                      gconstpointer b)
{
  const CellEntry *x = a, *y = b;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

/* The first entry of `cell` in the sorted `entries`, or `n`. */
static guint
find_cell (const CellEntry *entries,
           guint            n,
           gint64           cell)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (entries[middle].cell < cell)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Which way two nodes at the same place part: from their ids, so that it
 * does not depend on the order the store gave them. */
static void
parting_direction (const AtlasGraphNode *a,
                   const AtlasGraphNode *b,
                   float                *ux,
                   float                *uy)
{
  /* Multiplied by the golden ratio's fraction, so that ids alike in their
   * hash still part in directions far apart. */
  guint32 h = (g_str_hash (a->id) ^ g_str_hash (b->id)) * 0x9e3779b1u;
  float angle = (h % 3600) * (float) G_PI / 1800;

  *ux = cosf (angle);
  *uy = sinf (angle);
  if (g_strcmp0 (a->id, b->id) > 0)
    {
      *ux = -*ux;
      *uy = -*uy;
    }
}

/* Pushes apart every pair closer than the minimum separation, half each
 * (all of it onto the other when one is pinned), a few passes over a grid of
 * cells as wide as that distance; the moves of a pass are summed first, so
 * no node's turn comes first. */
void
atlas_graph_separate_nodes (AtlasGraph *graph)
{
  guint n = atlas_graph_get_n_nodes (graph);
  g_autofree float *dx = g_new0 (float, MAX (n, 1));
  g_autofree float *dy = g_new0 (float, MAX (n, 1));
  g_autofree CellEntry *entries = g_new (CellEntry, MAX (n, 1));
  float min_x, min_y, max_x, max_y;
  float distance;

  if (n < 2)
    return;
  atlas_graph_get_bounds (graph, &min_x, &min_y, &max_x, &max_y);
  /* Nodes in one line have no area: their spacing is along the line. */
  distance = MIN_SEPARATION * MIN (atlas_graph_median_edge (graph, 2000),
                                   MAX (sqrtf ((max_x - min_x) * (max_y - min_y) / n),
                                        MAX (max_x - min_x, max_y - min_y) / n));
  if (!(distance > 0))
    return;
  for (guint pass = 0; pass < SEPARATION_PASSES; pass++)
    {
      gboolean moved = FALSE;

      memset (dx, 0, n * sizeof (float));
      memset (dy, 0, n * sizeof (float));
      for (guint i = 0; i < n; i++)
        {
          const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

          entries[i].cell = cell_key ((gint64) floorf (node->x / distance), (gint64) floorf (node->y / distance));
          entries[i].node = i;
        }
      qsort (entries, n, sizeof (CellEntry), compare_cell_entries);

      for (guint i = 0; i < n; i++)
        {
          const AtlasGraphNode *a = atlas_graph_get_node (graph, i);
          gint64 cx = (gint64) floorf (a->x / distance), cy = (gint64) floorf (a->y / distance);

          for (gint64 ox = -1; ox <= 1; ox++)
            for (gint64 oy = -1; oy <= 1; oy++)
              {
                gint64 cell = cell_key (cx + ox, cy + oy);

                for (guint k = find_cell (entries, n, cell); k < n && entries[k].cell == cell; k++)
                  {
                    guint j = entries[k].node;
                    const AtlasGraphNode *b = atlas_graph_get_node (graph, j);
                    float ux, uy, gap, share_a, share_b;

                    if (j <= i || (a->pinned && b->pinned))
                      continue;
                    gap = hypotf (b->x - a->x, b->y - a->y);
                    if (gap >= distance)
                      continue;
                    if (gap > SAME_PLACE)
                      {
                        ux = (b->x - a->x) / gap;
                        uy = (b->y - a->y) / gap;
                      }
                    else
                      parting_direction (a, b, &ux, &uy);
                    share_a = a->pinned ? 0 : b->pinned ? 1 : 0.5f;
                    share_b = 1 - share_a;
                    /* A little past the distance, so that a pass ends it. */
                    dx[i] -= ux * (distance - gap) * 1.01f * share_a;
                    dy[i] -= uy * (distance - gap) * 1.01f * share_a;
                    dx[j] += ux * (distance - gap) * 1.01f * share_b;
                    dy[j] += uy * (distance - gap) * 1.01f * share_b;
                    moved = TRUE;
                  }
              }
        }
      if (!moved)
        return;
      for (guint i = 0; i < n; i++)
        {
          AtlasGraphNode *node = atlas_graph_get_node (graph, i);

          node->x += dx[i];
          node->y += dy[i];
        }
    }
}
