/* atlas-label-placer.c: where the graph's names go, clear of each other
 *
 * Pure geometry, so that it is tested without a display: the view gives the
 * nodes' discs on screen and the size of each name, most important first,
 * and gets back boxes that stay inside the view, never overlap, and keep off
 * the discs of the nodes that matter most. Covering a minor node is allowed:
 * in a dense graph nothing would be left room otherwise.
 */
#include "atlas-label-placer.h"

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
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  self->placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlacedLabel));
  return self;
}

void
atlas_label_placer_free (AtlasLabelPlacer *self)
{
  g_array_unref (self->obstacles);
  g_array_unref (self->placed);
  g_free (self);
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

static gboolean
boxes_meet (const AtlasLabelBox *a,
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

static gboolean
fits (AtlasLabelPlacer    *self,
      const AtlasLabelBox *box,
      guint                owner)
{
  if (box->x < 0 || box->y < 0 || box->x + box->width > self->width || box->y + box->height > self->height)
    return FALSE;
  for (guint p = 0; p < self->placed->len; p++)
    if (boxes_meet (box, &g_array_index (self->placed, AtlasPlacedLabel, p).box))
      return FALSE;
  for (guint k = 0; k < self->obstacles->len; k++)
    {
      const Obstacle *obstacle = &g_array_index (self->obstacles, Obstacle, k);

      /* One pixel of air around a disc. */
      if (obstacle->node != owner && box_meets_disc (box, obstacle->x, obstacle->y, obstacle->radius + 1))
        return FALSE;
    }
  return TRUE;
}

/* Places the name of `node`, a disc of `radius` at (x, y), in a box of
 * `width` × `height`: below the node, else above, right or left. A forced
 * label (the hovered, focused or highlighted node) takes the first place
 * when none is free. TRUE if the label was placed (or was already). */
gboolean
atlas_label_placer_place (AtlasLabelPlacer *self,
                          guint             node,
                          double            x,
                          double            y,
                          double            radius,
                          double            width,
                          double            height,
                          gboolean          forced)
{
  const AtlasLabelBox places[] = {
    { x - width / 2, y + radius, width, height },
    { x - width / 2, y - radius - height, width, height },
    { x + radius, y - height / 2, width, height },
    { x - radius - width, y - height / 2, width, height },
  };
  AtlasPlacedLabel label = { node };

  if (atlas_label_placer_has (self, node))
    return TRUE;
  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    if (fits (self, &places[p], node))
      {
        label.box = places[p];
        g_array_append_val (self->placed, label);
        return TRUE;
      }
  if (!forced)
    return FALSE;
  label.box = places[0];
  g_array_append_val (self->placed, label);
  return TRUE;
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
