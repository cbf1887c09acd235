/* atlas-graph-painter.c: the entity graph as cairo draws it
 *
 * The view paints the scene in a worker, into an image it then shows
 * translated and scaled while panning and zooming: with GTK's cairo
 * renderer a cairo render node is replayed on every frame, which at a few
 * thousand edges costs more than a frame. Exports paint the same scene.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-graph-painter.h"

#define LEGEND_ROW    20.0
#define LEGEND_WIDTH  200.0

static const struct {
  const char *kind;
  const char *label;
  double      rgb[3];
} kinds[] = {
  { "country", N_("Countries"), { 0.18, 0.63, 0.33 } },
  { "company", N_("Companies"), { 0.21, 0.42, 0.85 } },
  { "site", N_("Sites"), { 0.90, 0.58, 0.08 } },
  { "organization", N_("Organizations"), { 0.47, 0.47, 0.50 } },
  { "product", N_("Products"), { 0.57, 0.25, 0.67 } },
  { "person", N_("People"), { 0.80, 0.24, 0.24 } },
};

/* Kinds the importer does not know share the organizations' grey. */
#define OTHER_KIND 3

struct _AtlasGraphScene
{
  guint   n_nodes;
  guint   n_edges;
  float  *xy;
  float  *radius;
  guint8 *kind;
  guint  *ends;
  guint8 *edge_kind;
  double  ink[3];
  gboolean dark;
  guint   kinds_present;    /* bit per entry of `kinds` */
};

static guint
kind_index (const char *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kind, kinds[k].kind) == 0)
      return k;
  return OTHER_KIND;
}

void
atlas_graph_kind_color (const char *kind,
                        double      rgb[3])
{
  guint k = kind_index (kind);

  rgb[0] = kinds[k].rgb[0];
  rgb[1] = kinds[k].rgb[1];
  rgb[2] = kinds[k].rgb[2];
}

double
atlas_graph_node_radius (const AtlasGraphNode *node)
{
  return 4 + 2.5 * sqrt (node->weight);
}

AtlasGraphScene *
atlas_graph_scene_new (AtlasGraph   *graph,
                       const double  ink[3],
                       gboolean      dark)
{
  AtlasGraphScene *scene = g_atomic_rc_box_new0 (AtlasGraphScene);

  scene->n_nodes = atlas_graph_get_n_nodes (graph);
  scene->n_edges = atlas_graph_get_n_edges (graph);
  scene->xy = g_new (float, 2 * scene->n_nodes);
  scene->radius = g_new (float, scene->n_nodes);
  scene->kind = g_new (guint8, scene->n_nodes);
  scene->ends = g_new (guint, 2 * scene->n_edges);
  scene->edge_kind = g_new (guint8, scene->n_edges);
  memcpy (scene->ink, ink, sizeof scene->ink);
  scene->dark = dark;

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      scene->xy[2 * i] = node->x;
      scene->xy[2 * i + 1] = node->y;
      scene->radius[i] = atlas_graph_node_radius (node);
      scene->kind[i] = kind_index (node->kind);
      scene->kinds_present |= 1u << scene->kind[i];
    }
  for (guint e = 0; e < scene->n_edges; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

      scene->ends[2 * e] = edge->source;
      scene->ends[2 * e + 1] = edge->target;
      scene->edge_kind[e] = edge->kind;
    }
  return scene;
}

AtlasGraphScene *
atlas_graph_scene_ref (AtlasGraphScene *scene)
{
  return g_atomic_rc_box_acquire (scene);
}

static void
scene_clear (gpointer data)
{
  AtlasGraphScene *scene = data;

  g_free (scene->xy);
  g_free (scene->radius);
  g_free (scene->kind);
  g_free (scene->ends);
  g_free (scene->edge_kind);
}

void
atlas_graph_scene_unref (AtlasGraphScene *scene)
{
  g_atomic_rc_box_release_full (scene, scene_clear);
}

/* Edges, then nodes on top, of what meets `area`: off-screen shapes cost a
 * comparison, not a stroke. */
void
atlas_graph_scene_draw (AtlasGraphScene         *scene,
                        cairo_t                 *cr,
                        double                   zoom,
                        const cairo_rectangle_t *area)
{
  double left = area->x, top = area->y;
  double right = area->x + area->width, bottom = area->y + area->height;

  for (int kind = ATLAS_GRAPH_EDGE_RELATION; kind <= ATLAS_GRAPH_EDGE_COMENTION; kind++)
    {
      double alpha = kind == ATLAS_GRAPH_EDGE_RELATION ? 0.55 : kind == ATLAS_GRAPH_EDGE_COUNTRY ? 0.3 : 0.12;

      for (guint e = 0; e < scene->n_edges; e++)
        {
          const float *a, *b;
          double ax, ay, bx, by;

          if (scene->edge_kind[e] != kind)
            continue;
          a = &scene->xy[2 * scene->ends[2 * e]];
          b = &scene->xy[2 * scene->ends[2 * e + 1]];
          ax = a[0] * zoom, ay = a[1] * zoom, bx = b[0] * zoom, by = b[1] * zoom;
          if (MAX (ax, bx) < left || MIN (ax, bx) > right || MAX (ay, by) < top || MIN (ay, by) > bottom)
            continue;
          /* Shorter than a pixel: hidden under its nodes anyway. */
          if (fabs (ax - bx) + fabs (ay - by) < 1)
            continue;
          cairo_move_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
        }
      atlas_graph_scene_set_ink (scene, cr, alpha);
      cairo_set_line_width (cr, kind == ATLAS_GRAPH_EDGE_RELATION ? 1.2 : 1.0);
      if (kind == ATLAS_GRAPH_EDGE_COUNTRY)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      double x = scene->xy[2 * i] * zoom, y = scene->xy[2 * i + 1] * zoom, r = scene->radius[i];
      const double *rgb = kinds[scene->kind[i]].rgb;

      if (x + r < left || x - r > right || y + r < top || y - r > bottom)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill_preserve (cr);
      /* A ring of the background's colour keeps overlapping nodes apart. */
      atlas_graph_paint_background (cr, scene->dark, 1);
      cairo_stroke (cr);
    }
}

/* The scene over `area`, into an image of `scale` pixels per unit. */
cairo_surface_t *
atlas_graph_scene_render (AtlasGraphScene         *scene,
                          double                   zoom,
                          const cairo_rectangle_t *area,
                          int                      scale)
{
  int width = MAX (1, (int) ceil (area->width * scale));
  int height = MAX (1, (int) ceil (area->height * scale));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  atlas_graph_scene_draw (scene, cr, zoom, area);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Sets the source to the view's background, light or dark. */
void
atlas_graph_paint_background (cairo_t  *cr,
                              gboolean  dark,
                              double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.14, alpha);
  else
    cairo_set_source_rgba (cr, 0.98, 0.98, 0.98, alpha);
}

gboolean
atlas_graph_scene_is_dark (AtlasGraphScene *scene)
{
  return scene->dark;
}

void
atlas_graph_scene_set_ink (AtlasGraphScene *scene,
                           cairo_t         *cr,
                           double           alpha)
{
  cairo_set_source_rgba (cr, scene->ink[0], scene->ink[1], scene->ink[2], alpha);
}

guint
atlas_graph_scene_get_legend_rows (AtlasGraphScene *scene)
{
  guint rows = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    rows += (scene->kinds_present >> k) & 1;
  return rows;
}

/* What the colours mean, for the kinds present, on a panel that keeps it
 * readable over the edges beneath. */
void
atlas_graph_scene_paint_legend (AtlasGraphScene *scene,
                                cairo_t         *cr,
                                PangoLayout     *layout)
{
  guint rows = atlas_graph_scene_get_legend_rows (scene);
  double y = 8;

  if (rows == 0)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, 10, 10, 6, G_PI, 1.5 * G_PI);
  cairo_arc (cr, LEGEND_WIDTH - 10, 10, 6, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, LEGEND_WIDTH - 10, rows * LEGEND_ROW + 6, 6, 0, 0.5 * G_PI);
  cairo_arc (cr, 10, rows * LEGEND_ROW + 6, 6, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);
  atlas_graph_paint_background (cr, scene->dark, 0.85);
  cairo_fill (cr);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (!(scene->kinds_present & (1u << k)))
        continue;
      cairo_arc (cr, 18, y + 8, 5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, kinds[k].rgb[0], kinds[k].rgb[1], kinds[k].rgb[2]);
      cairo_fill (cr);
      pango_layout_set_text (layout, _(kinds[k].label), -1);
      cairo_move_to (cr, 30, y);
      atlas_graph_scene_set_ink (scene, cr, 0.85);
      pango_cairo_show_layout (cr, layout);
      y += LEGEND_ROW;
    }
}
