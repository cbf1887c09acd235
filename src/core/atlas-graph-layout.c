/* atlas-graph-layout.c: a force-directed layout with Barnes-Hut
 *
 * Nodes repel each other in proportion to their degrees (so hubs such as
 * countries push their crowd apart), edges pull like springs, and a weak
 * gravity keeps separate components in view. Repulsion is approximated with
 * a quadtree (Barnes-Hut), so a step costs O(n log n). Every node starts from
 * a position derived from its id and the seed, not from its index, so the
 * result is the same whatever order the store returned the nodes in; warm
 * starts reuse the positions of a previous graph so that a filter change
 * moves the picture as little as it must. Nodes with no tie take no part in
 * the simulation (repulsion alone would push them far off and shrink the
 * rest of the picture to fit them): they are seated on a ring around it.
 */
#include "atlas-graph-layout.h"

#include <math.h>

#define THETA          0.9f
#define REPULSION      1.0f
#define GRAVITY        0.02f
#define COOLING        0.95f
#define MIN_DISTANCE   0.01f
#define MAX_TREE_DEPTH 48
/* Below this largest move (edges are about 1 long) the picture no longer
 * changes visibly. */
#define SETTLED        0.05f

typedef struct
{
  float x, y, half;        /* the square this cell covers */
  float mass, mx, my;      /* total mass and mass-weighted position */
  int   child[4];
  int   body;              /* the one node of a leaf; -1 for inner or empty */
} Cell;

struct _AtlasGraphLayout
{
  AtlasGraph *graph;
  GArray     *cells;
  float      *dx;
  float      *dy;
  float       temperature;
  guint       steps;
};

static guint32
mix (guint32 h)
{
  h ^= h >> 16;
  h *= 0x7feb352d;
  h ^= h >> 15;
  h *= 0x846ca68b;
  h ^= h >> 16;
  return h;
}

/* A point in the unit disc, from the node's id and the seed only. */
static void
seeded_point (const char *id,
              guint32     seed,
              float      *x,
              float      *y)
{
  guint32 h = mix (g_str_hash (id) ^ mix (seed));
  float angle = (h & 0xffff) / 65536.0f * 2.0f * (float) G_PI;
  float radius = sqrtf (((h >> 16) & 0xffff) / 65536.0f);

  *x = radius * cosf (angle);
  *y = radius * sinf (angle);
}

static float
mass (const AtlasGraphNode *node)
{
  return 1.0f + node->degree;
}

static void
place_nodes (AtlasGraphLayout *self,
             guint32           seed,
             AtlasGraph       *previous)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  float spread = sqrtf ((float) MAX (n, 1));
  gboolean *placed = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      guint old;

      if (previous != NULL && atlas_graph_find (previous, node->id, &old))
        {
          AtlasGraphNode *before = atlas_graph_get_node (previous, old);

          node->x = before->x;
          node->y = before->y;
          node->pinned = before->pinned;
          placed[i] = TRUE;
        }
    }

  /* A newcomer starts beside the neighbours already placed, so it joins
   * its part of the picture instead of flying in from anywhere. */
  for (guint i = 0; i < n; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      float jx, jy, sx = 0, sy = 0;
      guint count = 0;

      if (placed[i])
        continue;
      seeded_point (node->id, seed, &jx, &jy);

      for (guint e = 0; previous != NULL && e < atlas_graph_get_n_edges (self->graph); e++)
        {
          const AtlasGraphEdge *edge = atlas_graph_get_edge (self->graph, e);
          guint other = edge->source == i ? edge->target : edge->target == i ? edge->source : G_MAXUINT;

          if (other != G_MAXUINT && placed[other])
            {
              sx += atlas_graph_get_node (self->graph, other)->x;
              sy += atlas_graph_get_node (self->graph, other)->y;
              count++;
            }
        }

      if (count > 0)
        {
          node->x = sx / count + jx;
          node->y = sy / count + jy;
        }
      else
        {
          node->x = jx * spread;
          node->y = jy * spread;
        }
    }

  g_free (placed);
}

AtlasGraphLayout *
atlas_graph_layout_new (AtlasGraph *graph,
                        guint32     seed,
                        AtlasGraph *previous)
{
  AtlasGraphLayout *self = g_new0 (AtlasGraphLayout, 1);
  guint n = atlas_graph_get_n_nodes (graph);

  self->graph = atlas_graph_ref (graph);
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->dx = g_new0 (float, MAX (n, 1));
  self->dy = g_new0 (float, MAX (n, 1));
  place_nodes (self, seed, previous);
  /* A warm start needs only to settle; a cold one has to unfold. */
  self->temperature = sqrtf ((float) MAX (n, 1)) * (previous != NULL ? 0.1f : 0.5f);
  return self;
}

void
atlas_graph_layout_free (AtlasGraphLayout *self)
{
  if (self == NULL)
    return;
  atlas_graph_unref (self->graph);
  g_array_unref (self->cells);
  g_free (self->dx);
  g_free (self->dy);
  g_free (self);
}

void
atlas_graph_layout_pin (AtlasGraphLayout *self,
                        guint             index,
                        float             x,
                        float             y)
{
  AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);

  node->x = x;
  node->y = y;
  node->pinned = TRUE;
}

/* ---- the quadtree ------------------------------------------------------- */

static int
new_cell (GArray *cells,
          float   x,
          float   y,
          float   half)
{
  Cell cell = { x, y, half, 0, 0, 0, { -1, -1, -1, -1 }, -1 };

  g_array_append_val (cells, cell);
  return cells->len - 1;
}

static int
quadrant (const Cell *cell,
          float       x,
          float       y)
{
  return (x >= cell->x ? 1 : 0) + (y >= cell->y ? 2 : 0);
}

static int
child_for (GArray *cells,
           int     parent,
           int     q)
{
  Cell *cell = &g_array_index (cells, Cell, parent);
  float half = cell->half / 2;
  float x = cell->x + ((q & 1) ? half : -half);
  float y = cell->y + ((q & 2) ? half : -half);
  int child;

  if (cell->child[q] >= 0)
    return cell->child[q];
  child = new_cell (cells, x, y, half);
  /* new_cell may have moved the array. */
  g_array_index (cells, Cell, parent).child[q] = child;
  return child;
}

static void
insert (GArray               *cells,
        int                   root,
        guint                 body,
        const AtlasGraphNode *node)
{
  int at = root;
  float m = mass (node);

  for (guint depth = 0;; depth++)
    {
      Cell *cell = &g_array_index (cells, Cell, at);
      gboolean empty = cell->mass == 0;
      gboolean leaf = cell->child[0] < 0 && cell->child[1] < 0 && cell->child[2] < 0 && cell->child[3] < 0;
      int resident = cell->body;

      cell->mass += m;
      cell->mx += m * node->x;
      cell->my += m * node->y;

      if (empty)
        {
          cell->body = body;
          return;
        }
      /* Points on top of each other share a cell rather than split forever. */
      if (depth >= MAX_TREE_DEPTH)
        return;

      if (leaf && resident >= 0)
        {
          /* Push the resident down before going on. */
          const Cell *now = &g_array_index (cells, Cell, at);
          float rx = (now->mx - m * node->x) / (now->mass - m);
          float ry = (now->my - m * node->y) / (now->mass - m);
          float rm = now->mass - m;
          int q = quadrant (now, rx, ry);
          int child = child_for (cells, at, q);
          Cell *c = &g_array_index (cells, Cell, child);

          c->mass = rm;
          c->mx = rm * rx;
          c->my = rm * ry;
          c->body = resident;
          g_array_index (cells, Cell, at).body = -1;
        }

      at = child_for (cells, at, quadrant (&g_array_index (cells, Cell, at), node->x, node->y));
    }
}

static void
build_tree (AtlasGraphLayout *self)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  float min_x = G_MAXFLOAT, min_y = G_MAXFLOAT, max_x = -G_MAXFLOAT, max_y = -G_MAXFLOAT;
  int root;

  g_array_set_size (self->cells, 0);
  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      min_x = MIN (min_x, node->x);
      min_y = MIN (min_y, node->y);
      max_x = MAX (max_x, node->x);
      max_y = MAX (max_y, node->y);
    }

  root = new_cell (self->cells, (min_x + max_x) / 2, (min_y + max_y) / 2,
                   MAX (max_x - min_x, max_y - min_y) / 2 + 1.0f);
  for (guint i = 0; i < n; i++)
    if (atlas_graph_get_node (self->graph, i)->degree > 0)
      insert (self->cells, root, i, atlas_graph_get_node (self->graph, i));
}

static void
repulse (AtlasGraphLayout *self,
         guint             i,
         int               stack[],
         float            *fx,
         float            *fy)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
  float m = mass (node);
  int top = 0;

  stack[top++] = 0;
  while (top > 0)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, stack[--top]);
      float cx, cy, dx, dy, d2, d;
      gboolean leaf;

      if (cell->mass == 0 || cell->body == (int) i)
        continue;

      cx = cell->mx / cell->mass;
      cy = cell->my / cell->mass;
      dx = node->x - cx;
      dy = node->y - cy;
      d2 = dx * dx + dy * dy;
      leaf = cell->child[0] < 0 && cell->child[1] < 0 && cell->child[2] < 0 && cell->child[3] < 0;

      /* Far enough (or a single body): the whole cell acts as one mass. */
      if (leaf || (2 * cell->half) * (2 * cell->half) < THETA * THETA * d2)
        {
          float f;

          d = MAX (sqrtf (d2), MIN_DISTANCE);
          f = REPULSION * m * cell->mass / d;
          *fx += f * dx / d;
          *fy += f * dy / d;
          continue;
        }

      for (guint q = 0; q < 4; q++)
        if (cell->child[q] >= 0)
          stack[top++] = cell->child[q];
    }
}

/* One iteration; returns the largest move, in layout units. */
double
atlas_graph_layout_step (AtlasGraphLayout *self)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  guint n_edges = atlas_graph_get_n_edges (self->graph);
  g_autofree int *stack = NULL;
  float largest = 0;

  if (n == 0)
    return 0;

  build_tree (self);
  /* Each visit pops one cell and pushes at most four. */
  stack = g_new (int, 4 * self->cells->len + 4);

  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      float fx = 0, fy = 0;

      repulse (self, i, stack, &fx, &fy);
      fx -= GRAVITY * mass (node) * node->x;
      fy -= GRAVITY * mass (node) * node->y;
      self->dx[i] = fx;
      self->dy[i] = fy;
    }

  for (guint e = 0; e < n_edges; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (self->graph, e);
      const AtlasGraphNode *a = atlas_graph_get_node (self->graph, edge->source);
      const AtlasGraphNode *b = atlas_graph_get_node (self->graph, edge->target);
      float w = edge->kind == ATLAS_GRAPH_EDGE_COMENTION ? 0.2f * MIN (edge->weight, 10) : 1.0f;
      float dx = b->x - a->x, dy = b->y - a->y;

      self->dx[edge->source] += w * dx;
      self->dy[edge->source] += w * dy;
      self->dx[edge->target] -= w * dx;
      self->dy[edge->target] -= w * dy;
    }

  for (guint i = 0; i < n; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      float length, limit;

      if (node->pinned || node->degree == 0)
        continue;

      /* Heavier nodes move less; no node moves more than the temperature. */
      self->dx[i] /= mass (node);
      self->dy[i] /= mass (node);
      length = sqrtf (self->dx[i] * self->dx[i] + self->dy[i] * self->dy[i]);
      limit = MIN (length, self->temperature);
      if (length > 0)
        {
          node->x += self->dx[i] / length * limit;
          node->y += self->dy[i] / length * limit;
        }
      largest = MAX (largest, limit);
    }

  self->temperature = MAX (self->temperature * COOLING, 0.005f);
  self->steps++;
  return largest;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  AtlasGraph *graph = user_data;

  return g_strcmp0 (atlas_graph_get_node (graph, *(const guint *) a)->id,
                    atlas_graph_get_node (graph, *(const guint *) b)->id);
}

/* Untied nodes on a ring just outside the rest, in the order of their ids. */
static void
seat_untied (AtlasGraphLayout *self)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  g_autoptr(GArray) untied = g_array_new (FALSE, FALSE, sizeof (guint));
  double cx = 0, cy = 0, radius = 0;
  guint tied = 0;

  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);

      if (node->degree == 0 && !node->pinned)
        g_array_append_val (untied, i);
      else
        {
          cx += node->x;
          cy += node->y;
          tied++;
        }
    }
  if (untied->len == 0)
    return;
  if (tied > 0)
    {
      cx /= tied;
      cy /= tied;
    }
  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      if (node->degree > 0 || node->pinned)
        radius = MAX (radius, hypot (node->x - cx, node->y - cy));
    }
  radius += 2.0 + untied->len / (2 * G_PI);

  g_array_sort_with_data (untied, compare_ids, self->graph);
  for (guint k = 0; k < untied->len; k++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, g_array_index (untied, guint, k));
      double angle = 2 * G_PI * k / untied->len;

      node->x = cx + radius * cos (angle);
      node->y = cy + radius * sin (angle);
    }
}

/* Steps until the picture settles or `max_steps` were made. */
guint
atlas_graph_layout_run (AtlasGraphLayout *self,
                        guint             max_steps)
{
  guint done = 0;

  while (done < max_steps)
    {
      done++;
      if (atlas_graph_layout_step (self) < SETTLED)
        break;
    }
  seat_untied (self);
  return done;
}
