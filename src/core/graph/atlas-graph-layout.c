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
#include "atlas-graph-spacing.h"

#include <math.h>

#define THETA          0.9f
#define REPULSION      1.0f
#define GRAVITY        0.02f
#define COOLING        0.95f
#define MIN_DISTANCE   0.01f
#define MAX_TREE_DEPTH 48
/* Below this largest move, in layout units (a typical edge is tens of
 * them), the picture no longer changes visibly. */
#define SETTLED        0.05f
/* The median length the forces give an edge, over the square root of the
 * number of nodes (measured: 1.80–1.86 from 1,000 to 20,000 nodes). */
#define EDGE_LENGTH    1.85f
#define PIVOT_START_MIN_NODES 200
#define PIVOT_COOLING         0.94f
#define COLD_TEMPERATURE      0.5f
#define WARM_TEMPERATURE      0.1f

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
  float       cooling;
  guint       steps;
  /* Where a warm start put the nodes, or NULL after a cold one. */
  float      *start;
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

/* ---- a start with the graph's global shape ------------------------------
 *
 * Force layouts settle into the local shape quickly but fold the global one
 * slowly, and a cold start from scattered points leaves twists in large
 * graphs. Pivot MDS (Brandes and Pich) gives the global shape at once: hop
 * distances from a few well-spread pivots, double centred, projected on
 * their two main axes. The forces then only have to settle it.
 */

#define PIVOTS 50

/* Hop distances from `source`, -1 where it does not reach. */
static void
breadth_first (const guint *offsets,
               const guint *targets,
               guint        n,
               guint        source,
               float       *distance,
               guint       *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    distance[i] = -1;
  distance[source] = 0;
  queue[tail++] = source;
  while (head < tail)
    {
      guint u = queue[head++];

      for (guint k = offsets[u]; k < offsets[u + 1]; k++)
        if (distance[targets[k]] < 0)
          {
            distance[targets[k]] = distance[u] + 1;
            queue[tail++] = targets[k];
          }
    }
}

/* The main axis of the symmetric k × k matrix `m`, orthogonal to `away`
 * when given, by power iteration. */
static void
main_axis (const double *m,
           guint         k,
           const double *away,
           double       *axis,
           guint32       seed)
{
  g_autofree double *next = g_new (double, k);

  for (guint j = 0; j < k; j++)
    axis[j] = (mix (seed + j) & 0xffff) / 65536.0 - 0.5;
  for (guint iteration = 0; iteration < 200; iteration++)
    {
      double norm = 0;

      if (away != NULL)
        {
          double dot = 0;
          for (guint j = 0; j < k; j++)
            dot += axis[j] * away[j];
          for (guint j = 0; j < k; j++)
            axis[j] -= dot * away[j];
        }
      for (guint r = 0; r < k; r++)
        {
          next[r] = 0;
          for (guint c = 0; c < k; c++)
            next[r] += m[r * k + c] * axis[c];
        }
      for (guint j = 0; j < k; j++)
        norm += next[j] * next[j];
      norm = sqrt (norm);
      if (norm == 0)
        return;
      for (guint j = 0; j < k; j++)
        axis[j] = next[j] / norm;
    }
}

static gboolean
pivot_start (AtlasGraphLayout *self,
             guint32           seed)
{
  AtlasGraph *graph = self->graph;
  guint n = atlas_graph_get_n_nodes (graph), n_edges = atlas_graph_get_n_edges (graph);
  guint k = MIN (PIVOTS, n);
  g_autofree guint *offsets = g_new0 (guint, n + 1);
  g_autofree guint *targets = g_new (guint, 2 * MAX (n_edges, 1));
  g_autofree guint *fill = g_new0 (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree float *distance = g_new (float, (gsize) k * n);
  g_autofree float *nearest = g_new (float, n);
  g_autofree double *row_mean = g_new0 (double, n);
  g_autofree double *column_mean = g_new0 (double, k);
  g_autofree double *square = g_new0 (double, (gsize) k * k);
  g_autofree double *first = g_new (double, k);
  g_autofree double *second = g_new (double, k);
  double grand = 0, scale, median;
  float spread = 0;
  guint pivot;

  if (n < 3 || n_edges == 0)
    return FALSE;

  for (guint e = 0; e < n_edges; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);
      offsets[edge->source + 1]++;
      offsets[edge->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    offsets[i + 1] += offsets[i];
  for (guint e = 0; e < n_edges; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);
      targets[offsets[edge->source] + fill[edge->source]++] = edge->target;
      targets[offsets[edge->target] + fill[edge->target]++] = edge->source;
    }

  /* Each pivot is the node farthest from those chosen so far. */
  pivot = mix (seed) % n;
  for (guint i = 0; i < n; i++)
    nearest[i] = G_MAXFLOAT;
  for (guint p = 0; p < k; p++)
    {
      float *d = &distance[(gsize) p * n];
      float farthest = -1, longest = 0;

      breadth_first (offsets, targets, n, pivot, d, queue);
      for (guint i = 0; i < n; i++)
        longest = MAX (longest, d[i]);
      /* Other pieces of the graph: just beyond the farthest reached. */
      for (guint i = 0; i < n; i++)
        if (d[i] < 0)
          d[i] = longest + 1;
      for (guint i = 0; i < n; i++)
        {
          nearest[i] = MIN (nearest[i], d[i]);
          if (nearest[i] > farthest)
            {
              farthest = nearest[i];
              pivot = i;
            }
        }
    }

  /* Double centring of the squared distances. */
  for (guint p = 0; p < k; p++)
    for (guint i = 0; i < n; i++)
      {
        double d2 = (double) distance[(gsize) p * n + i] * distance[(gsize) p * n + i];
        row_mean[i] += d2 / k;
        column_mean[p] += d2 / n;
        grand += d2 / ((double) n * k);
      }
  for (guint p = 0; p < k; p++)
    for (guint i = 0; i < n; i++)
      {
        double d = distance[(gsize) p * n + i];
        distance[(gsize) p * n + i] = (float) (-0.5 * (d * d - row_mean[i] - column_mean[p] + grand));
      }
  for (guint a = 0; a < k; a++)
    for (guint b = a; b < k; b++)
      {
        double sum = 0;
        for (guint i = 0; i < n; i++)
          sum += (double) distance[(gsize) a * n + i] * distance[(gsize) b * n + i];
        square[a * k + b] = square[b * k + a] = sum;
      }
  main_axis (square, k, NULL, first, seed);
  main_axis (square, k, first, second, seed + 7);

  for (guint i = 0; i < n; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      double x = 0, y = 0;

      for (guint p = 0; p < k; p++)
        {
          x += distance[(gsize) p * n + i] * first[p];
          y += distance[(gsize) p * n + i] * second[p];
        }
      node->x = x;
      node->y = y;
    }

  /* To the length the forces give an edge, with a little noise so that
   * nodes the pivots cannot tell apart (leaves of one hub) do not sit on
   * each other. A star's leaves all project to one point, and the median
   * edge is then next to nothing: scaled by its inverse, they were thrown
   * out to 1e30. The noise alone is the start then. */
  for (guint i = 0; i < n; i++)
    spread = MAX (spread, fabsf (atlas_graph_get_node (graph, i)->x) + fabsf (atlas_graph_get_node (graph, i)->y));
  median = atlas_graph_median_edge (graph, 0);
  scale = median > 1e-3 * spread ? EDGE_LENGTH * sqrt (n) / median : 0;
  for (guint i = 0; i < n; i++)
    {
      AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      float jx, jy;

      seeded_point (node->id, seed, &jx, &jy);
      node->x = node->x * scale + jx * 0.25f * EDGE_LENGTH * sqrtf (n);
      node->y = node->y * scale + jy * 0.25f * EDGE_LENGTH * sqrtf (n);
    }
  return TRUE;
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
  self->cooling = COOLING;
  self->dx = g_new0 (float, MAX (n, 1));
  self->dy = g_new0 (float, MAX (n, 1));
  place_nodes (self, seed, previous);
  if (previous == NULL && n >= PIVOT_START_MIN_NODES && pivot_start (self, seed))
    {
      /* The global shape is there already: the forces may cool faster. */
      self->temperature = sqrtf ((float) n) * COLD_TEMPERATURE;
      self->cooling = PIVOT_COOLING;
      return self;
    }
  if (previous != NULL)
    {
      self->start = g_new (float, 2 * MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          self->start[2 * i] = atlas_graph_get_node (graph, i)->x;
          self->start[2 * i + 1] = atlas_graph_get_node (graph, i)->y;
        }
    }
  /* A warm start needs only to settle; a cold one has to unfold. */
  self->temperature = sqrtf ((float) MAX (n, 1)) * (previous != NULL ? WARM_TEMPERATURE : COLD_TEMPERATURE);
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
  g_free (self->start);
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
  float min_x, min_y, max_x, max_y;
  int root;

  g_array_set_size (self->cells, 0);
  atlas_graph_get_bounds (self->graph, &min_x, &min_y, &max_x, &max_y);

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

  self->temperature = MAX (self->temperature * self->cooling, 0.005f);
  self->steps++;
  return largest;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

typedef struct
{
  guint  root;
  guint  size;
  char  *first_id;    /* the smallest id, for a stable order */
  double cx, cy;
  double start_x, start_y;  /* the centre where a warm start put it */
  double radius;
  double shift_x, shift_y;
  gboolean fixed;     /* holds a pinned node: it stays where it is */
} Component;

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const Component *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return g_strcmp0 (x->first_id, y->first_id);
}

/* Pieces of the graph that are not tied to the largest one drift apart, as
 * nothing holds them; left there they shrink the main piece to a dot when
 * the view fits everything. Each that strayed is moved whole onto rings
 * close around the largest, biggest first, in a stable order. */
static void
gather_components (AtlasGraphLayout *self)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  g_autofree guint *parent = g_new (guint, n);
  g_autofree int *slot = g_new (int, n);
  g_autoptr(GArray) components = g_array_new (FALSE, TRUE, sizeof (Component));
  double gap;
  const Component *main_piece;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint e = 0; e < atlas_graph_get_n_edges (self->graph); e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (self->graph, e);
      parent[find_root (parent, edge->source)] = find_root (parent, edge->target);
    }

  for (guint i = 0; i < n; i++)
    slot[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      Component *component;

      if (slot[root] < 0)
        {
          Component fresh = { root };
          slot[root] = components->len;
          g_array_append_val (components, fresh);
        }
      component = &g_array_index (components, Component, slot[root]);
      component->size++;
      component->cx += node->x;
      component->cy += node->y;
      if (self->start != NULL)
        {
          component->start_x += self->start[2 * i];
          component->start_y += self->start[2 * i + 1];
        }
      component->fixed |= node->pinned;
      if (component->first_id == NULL || g_strcmp0 (node->id, component->first_id) < 0)
        component->first_id = node->id;
    }
  if (components->len < 2)
    return;

  for (guint c = 0; c < components->len; c++)
    {
      Component *component = &g_array_index (components, Component, c);
      component->cx /= component->size;
      component->cy /= component->size;
      component->start_x /= component->size;
      component->start_y /= component->size;
    }
  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      Component *component = &g_array_index (components, Component, slot[find_root (parent, i)]);
      component->radius = MAX (component->radius, hypot (node->x - component->cx, node->y - component->cy));
    }

  /* Sorting moves the entries: nodes find theirs by root from here on. */
  g_array_sort (components, compare_components);
  for (guint c = 0; c < components->len; c++)
    slot[g_array_index (components, Component, c).root] = c;

  gap = atlas_graph_median_edge (self->graph, 0);
  main_piece = &g_array_index (components, Component, 0);

  for (guint c = 1; c < components->len; c++)
    {
      Component *component = &g_array_index (components, Component, c);
      double r = MAX (component->radius, gap / 2);
      double dx = component->cx - main_piece->cx, dy = component->cy - main_piece->cy;
      double distance = hypot (dx, dy), bearing, target;

      component->radius = r;
      /* Pinned, or already close beside it (a warm start keeps it where it
       * was); one sitting inside the largest piece would look part of it. */
      if (component->fixed ||
          (distance >= 0.8 * main_piece->radius + r && distance <= main_piece->radius + r + 3 * gap))
        {
          component->shift_x = component->shift_y = 0;
          continue;
        }
      /* Back where a warm start had it beside the largest piece, or else in
       * the direction it strayed, just outside the largest piece; clear of
       * the pieces already moved either way. */
      target = main_piece->radius + gap + r;
      if (self->start != NULL)
        {
          dx = component->start_x - main_piece->start_x;
          dy = component->start_y - main_piece->start_y;
          target = MAX (target, hypot (dx, dy));
        }
      bearing = dx != 0 || dy != 0 ? atan2 (dy, dx) : 2 * G_PI * c / components->len;
      /* Nearest free place: the preferred direction first, then turning
       * either way by one piece's width, then one ring further out. */
      for (guint ring = 0; ring < 100; ring++, target += gap)
        {
          double turn = (2 * r + gap / 2) / target;
          gboolean clear = FALSE;

          for (int k = 0; k <= (int) (G_PI / turn) && !clear; k++)
            for (int side = k == 0 ? 1 : -1; side <= 1 && !clear; side += 2)
              {
                double angle = bearing + side * k * turn;
                double x = main_piece->cx + target * cos (angle), y = main_piece->cy + target * sin (angle);

                clear = TRUE;
                for (guint other = 1; other < c && clear; other++)
                  {
                    const Component *placed = &g_array_index (components, Component, other);
                    clear = hypot (placed->cx + placed->shift_x - x, placed->cy + placed->shift_y - y) >=
                            placed->radius + r + gap / 2;
                  }
                if (clear)
                  bearing = angle;
              }
          if (clear)
            break;
        }
      component->shift_x = main_piece->cx + target * cos (bearing) - component->cx;
      component->shift_y = main_piece->cy + target * sin (bearing) - component->cy;
    }

  for (guint i = 0; i < n; i++)
    {
      guint c = slot[find_root (parent, i)];
      const Component *component = &g_array_index (components, Component, c);
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);

      if (c == 0)
        continue;
      node->x += component->shift_x;
      node->y += component->shift_y;
    }
}

/* Steps until the picture settles or `max_steps` were made. */
guint
atlas_graph_layout_run (AtlasGraphLayout *self,
                        guint             max_steps)
{
  return atlas_graph_layout_run_full (self, max_steps, 0, NULL, NULL, NULL);
}

/* The same, calling `progress` with the graph as it stands every
 * `interval_usec` of work, so that a view can show the layout unfolding;
 * a cancelled run stops at once and leaves the pieces where they are. */
guint
atlas_graph_layout_run_full (AtlasGraphLayout         *self,
                             guint                     max_steps,
                             gint64                    interval_usec,
                             AtlasGraphLayoutProgress  progress,
                             gpointer                  user_data,
                             GCancellable             *cancellable)
{
  gint64 next = g_get_monotonic_time () + interval_usec;
  guint done = 0;

  while (done < max_steps)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return done;
      done++;
      if (atlas_graph_layout_step (self) < SETTLED)
        break;
      if (progress != NULL && g_get_monotonic_time () >= next)
        {
          progress (self->graph, user_data);
          next = g_get_monotonic_time () + interval_usec;
        }
    }
  gather_components (self);
  /* Forces alone leave some nodes exactly on top of each other. */
  atlas_graph_separate_nodes (self->graph);
  return done;
}
