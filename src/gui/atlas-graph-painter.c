/* atlas-graph-painter.c: the entity graph as cairo draws it
 *
 * The view paints the scene in a worker, into an image it then shows
 * translated and scaled while panning and zooming: with GTK's cairo
 * renderer a cairo render node is replayed on every frame, which at a few
 * thousand edges costs more than a frame. Exports paint the same scene,
 * with the view's labels and legend, into a PNG or SVG file in a worker
 * (AtlasGraphPicture).
 */
#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-graph-painter.h"
#include "atlas-kinds.h"

#define LEGEND_ROW    20.0
#define LEGEND_PAD    10.0

/* How each kind of tie is drawn, and named in the legend. */
static const struct {
  const char *label;
  double      alpha;
  double      dash;     /* on and off length; 0 for a solid line */
} ties[] = {
  [ATLAS_GRAPH_EDGE_RELATION] = { N_("Relations"), 0.55, 0 },
  [ATLAS_GRAPH_EDGE_COUNTRY] = { N_("Country ties"), 0.3, 4 },
  [ATLAS_GRAPH_EDGE_COMENTION] = { N_("Mentioned together"), 0.12, 0 },
};

/* How a site of the data files is drawn beyond its kind's colour: what is
 * not built yet is a ring, what was shut down is faded, and what the data
 * itself doubts has a dashed edge. Bits of one byte per node. */
enum {
  LOOK_HOLLOW = 1 << 0,
  LOOK_FADED  = 1 << 1,
  LOOK_DASHED = 1 << 2,
  N_LOOKS     = 3,
};

static const char *const look_labels[N_LOOKS] = {
  N_("Planned or being built"),
  N_("Decommissioned"),
  N_("Unlikely"),
};

struct _AtlasGraphScene
{
  guint   n_nodes;
  guint   n_edges;
  float  *xy;
  float  *radius;
  guint8 *kind;
  guint8 *look;
  guint   looks_present;    /* LOOK_ bits */
  guint  *ends;
  guint8 *edge_kind;
  AtlasGraphColors colors;
  guint   kinds_present;    /* bit per AtlasEntityKind */
  guint   ties_present;     /* bit per AtlasGraphEdgeKind */
};

static guint
kind_index (const char *kind)
{
  return atlas_entity_kind_lookup (kind)->kind;
}

static guint8
node_look (const AtlasGraphNode *node)
{
  guint8 look = 0;

  if (g_strcmp0 (node->status, "planned") == 0 || g_strcmp0 (node->status, "under-construction") == 0)
    look |= LOOK_HOLLOW;
  else if (g_strcmp0 (node->status, "decommissioned") == 0)
    look |= LOOK_FADED;
  if (g_strcmp0 (node->certainty, "unlikely") == 0)
    look |= LOOK_DASHED;
  return look;
}

/* One node's disc, whichever way the scene is painted: its kind's colour
 * (a ring of it when hollow), and a ring of the background's colour that
 * keeps overlapping nodes apart, dashed when doubted. */
static void
paint_disc (AtlasGraphScene *scene,
            cairo_t         *cr,
            double           x,
            double           y,
            double           r,
            guint            kind,
            guint8           look,
            double           line_width)
{
  const double *rgb = scene->colors.kinds[kind];

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], look & LOOK_FADED ? 0.35 : 1);
  cairo_fill_preserve (cr);
  atlas_graph_scene_set_background (scene, cr, 1);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
  if (look & LOOK_HOLLOW)
    {
      /* The inside gives way to the background, leaving a thick ring. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, MAX (r - 2.5 * line_width / 1.5, 0.5), 0, 2 * G_PI);
      atlas_graph_scene_set_background (scene, cr, 1);
      cairo_fill (cr);
    }
  if (look & LOOK_DASHED)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + line_width, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 1);
      cairo_set_dash (cr, (double[]) { 2 * line_width / 1.5, 2 * line_width / 1.5 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Less detail when zoomed out: once a typical edge is drawn shorter than
 * 30 pixels, discs shrink with it (to a third at most), or a large graph
 * would be one blot of overlapping discs. */
double
atlas_graph_node_size (double typical_edge,
                       double zoom)
{
  if (typical_edge <= 0)
    return 1;
  return CLAMP (typical_edge * zoom / 30, 0.35, 1);
}

double
atlas_graph_node_radius (const AtlasGraphNode *node,
                         AtlasGraphSizeBy      size_by,
                         double                size)
{
  /* A site's figure on the articles' scale: 1,000 MW or 500,000 H100
   * equivalents reach the largest disc, as a hundred articles do. */
  double units = node->weight;

  if (size_by == ATLAS_GRAPH_SIZE_BY_POWER && !isnan (node->power_mw))
    units = node->power_mw / 10;
  else if (size_by == ATLAS_GRAPH_SIZE_BY_H100E && !isnan (node->h100e))
    units = node->h100e / 5000;
  /* Past a hundred articles a disc grows no more: in a large store the
   * busiest entities would otherwise cover the graph. */
  return (4 + 2.5 * sqrt (CLAMP (units, 0, ATLAS_GRAPH_MAX_WEIGHT_SHOWN))) * size;
}

AtlasGraphScene *
atlas_graph_scene_new (AtlasGraph             *graph,
                       const AtlasGraphColors *colors,
                       AtlasGraphSizeBy        size_by)
{
  AtlasGraphScene *scene = g_atomic_rc_box_new0 (AtlasGraphScene);

  scene->n_nodes = atlas_graph_get_n_nodes (graph);
  scene->n_edges = atlas_graph_get_n_edges (graph);
  scene->xy = g_new (float, 2 * scene->n_nodes);
  scene->radius = g_new (float, scene->n_nodes);
  scene->kind = g_new (guint8, scene->n_nodes);
  scene->look = g_new (guint8, scene->n_nodes);
  scene->ends = g_new (guint, 2 * scene->n_edges);
  scene->edge_kind = g_new (guint8, scene->n_edges);
  scene->colors = *colors;

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);

      scene->xy[2 * i] = node->x;
      scene->xy[2 * i + 1] = node->y;
      scene->radius[i] = atlas_graph_node_radius (node, size_by, 1);
      scene->kind[i] = kind_index (node->kind);
      scene->kinds_present |= 1u << scene->kind[i];
      scene->look[i] = node_look (node);
      scene->looks_present |= scene->look[i];
    }
  for (guint e = 0; e < scene->n_edges; e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

      scene->ends[2 * e] = edge->source;
      scene->ends[2 * e + 1] = edge->target;
      scene->edge_kind[e] = edge->kind;
      scene->ties_present |= 1u << edge->kind;
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
  g_free (scene->look);
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
                        double                   size,
                        const cairo_rectangle_t *area)
{
  double left = area->x, top = area->y;
  double right = area->x + area->width, bottom = area->y + area->height;

  for (int kind = ATLAS_GRAPH_EDGE_RELATION; kind <= ATLAS_GRAPH_EDGE_COMENTION; kind++)
    {

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
      atlas_graph_scene_set_ink (scene, cr, ties[kind].alpha);
      cairo_set_line_width (cr, kind == ATLAS_GRAPH_EDGE_RELATION ? 1.2 : 1.0);
      if (ties[kind].dash > 0)
        cairo_set_dash (cr, (double[]) { ties[kind].dash, 0.75 * ties[kind].dash }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < scene->n_nodes; i++)
    {
      double x = scene->xy[2 * i] * zoom, y = scene->xy[2 * i + 1] * zoom, r = scene->radius[i] * size;

      if (x + r < left || x - r > right || y + r < top || y - r > bottom)
        continue;
      paint_disc (scene, cr, x, y, r, scene->kind[i], scene->look[i], 1.5);
    }
}

/* ---- the painted image --------------------------------------------------
 *
 * Cairo turns a path of thousands of crossing segments into one polygon
 * before filling it, and spends as long again on each small disc: at 5,000
 * nodes that is about half a second. The image is made here instead: edges
 * as one-pixel antialiased lines (Xiaolin Wu's method) and nodes as discs
 * that cairo draws once per kind and size, then copied in node order.
 */

typedef struct
{
  guint32 *pixels;
  int      width;
  int      height;
  int      stride;    /* in pixels */
} Canvas;

/* Premultiplied ARGB, 0–255 each. */
typedef struct { guint a, r, g, b; } Ink;

static Ink
make_ink (const double rgb[3],
          double       alpha)
{
  guint a = (guint) (alpha * 255 + 0.5);

  return (Ink) { a, (guint) (rgb[0] * a + 0.5), (guint) (rgb[1] * a + 0.5), (guint) (rgb[2] * a + 0.5) };
}

/* "Over", with the ink's coverage of the pixel in 0–256. */
static inline void
blend (guint32   *pixel,
       const Ink *ink,
       guint      coverage)
{
  guint32 d = *pixel;
  guint a = ink->a * coverage >> 8;
  guint keep = 255 - a;

  *pixel = (((d >> 24) * keep / 255 + a) << 24) |
           ((((d >> 16) & 255) * keep / 255 + (ink->r * coverage >> 8)) << 16) |
           ((((d >> 8) & 255) * keep / 255 + (ink->g * coverage >> 8)) << 8) |
           ((d & 255) * keep / 255 + (ink->b * coverage >> 8));
}

static inline void
plot (Canvas    *canvas,
      int        x,
      int        y,
      const Ink *ink,
      double     coverage)
{
  if (x >= 0 && y >= 0 && x < canvas->width && y < canvas->height)
    blend (&canvas->pixels[y * canvas->stride + x], ink, (guint) (coverage * 256));
}

/* Clips a segment to the canvas (Liang–Barsky); FALSE when none is left. */
static gboolean
clip_segment (const Canvas *canvas,
              double       *x0,
              double       *y0,
              double       *x1,
              double       *y1)
{
  double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
  const double p[4] = { -dx, dx, -dy, dy };
  const double q[4] = { *x0 + 1, canvas->width - *x0, *y0 + 1, canvas->height - *y0 };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  if (t0 > t1)
    return FALSE;
  *x1 = *x0 + t1 * dx, *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx, *y0 = *y0 + t0 * dy;
  return TRUE;
}

/* `dash`: on and off lengths in pixels, or 0 for a solid line. */
static void
draw_line (Canvas    *canvas,
           double     x0,
           double     y0,
           double     x1,
           double     y1,
           const Ink *ink,
           double     dash_on,
           double     dash_off)
{
  gboolean steep;
  double gradient, step_length, along;

  if (!clip_segment (canvas, &x0, &y0, &x1, &y1))
    return;
  steep = fabs (y1 - y0) > fabs (x1 - x0);
  if (steep)
    {
      double t;
      t = x0, x0 = y0, y0 = t;
      t = x1, x1 = y1, y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
    }
  gradient = x1 - x0 < 1e-9 ? 0 : (y1 - y0) / (x1 - x0);
  step_length = sqrt (1 + gradient * gradient);

  along = 0;
  for (int x = (int) floor (x0 + 0.5); x <= (int) floor (x1 + 0.5); x++, along += step_length)
    {
      double y = y0 + gradient * (x - x0);
      int row = (int) floor (y);
      double below = y - row;

      if (dash_on > 0 && fmod (along, dash_on + dash_off) >= dash_on)
        continue;
      if (steep)
        {
          plot (canvas, row, x, ink, 1 - below);
          plot (canvas, row + 1, x, ink, below);
        }
      else
        {
          plot (canvas, x, row, ink, 1 - below);
          plot (canvas, x, row + 1, ink, below);
        }
    }
}

/* A node's disc with its ring, drawn once by cairo for each kind and size. */
static cairo_surface_t *
disc_sprite (AtlasGraphScene *scene,
             GHashTable      *sprites,
             guint            kind,
             guint8           look,
             double           radius,
             int              scale)
{
  guint key = look << 24 | kind << 16 | (guint) (radius * 4 + 0.5);
  cairo_surface_t *sprite = g_hash_table_lookup (sprites, GUINT_TO_POINTER (key));

  if (sprite == NULL)
    {
      /* Room for the dashed ring outside the disc. */
      int size = (int) ceil (2 * radius + 5 * scale) + 4;
      cairo_t *cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cr = cairo_create (sprite);
      paint_disc (scene, cr, size / 2.0, size / 2.0, radius, kind, look, 1.5 * scale);
      cairo_destroy (cr);
      cairo_surface_flush (sprite);
      g_hash_table_insert (sprites, GUINT_TO_POINTER (key), sprite);
    }
  return sprite;
}

static void
copy_sprite (Canvas          *canvas,
             cairo_surface_t *sprite,
             double           cx,
             double           cy)
{
  int size = cairo_image_surface_get_width (sprite);
  int stride = cairo_image_surface_get_stride (sprite) / 4;
  const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (sprite);
  int left = (int) floor (cx - size / 2.0 + 0.5), top = (int) floor (cy - size / 2.0 + 0.5);

  for (int y = MAX (0, -top); y < size && top + y < canvas->height; y++)
    for (int x = MAX (0, -left); x < size && left + x < canvas->width; x++)
      {
        guint32 s = pixels[y * stride + x];
        Ink ink = { s >> 24, (s >> 16) & 255, (s >> 8) & 255, s & 255 };

        if (ink.a != 0)
          blend (&canvas->pixels[(top + y) * canvas->stride + left + x], &ink, 256);
      }
}

/* The scene over `area`, into an image of `scale` pixels per unit, discs at
 * `size` of their full radius. */
cairo_surface_t *
atlas_graph_scene_render (AtlasGraphScene         *scene,
                          double                   zoom,
                          double                   size,
                          const cairo_rectangle_t *area,
                          int                      scale)
{
  int width = MAX (1, (int) ceil (area->width * scale));
  int height = MAX (1, (int) ceil (area->height * scale));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(GHashTable) sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  Canvas canvas = {
    (guint32 *) cairo_image_surface_get_data (surface), width, height, cairo_image_surface_get_stride (surface) / 4,
  };
  const Ink edge_inks[] = {
    [ATLAS_GRAPH_EDGE_RELATION] = make_ink (scene->colors.ink, ties[ATLAS_GRAPH_EDGE_RELATION].alpha),
    [ATLAS_GRAPH_EDGE_COUNTRY] = make_ink (scene->colors.ink, ties[ATLAS_GRAPH_EDGE_COUNTRY].alpha),
    [ATLAS_GRAPH_EDGE_COMENTION] = make_ink (scene->colors.ink, ties[ATLAS_GRAPH_EDGE_COMENTION].alpha),
  };

  cairo_surface_flush (surface);
#define PX(value, origin) (((value) * zoom - (origin)) * scale)
  for (guint e = 0; e < scene->n_edges; e++)
    {
      const float *a = &scene->xy[2 * scene->ends[2 * e]];
      const float *b = &scene->xy[2 * scene->ends[2 * e + 1]];
      int kind = scene->edge_kind[e];

      draw_line (&canvas, PX (a[0], area->x), PX (a[1], area->y), PX (b[0], area->x), PX (b[1], area->y), &edge_inks[kind],
                 ties[kind].dash * scale, 0.75 * ties[kind].dash * scale);
    }
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      double x = PX (scene->xy[2 * i], area->x), y = PX (scene->xy[2 * i + 1], area->y);
      double r = scene->radius[i] * size * scale;

      if (x + r < 0 || y + r < 0 || x - r > width || y - r > height)
        continue;
      copy_sprite (&canvas, disc_sprite (scene, sprites, scene->kind[i], scene->look[i], r, scale), x, y);
    }
#undef PX
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Sets the source to the view's background, light or dark. */
void
atlas_graph_scene_set_background (AtlasGraphScene *scene,
                                  cairo_t         *cr,
                                  double           alpha)
{
  const double *rgb = scene->colors.background;

  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

void
atlas_graph_scene_set_ink (AtlasGraphScene *scene,
                           cairo_t         *cr,
                           double           alpha)
{
  cairo_set_source_rgba (cr, scene->colors.ink[0], scene->colors.ink[1], scene->colors.ink[2], alpha);
}

/* What the colours mean, for the kinds present: entries in a row that wraps
 * to `max_width`, on a panel that keeps them readable over the edges. With
 * `cr` NULL it only measures. Returns the panel's height, 0 for none. */
double
atlas_graph_scene_paint_legend (AtlasGraphScene *scene,
                                cairo_t         *cr,
                                PangoLayout     *layout,
                                double           max_width,
                                double          *width)
{
  double x = LEGEND_PAD, y = LEGEND_PAD / 2, widest = 0;
  gboolean any = FALSE;

  for (int pass = cr == NULL ? 1 : 0; pass < 2; pass++)
    {
      x = LEGEND_PAD, y = LEGEND_PAD / 2, widest = 0, any = FALSE;
      /* The kinds, then the sites' looks, then the ties. */
      for (guint k = 0; k < ATLAS_N_ENTITY_KINDS + N_LOOKS + G_N_ELEMENTS (ties); k++)
        {
          gboolean is_look = k >= ATLAS_N_ENTITY_KINDS && k < ATLAS_N_ENTITY_KINDS + N_LOOKS;
          gboolean is_tie = k >= ATLAS_N_ENTITY_KINDS + N_LOOKS;
          guint l = k - ATLAS_N_ENTITY_KINDS, t = k - ATLAS_N_ENTITY_KINDS - N_LOOKS;
          int text_width, text_height;
          double entry, sample = is_tie ? 22 : 10;

          if (is_tie ? !(scene->ties_present & (1u << t))
              : is_look ? !(scene->looks_present & (1u << l))
              : !(scene->kinds_present & (1u << k)))
            continue;
          pango_layout_set_text (layout, is_tie ? _(ties[t].label) : is_look ? _(look_labels[l])
                                         : _(atlas_entity_kind_get (k)->plural), -1);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          entry = sample + 6 + text_width + LEGEND_PAD;
          if (any && x + entry > max_width)
            {
              x = LEGEND_PAD;
              y += LEGEND_ROW;
            }
          if (pass == 1 && cr != NULL)
            {
              if (is_tie)
                {
                  cairo_move_to (cr, x, y + LEGEND_ROW / 2);
                  cairo_line_to (cr, x + sample, y + LEGEND_ROW / 2);
                  /* Darker than on the graph, or the faintest would vanish. */
                  atlas_graph_scene_set_ink (scene, cr, MIN (1, 2 * ties[t].alpha));
                  cairo_set_line_width (cr, 1.5);
                  if (ties[t].dash > 0)
                    cairo_set_dash (cr, (double[]) { ties[t].dash, 0.75 * ties[t].dash }, 2, 0);
                  cairo_stroke (cr);
                  cairo_set_dash (cr, NULL, 0, 0);
                }
              else if (is_look)
                paint_disc (scene, cr, x + 5, y + LEGEND_ROW / 2, 5, ATLAS_ENTITY_SITE, 1u << l, 1);
              else
                {
                  cairo_arc (cr, x + 5, y + LEGEND_ROW / 2, 5, 0, 2 * G_PI);
                  cairo_set_source_rgb (cr, scene->colors.kinds[k][0], scene->colors.kinds[k][1], scene->colors.kinds[k][2]);
                  cairo_fill (cr);
                }
              cairo_move_to (cr, x + sample + 4, y + (LEGEND_ROW - text_height) / 2);
              atlas_graph_scene_set_ink (scene, cr, 0.85);
              pango_cairo_show_layout (cr, layout);
            }
          x += entry;
          widest = MAX (widest, x);
          any = TRUE;
        }
      /* The panel goes under the entries: measured first, then painted. */
      if (pass == 0 && any)
        {
          double w = widest, h = y + LEGEND_ROW + LEGEND_PAD / 2;

          cairo_new_path (cr);
          cairo_arc (cr, 6, 6, 6, G_PI, 1.5 * G_PI);
          cairo_arc (cr, w - 6, 6, 6, 1.5 * G_PI, 2 * G_PI);
          cairo_arc (cr, w - 6, h - 6, 6, 0, 0.5 * G_PI);
          cairo_arc (cr, 6, h - 6, 6, 0.5 * G_PI, G_PI);
          cairo_close_path (cr);
          atlas_graph_scene_set_background (scene, cr, 0.85);
          cairo_fill (cr);
        }
    }
  if (width != NULL)
    *width = any ? widest : 0;
  return any ? y + LEGEND_ROW + LEGEND_PAD / 2 : 0;
}

/* ---- pictures for files --------------------------------------------------- */

typedef struct
{
  char  *text;
  double x;
  double y;
} PictureLabel;

struct _AtlasGraphPicture
{
  AtlasGraphScene      *scene;
  GFile                *file;
  gboolean              svg;
  int                   width;
  int                   height;
  int                   scale;
  double                zoom;
  double                size;
  double                pan_x;
  double                pan_y;
  PangoFontDescription *font;
  GArray               *labels;
  GOutputStream        *stream;
  GError               *write_error;
};

void
atlas_graph_picture_free (AtlasGraphPicture *job)
{
  atlas_graph_scene_unref (job->scene);
  g_object_unref (job->file);
  pango_font_description_free (job->font);
  g_array_unref (job->labels);
  g_clear_object (&job->stream);
  g_clear_error (&job->write_error);
  g_free (job);
}

static void
clear_picture_label (gpointer data)
{
  g_free (((PictureLabel *) data)->text);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  AtlasGraphPicture *job = closure;

  if (job->write_error != NULL ||
      !g_output_stream_write_all (job->stream, data, length, NULL, NULL, &job->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* What the view shows, painted again for a file: the background, the
 * scene, the labels with their halos and the legend. */
static void
paint_picture (AtlasGraphPicture *job,
              cairo_t   *cr)
{
  cairo_rectangle_t area = { -job->pan_x - job->width / 2.0, -job->pan_y - job->height / 2.0, job->width, job->height };
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, job->font);
  atlas_graph_scene_set_background (job->scene, cr, 1);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_translate (cr, -area.x, -area.y);
  atlas_graph_scene_draw (job->scene, cr, job->zoom, job->size, &area);
  cairo_restore (cr);

  for (guint p = 0; p < job->labels->len; p++)
    {
      const PictureLabel *label = &g_array_index (job->labels, PictureLabel, p);
      int width, height;

      pango_layout_set_text (layout, label->text, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_rectangle (cr, label->x, label->y, width + 2 * ATLAS_GRAPH_LABEL_PAD, height);
      atlas_graph_scene_set_background (job->scene, cr, 0.8);
      cairo_fill (cr);
      cairo_move_to (cr, label->x + ATLAS_GRAPH_LABEL_PAD, label->y);
      atlas_graph_scene_set_ink (job->scene, cr, 1);
      pango_cairo_show_layout (cr, layout);
    }

  {
    double max_width = job->width - 2 * ATLAS_GRAPH_LEGEND_MARGIN;
    double height = atlas_graph_scene_paint_legend (job->scene, NULL, layout, max_width, NULL);

    cairo_translate (cr, ATLAS_GRAPH_LEGEND_MARGIN, job->height - height - ATLAS_GRAPH_LEGEND_MARGIN);
    atlas_graph_scene_paint_legend (job->scene, cr, layout, max_width, NULL);
  }
  g_object_unref (layout);
}

/* A GTaskThreadFunc: the task's data is the picture, written to its file;
 * the task returns TRUE, or the error. */
void
atlas_graph_picture_write_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  AtlasGraphPicture *job = task_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  GError *error = NULL;
  cairo_t *cr;

  job->stream = G_OUTPUT_STREAM (g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                                 cancellable, &error));
  if (job->stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->svg)
    surface = cairo_svg_surface_create_for_stream (write_to_stream, job, job->width, job->height);
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width * job->scale, job->height * job->scale);
      cairo_surface_set_device_scale (surface, job->scale, job->scale);
    }
  cr = cairo_create (surface);
  paint_picture (job, cr);
  cairo_destroy (cr);
  if (job->svg)
    cairo_surface_finish (surface);
  else
    cairo_surface_write_to_png_stream (surface, write_to_stream, job);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (job->write_error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->write_error));
  else if (status != CAIRO_STATUS_SUCCESS)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
  else if (!g_output_stream_close (job->stream, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* What the view shows, `width` × `height` at `scale`, for `file` (SVG or
 * PNG): the scene as the view places it, then labels added one by one. */
AtlasGraphPicture *
atlas_graph_picture_new (AtlasGraphScene            *scene,
                         GFile                      *file,
                         gboolean                    svg,
                         int                         width,
                         int                         height,
                         int                         scale,
                         double                      zoom,
                         double                      size,
                         double                      pan_x,
                         double                      pan_y,
                         const PangoFontDescription *font)
{
  AtlasGraphPicture *job = g_new0 (AtlasGraphPicture, 1);

  job->scene = atlas_graph_scene_ref (scene);
  job->file = g_object_ref (file);
  job->svg = svg;
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->zoom = zoom;
  job->size = size;
  job->pan_x = pan_x;
  job->pan_y = pan_y;
  job->font = pango_font_description_copy (font);
  job->labels = g_array_new (FALSE, FALSE, sizeof (PictureLabel));
  g_array_set_clear_func (job->labels, clear_picture_label);
  return job;
}

/* A label with its halo, its box's top left corner at (x, y). */
void
atlas_graph_picture_add_label (AtlasGraphPicture *picture,
                               const char        *text,
                               double             x,
                               double             y)
{
  PictureLabel label = { g_strdup (text), x, y };

  g_array_append_val (picture->labels, label);
}
