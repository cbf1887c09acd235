/* atlas-label-placer.c: where the graph's names go, clear of each other
 *
 * Pure geometry, so that it is tested without a display: the view gives the
 * boxes it keeps for itself (the legend, its buttons), the nodes' discs on
 * screen and the size of each name, most important first, and gets back
 * boxes that stay inside the view, never overlap each other or a kept box,
 * and keep off the discs of the nodes that matter most. Covering a minor
 * node is allowed: in a dense graph nothing would be left room otherwise.
 * A name the reader asked for (hovered, focused, ringed) may go further
 * from its node, with a leader line; a name that fits nowhere is left out
 * rather than drawn over another.
 */
#include "atlas-label-placer.h"

#include <math.h>

/* How far a wanted name may stray from its node: rings of half a line's
 * height, in eight directions. */
#define LEADER_RINGS 12
#define N_DIRECTIONS 8

typedef struct
{
  guint  node;
  double x;
  double y;
  double radius;
} Obstacle;

struct _AtlasLabelPlacer
{
  double  width;
  double  height;
  GArray *reserved;   /* AtlasLabelBox */
  GArray *obstacles;  /* Obstacle */
  GArray *placed;     /* AtlasPlacedLabel */
};

AtlasLabelPlacer *
atlas_label_placer_new (double view_width,
                        double view_height)
{
  AtlasLabelPlacer *self = g_new0 (AtlasLabelPlacer, 1);

  self->width = view_width;
  self->height = view_height;
  self->reserved = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  self->placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlacedLabel));
  return self;
}

void
atlas_label_placer_free (AtlasLabelPlacer *self)
{
  g_array_unref (self->reserved);
  g_array_unref (self->obstacles);
  g_array_unref (self->placed);
  g_free (self);
}

/* A box of the view that no name may cover (the legend, a button). */
void
atlas_label_placer_reserve (AtlasLabelPlacer    *self,
                            const AtlasLabelBox *box)
{
  g_array_append_val (self->reserved, *box);
}

/* A node's disc that no other node's label may cover. */
void
atlas_label_placer_add_obstacle (AtlasLabelPlacer *self,
                                 guint             node,
                                 double            x,
                                 double            y,
                                 double            radius)
{
  Obstacle obstacle = { node, x, y, radius };

  g_array_append_val (self->obstacles, obstacle);
}

gboolean
atlas_label_placer_has (AtlasLabelPlacer *self,
                        guint             node)
{
  for (guint p = 0; p < self->placed->len; p++)
    if (g_array_index (self->placed, AtlasPlacedLabel, p).node == node)
      return TRUE;
  return FALSE;
}

gboolean
atlas_label_boxes_overlap (const AtlasLabelBox *a,
                           const AtlasLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_meets_disc (const AtlasLabelBox *box,
                double               x,
                double               y,
                double               r)
{
  double nx = CLAMP (x, box->x, box->x + box->width);
  double ny = CLAMP (y, box->y, box->y + box->height);

  return (nx - x) * (nx - x) + (ny - y) * (ny - y) < r * r;
}

/* Whether the segment from (x0, y0) to (x1, y1) passes through the box's
 * inside (Liang–Barsky clipping); touching its edge does not count. */
static gboolean
segment_meets_box (double               x0,
                   double               y0,
                   double               x1,
                   double               y1,
                   const AtlasLabelBox *box)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - box->x, box->x + box->width - x0, y0 - box->y, box->y + box->height - y0 };
  double enter = 0, leave = 1;

  for (guint k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] <= 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        enter = MAX (enter, q[k] / p[k]);
      else
        leave = MIN (leave, q[k] / p[k]);
    }
  return leave - enter > 1e-6;
}

static gboolean
fits (AtlasLabelPlacer       *self,
      const AtlasPlacedLabel *label)
{
  const AtlasLabelBox *box = &label->box;

  if (box->x < 0 || box->y < 0 || box->x + box->width > self->width || box->y + box->height > self->height)
    return FALSE;
  for (guint r = 0; r < self->reserved->len; r++)
    {
      const AtlasLabelBox *kept = &g_array_index (self->reserved, AtlasLabelBox, r);

      if (atlas_label_boxes_overlap (box, kept) ||
          (label->has_leader && segment_meets_box (label->from_x, label->from_y, label->to_x, label->to_y, kept)))
        return FALSE;
    }
  for (guint p = 0; p < self->placed->len; p++)
    {
      const AtlasPlacedLabel *other = &g_array_index (self->placed, AtlasPlacedLabel, p);

      if (atlas_label_boxes_overlap (box, &other->box))
        return FALSE;
      /* No line crosses a name: it would read as struck through. */
      if (label->has_leader && segment_meets_box (label->from_x, label->from_y, label->to_x, label->to_y, &other->box))
        return FALSE;
      if (other->has_leader && segment_meets_box (other->from_x, other->from_y, other->to_x, other->to_y, box))
        return FALSE;
    }
  for (guint k = 0; k < self->obstacles->len; k++)
    {
      const Obstacle *obstacle = &g_array_index (self->obstacles, Obstacle, k);

      /* One pixel of air around a disc. */
      if (obstacle->node != label->node && box_meets_disc (box, obstacle->x, obstacle->y, obstacle->radius + 1))
        return FALSE;
    }
  return TRUE;
}

/* The box of a name `gap` pixels off the rim of a disc in direction
 * `angle` (0 to the right, y down), the box growing away from the node: at
 * a gap of 0 straight down it sits just below, centred. */
static void
candidate (AtlasPlacedLabel *label,
           double            x,
           double            y,
           double            radius,
           double            width,
           double            height,
           double            angle,
           double            gap)
{
  double c = cos (angle), s = sin (angle);
  /* Rounded, so that the four usual places are exact. */
  double ux = fabs (c) < 1e-9 ? 0 : c, uy = fabs (s) < 1e-9 ? 0 : s;
  double px = x + (radius + gap) * ux, py = y + (radius + gap) * uy;

  label->box.width = width;
  label->box.height = height;
  label->box.x = px - width / 2 + ux * width / 2;
  label->box.y = py - height / 2 + uy * height / 2;
  label->has_leader = gap > 0;
  label->from_x = x + radius * ux;
  label->from_y = y + radius * uy;
  label->to_x = CLAMP (label->from_x, label->box.x, label->box.x + label->box.width);
  label->to_y = CLAMP (label->from_y, label->box.y, label->box.y + label->box.height);
}

/* Places the name of `node`, a disc of `radius` at (x, y), in a box of
 * `width` × `height`: below the node, else above, right, left, then the
 * four corners. A wanted name (one the reader looks at) is also tried
 * further out, ring after ring, with a leader line. TRUE if the label was
 * placed (or was already); FALSE if it fits nowhere. */
gboolean
atlas_label_placer_place (AtlasLabelPlacer *self,
                          guint             node,
                          double            x,
                          double            y,
                          double            radius,
                          double            width,
                          double            height,
                          gboolean          wanted)
{
  /* Below, above, right, left, then the corners. */
  static const double directions[N_DIRECTIONS] = {
    G_PI / 2, -G_PI / 2, 0, G_PI, G_PI / 4, 3 * G_PI / 4, -G_PI / 4, -3 * G_PI / 4,
  };
  guint rings = wanted ? LEADER_RINGS : 0;
  AtlasPlacedLabel label = { node };

  if (atlas_label_placer_has (self, node))
    return TRUE;
  for (guint ring = 0; ring <= rings; ring++)
    for (guint d = 0; d < N_DIRECTIONS; d++)
      {
        candidate (&label, x, y, radius, width, height, directions[d], ring * height / 2);
        if (fits (self, &label))
          {
            g_array_append_val (self->placed, label);
            return TRUE;
          }
      }
  return FALSE;
}

guint
atlas_label_placer_get_n_placed (AtlasLabelPlacer *self)
{
  return self->placed->len;
}

const AtlasPlacedLabel *
atlas_label_placer_get_placed (AtlasLabelPlacer *self,
                               guint             i)
{
  g_return_val_if_fail (i < self->placed->len, NULL);
  return &g_array_index (self->placed, AtlasPlacedLabel, i);
}
