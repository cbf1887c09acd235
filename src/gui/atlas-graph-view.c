/* atlas-graph-view.c: the entity graph beside the articles
 *
 * The graph of the session's selection comes from an AtlasGraphModel (in
 * the core), built and laid out in a worker, warm started from the
 * positions on screen so a filter change moves the picture as little as it
 * must. Edges and nodes are painted in a worker of the view's own into
 * an image covering the view and a margin around it; frames show that image
 * moved and scaled, so panning and zooming cost a texture whatever the size
 * of the graph, and a new image follows when the old one no longer covers
 * the view sharply. Labels, rings and the legend are drawn on top each frame:
 * they are few, and labels stay crisp at any zoom. Nodes are hit-tested
 * through an array sorted by x.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-background.h"
#include "atlas-kinds.h"
#include "atlas-label-placer.h"
#include "atlas-graph-view-private.h"
#include "atlas-compat.h"
#include "atlas-gui.h"
#include "atlas-palette.h"
#include "atlas-graph-painter.h"
#include "atlas-query.h"


enum {
  PROP_0,
  PROP_SESSION,
  PROP_MODEL,
  PROP_BUSY,
  PROP_EGO,
  PROP_COMENTIONS,
  PROP_SITE_SIZE,
  /* One per toggled AtlasEntityKind, in its order. */
  PROP_SHOW_COUNTRIES,
  PROP_SHOW_COMPANIES,
  PROP_SHOW_SITES,
  PROP_SHOW_ORGANIZATIONS,
  PROP_SHOW_PRODUCTS,
  PROP_SHOW_PEOPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The "site-size" values, by AtlasGraphSizeBy. */
static const char *const site_sizes[] = { "articles", "power", "h100e" };

enum {
  GRAPH_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasGraphView, atlas_graph_view, GTK_TYPE_WIDGET)

/* ---- coordinates -------------------------------------------------------- */

void
_atlas_graph_view_to_view (AtlasGraphView       *self,
                           const AtlasGraphNode *node,
                           double               *x,
                           double               *y)
{
  *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + self->pan_x + node->x * self->zoom;
  *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 + self->pan_y + node->y * self->zoom;
}

/* Whether a node's disc shows in the view, in part at least. */
gboolean
_atlas_graph_view_on_screen (AtlasGraphView *self,
                             guint           index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  double x, y, r = _atlas_graph_view_node_radius (self, node);

  _atlas_graph_view_to_view (self, node, &x, &y);
  return x + r >= 0 && y + r >= 0 &&
         x - r <= gtk_widget_get_width (GTK_WIDGET (self)) && y - r <= gtk_widget_get_height (GTK_WIDGET (self));
}

/* The view's rectangle in zoomed coordinates, grown by `margin` of its size
 * on each side. */
static cairo_rectangle_t
view_area (AtlasGraphView *self,
           double          margin)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  return (cairo_rectangle_t) {
    -self->pan_x - width / 2 - margin * width, -self->pan_y - height / 2 - margin * height,
    width * (1 + 2 * margin), height * (1 + 2 * margin),
  };
}

/* The discs keep their size in the graph's units from the last fit on, so
 * zooming in past it brings them back to full size. */
double
_atlas_graph_view_node_size (AtlasGraphView *self)
{
  double size = atlas_graph_node_size (self->typical_edge, self->zoom);

  if (self->cover_zoom > 0 && self->cover_size < 1)
    size = MIN (size, MAX (self->cover_size * self->zoom / self->cover_zoom, MIN_NODE_SIZE));
  return size;
}

/* A node's disc as drawn now: its measure (articles, or a site's power
 * or compute) at the view's size. */
double
_atlas_graph_view_node_radius (AtlasGraphView       *self,
                               const AtlasGraphNode *node)
{
  return atlas_graph_node_radius (node, self->size_by, _atlas_graph_view_node_size (self));
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  AtlasGraph *graph = user_data;
  float xa = atlas_graph_get_node (graph, *(const guint *) a)->x;
  float xb = atlas_graph_get_node (graph, *(const guint *) b)->x;

  return xa < xb ? -1 : xa > xb;
}

static void
sort_nodes (AtlasGraph       *graph,
            GArray           *order,
            GCompareDataFunc  compare)
{
  guint n = graph ? atlas_graph_get_n_nodes (graph) : 0;

  g_array_set_size (order, n);
  for (guint i = 0; i < n; i++)
    g_array_index (order, guint, i) = i;
  if (n > 0)
    g_array_sort_with_data (order, compare, graph);
}

static void
update_cover (AtlasGraphView *self)
{
  double area = (double) gtk_widget_get_width (GTK_WIDGET (self)) * gtk_widget_get_height (GTK_WIDGET (self));

  self->cover_size = self->disc_area > 0 && area > 0 ? sqrt (MAX_DISC_COVER * area / self->disc_area) : 1;
}

/* After the nodes moved. */
void
_atlas_graph_view_index_nodes (AtlasGraphView *self)
{
  sort_nodes (self->graph, self->by_x, compare_by_x);
  /* Without edges, no length to go by: nodes keep their size. */
  self->typical_edge = self->graph && atlas_graph_get_n_edges (self->graph) > 0
                       ? atlas_graph_median_edge (self->graph, 1000) : 0;
  self->disc_area = 0;
  for (guint i = 0; self->graph != NULL && i < atlas_graph_get_n_nodes (self->graph); i++)
    {
      double r = atlas_graph_node_radius (atlas_graph_get_node (self->graph, i), self->size_by, 1);

      self->disc_area += G_PI * r * r;
    }
  update_cover (self);
}

/* The node under a point of the view, or -1: a binary search on x narrows
 * the candidates to the few within reach. */
int
_atlas_graph_view_hit_test (AtlasGraphView *self,
                            double          x,
                            double          y)
{
  double reach = 4 + 2.5 * sqrt (ATLAS_GRAPH_MAX_WEIGHT_SHOWN) + 2;
  double gx_low, gx_high;
  guint low = 0, high;
  int best = -1;
  double best_d = G_MAXDOUBLE;

  if (self->graph == NULL || self->by_x->len == 0)
    return -1;

  gx_low = (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - self->pan_x - reach) / self->zoom;
  gx_high = (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - self->pan_x + reach) / self->zoom;

  high = self->by_x->len;
  while (low < high)
    {
      guint mid = (low + high) / 2;
      if (atlas_graph_get_node (self->graph, g_array_index (self->by_x, guint, mid))->x < gx_low)
        low = mid + 1;
      else
        high = mid;
    }

  for (guint k = low; k < self->by_x->len; k++)
    {
      guint i = g_array_index (self->by_x, guint, k);
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      double nx, ny, d;

      if (node->x > gx_high)
        break;
      _atlas_graph_view_to_view (self, node, &nx, &ny);
      d = hypot (nx - x, ny - y);
      if (d <= _atlas_graph_view_node_radius (self, node) + 2 && d < best_d)
        {
          best = i;
          best_d = d;
        }
    }
  return best;
}

/* ---- painting ----------------------------------------------------------- */

void
_atlas_graph_view_invalidate (AtlasGraphView *self)
{
  self->generation++;
  g_clear_pointer (&self->scene, atlas_graph_scene_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_graph_view_ink (AtlasGraphView *self,
                       GdkRGBA        *color)
{
  atlas_compat_widget_get_color (GTK_WIDGET (self), color);
}

static AtlasGraphScene *
current_scene (AtlasGraphView *self)
{
  if (self->scene == NULL)
    {
      AtlasGraphColors colors;

      _atlas_graph_view_colors (self, &colors);
      self->scene = atlas_graph_scene_new (self->graph, &colors, self->size_by);
    }
  return self->scene;
}

/* What the painter paints with, from the view's style: a worker cannot ask. */
void
_atlas_graph_view_colors (AtlasGraphView   *self,
                          AtlasGraphColors *colors)
{
  GdkRGBA color;

  _atlas_graph_view_ink (self, &color);
  colors->ink[0] = color.red;
  colors->ink[1] = color.green;
  colors->ink[2] = color.blue;
  atlas_palette_color (GTK_WIDGET (self), "atlas_graph_background", &color);
  colors->background[0] = color.red;
  colors->background[1] = color.green;
  colors->background[2] = color.blue;
  for (guint k = 0; k < ATLAS_N_ENTITY_KINDS; k++)
    {
      atlas_palette_entity_kind (GTK_WIDGET (self), k, &color);
      colors->kinds[k][0] = color.red;
      colors->kinds[k][1] = color.green;
      colors->kinds[k][2] = color.blue;
    }
}

/* Whether the image on screen shows the current state sharply. */
static gboolean
tile_is_current (AtlasGraphView *self)
{
  cairo_rectangle_t view = view_area (self, 0);

  return self->tile != NULL &&
         self->tile_generation == self->generation &&
         self->tile_zoom == self->zoom &&
         self->tile_scale == gtk_widget_get_scale_factor (GTK_WIDGET (self)) &&
         view.x >= self->tile_area.x && view.y >= self->tile_area.y &&
         view.x + view.width <= self->tile_area.x + self->tile_area.width &&
         view.y + view.height <= self->tile_area.y + self->tile_area.height;
}

typedef struct
{
  AtlasGraphScene  *scene;
  cairo_rectangle_t area;
  double            zoom;
  double            size;
  int               scale;
  guint             generation;
} PaintJob;

static void
paint_job_free (gpointer data)
{
  PaintJob *job = data;

  atlas_graph_scene_unref (job->scene);
  g_free (job);
}

static void
paint_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PaintJob *job = task_data;

  g_task_return_pointer (task, atlas_graph_scene_render (job->scene, job->zoom, job->size, &job->area, job->scale),
                         (GDestroyNotify) cairo_surface_destroy);
}

static void
on_painted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (source);
  PaintJob *job = g_task_get_task_data (G_TASK (result));
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GBytes) bytes = NULL;

  self->painting = FALSE;
  if (surface == NULL || g_task_had_error (G_TASK (result)))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->tile);
  g_clear_pointer (&self->tile_surface, cairo_surface_destroy);
  self->tile_surface = cairo_surface_reference (surface);
  self->tile = gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                       GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  self->tile_area = job->area;
  self->tile_zoom = job->zoom;
  self->tile_scale = job->scale;
  self->tile_generation = job->generation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* One painting at a time: when it lands, the next frame asks again if the
 * view has moved on meanwhile. */
static void
start_painting (AtlasGraphView *self)
{
  g_autoptr(GTask) task = NULL;
  PaintJob *job;

  if (self->painting)
    return;

  job = g_new0 (PaintJob, 1);
  job->scene = atlas_graph_scene_ref (current_scene (self));
  job->area = view_area (self, TILE_MARGIN);
  job->zoom = self->zoom;
  job->size = _atlas_graph_view_node_size (self);
  job->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->generation = self->generation;

  self->painting = TRUE;
  task = g_task_new (self, self->paint_cancellable, on_painted, NULL);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, job, paint_job_free);
  atlas_task_run_in_background (task, paint_thread);
}

/* ---- exporting ---------------------------------------------------------- */

/* The current view, as on screen, to a PNG or SVG file, painted in a
 * worker. */
void
atlas_graph_view_export_async (AtlasGraphView      *self,
                               GFile               *file,
                               gboolean             svg,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AtlasGraphPicture *picture;

  g_return_if_fail (ATLAS_IS_GRAPH_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_graph_view_export_async);
  if (self->graph == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no graph to export yet"));
      return;
    }

  picture = atlas_graph_picture_new (current_scene (self), file, svg, gtk_widget_get_width (GTK_WIDGET (self)),
                                     gtk_widget_get_height (GTK_WIDGET (self)),
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)), self->zoom, _atlas_graph_view_node_size (self),
                                     self->pan_x, self->pan_y,
                                     pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  _atlas_graph_view_place_labels (self);
  for (guint p = 0; p < atlas_label_placer_get_n_placed (self->labels); p++)
    {
      const AtlasPlacedLabel *label = atlas_label_placer_get_placed (self->labels, p);

      g_autofree char *text = _atlas_graph_view_node_label (self, label->node);

      atlas_graph_picture_add_label (picture, text, label->box.x, label->box.y);
    }

  g_task_set_task_data (task, picture, (GDestroyNotify) atlas_graph_picture_free);
  atlas_task_run_in_background (task, atlas_graph_picture_write_thread);
}

gboolean
atlas_graph_view_export_finish (AtlasGraphView  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_ring (cairo_t        *cr,
           AtlasGraphView *self,
           int             index,
           double          grow,
           const GdkRGBA  *color,
           double          width)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  double x, y;

  _atlas_graph_view_to_view (self, node, &x, &y);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, _atlas_graph_view_node_radius (self, node) + grow, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* The selected article's entities, a large graph's gatherings, the
 * hovered node and the focused one. */
static void
draw_rings (AtlasGraphView *self,
            GtkSnapshot    *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GHashTableIter iter;
  gpointer id;
  guint index;
  cairo_t *cr;
  guint n = atlas_graph_get_n_nodes (self->graph);
  gboolean gatherings = n > 0 && atlas_graph_get_node (self->graph, n - 1)->gathered > 0;
  GdkRGBA ink;

  if (g_hash_table_size (self->highlight) == 0 && self->hover < 0 && self->focus < 0 && !gatherings)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_hash_table_iter_init (&iter, self->highlight);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (atlas_graph_find (self->graph, id, &index) && _atlas_graph_view_on_screen (self, index))
      draw_ring (cr, self, index, 4, &(GdkRGBA) { 0.98, 0.75, 0.1, 0.95 }, 3);
  /* A gathering has a dashed ring: a crowd, not one entity. A summary
   * puts its gatherings last. */
  _atlas_graph_view_ink (self, &ink);
  cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
  for (guint i = n; i > 0 && atlas_graph_get_node (self->graph, i - 1)->gathered > 0; i--)
    if (_atlas_graph_view_on_screen (self, i - 1))
      draw_ring (cr, self, i - 1, 4, &ink, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  if (self->hover >= 0)
    draw_ring (cr, self, self->hover, 3, &(GdkRGBA) { 0.2, 0.5, 0.95, 0.9 }, 2.5);
  if (self->focus >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    draw_ring (cr, self, self->focus, 3, &(GdkRGBA) { 0.2, 0.5, 0.95, 1 }, 2.5);
  cairo_destroy (cr);
}

/* The legend's height at the bottom of the view, margin included. */
static double
legend_height (AtlasGraphView *self)
{
  graphene_rect_t box;

  if (!_atlas_graph_view_legend_box (self, &box))
    return 0;
  return box.size.height + ATLAS_GRAPH_LEGEND_MARGIN;
}

/* Where the legend goes, bottom left: FALSE when there is none. */
gboolean
_atlas_graph_view_legend_box (AtlasGraphView  *self,
                              graphene_rect_t *box)
{
  g_autoptr(PangoLayout) layout = NULL;
  double max_width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * ATLAS_GRAPH_LEGEND_MARGIN;
  double width, height;

  if (self->graph == NULL)
    return FALSE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  height = atlas_graph_scene_paint_legend (current_scene (self), NULL, layout, max_width, &width);
  if (height <= 0)
    return FALSE;
  graphene_rect_init (box, ATLAS_GRAPH_LEGEND_MARGIN,
                      gtk_widget_get_height (GTK_WIDGET (self)) - height - ATLAS_GRAPH_LEGEND_MARGIN, width, height);
  return TRUE;
}

static void
draw_legend (AtlasGraphView *self,
             GtkSnapshot    *snapshot)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double max_width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * ATLAS_GRAPH_LEGEND_MARGIN;
  graphene_rect_t box;
  cairo_t *cr;

  if (!_atlas_graph_view_legend_box (self, &box))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &box);
  cairo_translate (cr, box.origin.x, box.origin.y);
  atlas_graph_scene_paint_legend (current_scene (self), cr, layout, max_width, NULL);
  cairo_destroy (cr);
}

/* The painted image, moved and scaled to the current view. GTK's cairo
 * renderer copies a texture into a new cairo surface on every frame, so for
 * it the image goes in as a cairo node drawing the surface itself; other
 * renderers upload a texture once and keep it. */
static void
draw_tile (AtlasGraphView *self,
           GtkSnapshot    *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double factor = self->zoom / self->tile_zoom;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (width / 2.0 + self->pan_x + self->tile_area.x * factor,
                                               height / 2.0 + self->pan_y + self->tile_area.y * factor,
                                               self->tile_area.width * factor, self->tile_area.height * factor);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));

  /* Unscaled, on whole pixels: a plain copy, with no filtering. */
  if (factor == 1)
    {
      bounds.origin.x = round (bounds.origin.x);
      bounds.origin.y = round (bounds.origin.y);
    }

  if (GSK_IS_CAIRO_RENDERER (renderer))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_translate (cr, bounds.origin.x, bounds.origin.y);
      cairo_scale (cr, factor / self->tile_scale, factor / self->tile_scale);
      cairo_set_source_surface (cr, self->tile_surface, 0, 0);
      /* Cairo's default filter resamples a shrunk image with a wide kernel,
       * several frames' worth; the sharp image follows soon anyway. */
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_append_texture (snapshot, self->tile, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
atlas_graph_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);

  if (self->graph == NULL || atlas_graph_get_n_nodes (self->graph) == 0)
    {
      gtk_widget_snapshot_child (widget, self->options_button, snapshot);
      return;
    }

  if (self->tile != NULL)
    draw_tile (self, snapshot);
  if (!tile_is_current (self))
    start_painting (self);

  draw_rings (self, snapshot);
  _atlas_graph_view_draw_labels (self, snapshot);
  draw_legend (self, snapshot);
  gtk_widget_snapshot_child (widget, self->whole_button, snapshot);
  gtk_widget_snapshot_child (widget, self->notice, snapshot);
  gtk_widget_snapshot_child (widget, self->options_button, snapshot);
}

/* ---- view changes ------------------------------------------------------- */

void
_atlas_graph_view_fit (AtlasGraphView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  float min_x, min_y, max_x, max_y;
  double bottom;

  if (self->graph == NULL || width <= 0 || height <= 0 ||
      !atlas_graph_get_bounds (self->graph, &min_x, &min_y, &max_x, &max_y))
    return;
  /* Nodes go between the options button and the legend at the bottom. */
  bottom = MAX (FIT_MARGIN, legend_height (self) + 24);
  self->zoom = CLAMP (MIN ((width - 2 * FIT_MARGIN) / MAX (max_x - min_x, 1.0f),
                           MAX (height - FIT_TOP - bottom, 40) / MAX (max_y - min_y, 1.0f)),
                      MIN_ZOOM, MAX_ZOOM);
  self->pan_x = -(min_x + max_x) / 2 * self->zoom;
  self->pan_y = -(min_y + max_y) / 2 * self->zoom + (FIT_TOP - bottom) / 2;
  self->cover_zoom = self->zoom;
  update_cover (self);
  self->fitted = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_graph_view_zoom_around (AtlasGraphView *self,
                               double          factor,
                               double          x,
                               double          y)
{
  double cx = x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);

  self->auto_fit = FALSE;
  /* The graph point under the pointer stays under it. */
  self->pan_x = cx - (cx - self->pan_x) * zoom / self->zoom;
  self->pan_y = cy - (cy - self->pan_y) * zoom / self->zoom;
  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void update_description (AtlasGraphView *self);

/* The focused node is the view state's selected entity, which the Entities
 * table shows too. */
void
_atlas_graph_view_set_focus (AtlasGraphView *self,
                             int             index)
{
  self->focus = index;
  if (self->view_state != NULL && self->graph != NULL && index >= 0)
    atlas_view_state_set_selected_entity (self->view_state, atlas_graph_get_node (self->graph, index)->id);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selected_entity (AtlasGraphView *self)
{
  const char *id = atlas_view_state_get_selected_entity (self->view_state);
  guint index;

  if (self->graph != NULL && id != NULL && atlas_graph_find (self->graph, id, &index) && (int) index != self->focus)
    {
      self->focus = index;
      update_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
update_description (AtlasGraphView *self)
{
  g_autofree char *description = NULL;

  if (self->graph == NULL)
    return;
  if (self->focus >= 0)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, self->focus);
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %'u article; arrows move to its neighbours, Enter filters by it",
                                                  "%s, %s, %'u articles; arrows move to its neighbours, Enter filters by it",
                                                  node->weight), node->name, _(atlas_entity_kind_lookup (node->kind)->label), node->weight);
    }
  else if (self->ego != NULL)
    description = g_strdup_printf (_("Neighbourhood of one entity: %'u entities and %'u ties; Escape shows the whole graph"),
                                   atlas_graph_get_n_nodes (self->graph), atlas_graph_get_n_edges (self->graph));
  else
    description = g_strdup_printf (_("%'u entities and %'u ties"), atlas_graph_get_n_nodes (self->graph),
                                   atlas_graph_get_n_edges (self->graph));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Filtering by a node goes through the window's actions, as the sidebar and
 * the chips do. */
void
_atlas_graph_view_select_node (AtlasGraphView *self,
                               int             index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  const char *action = atlas_filter_group_toggle_action (atlas_entity_kind_lookup (node->kind)->group);

  /* A gathering is no entity to filter by: it opens instead. */
  if (node->gathered > 0)
    {
      if (self->model != NULL)
        atlas_graph_model_show_more (self->model, node->id);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", node->id);
}

/* What the view leaves out: the entities a large graph gathers, and the
 * ties of entities mentioned together in a graph too large for them. */
static void
update_notice (AtlasGraphView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown, total;

  if (self->graph != NULL)
    {
      total = atlas_graph_count_entities (self->graph, &shown);
      if (total > shown)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "Showing the %'u most mentioned of %'u entity; click a gathering to show more",
                                                   "Showing the %'u most mentioned of %'u entities; click a gathering to show more",
                                                   total),
                                shown, total);
      if (self->comentions && atlas_graph_get_comentions_dropped (self->graph))
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Entities mentioned together are tied only in graphs of up to %'u entities: "
                                          "filter the articles to see those ties"),
                                  ATLAS_GRAPH_DEFAULT_MAX_COMENTION_NODES);
        }
    }
  gtk_label_set_text (GTK_LABEL (self->notice), text->str);
  gtk_widget_set_visible (self->notice, text->len > 0);
}

/* ---- the model's graph --------------------------------------------------- */

static void
on_busy (AtlasGraphView *self)
{
  gboolean busy = atlas_graph_view_get_busy (self);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
  /* A first picture follows the layout as it unfolds, until the user moves
   * the view or the build ends. */
  if (busy)
    self->auto_fit = !self->fitted;
  else
    self->auto_fit = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The ego the model shows; the view fits what it shows whenever it changes. */
static void
on_ego (AtlasGraphView *self)
{
  const char *id = atlas_graph_model_get_ego (self->model);

  if (g_strcmp0 (self->ego, id) == 0)
    return;
  g_free (self->ego);
  self->ego = g_strdup (id);
  self->fitted = FALSE;
  gtk_widget_set_visible (self->whole_button, id != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EGO]);
}

/* Shows only an entity and its neighbours, or with NULL the whole graph
 * again. */
void
_atlas_graph_view_set_ego (AtlasGraphView *self,
                           const char     *id)
{
  if (self->model != NULL)
    atlas_graph_model_set_ego (self->model, id);
}

static void
take_graph (AtlasGraphView *self,
            AtlasGraph     *graph)
{
  g_clear_pointer (&self->graph, atlas_graph_unref);
  self->graph = graph;
  self->hover = -1;
  self->focus = graph && atlas_graph_get_n_nodes (graph) > 0 ? 0 : -1;
  _atlas_graph_view_index_nodes (self);
  sort_nodes (self->graph, self->by_importance, atlas_graph_compare_importance);
  g_ptr_array_set_size (self->label_layouts, 0);
  g_ptr_array_set_size (self->label_layouts, graph ? atlas_graph_get_n_nodes (graph) : 0);
  _atlas_graph_view_count_names (self);
  if (self->view_state != NULL)
    on_selected_entity (self);
  update_description (self);
  /* Left out: say what and why rather than leave it unsaid. */
  update_notice (self);
  if (!self->fitted || self->auto_fit)
    _atlas_graph_view_fit (self);
  _atlas_graph_view_invalidate (self);
  g_signal_emit (self, signals[GRAPH_CHANGED], 0);
}

static void
on_graph_changed (AtlasGraphView *self)
{
  AtlasGraph *graph = atlas_graph_model_get_graph (self->model);

  take_graph (self, graph ? atlas_graph_ref (graph) : NULL);
}

static void
on_positions_changed (AtlasGraphView *self)
{
  _atlas_graph_view_index_nodes (self);
  _atlas_graph_view_invalidate (self);
  if (self->auto_fit)
    _atlas_graph_view_fit (self);
}

/* What the graph leaves out: the view's options, the model's build. */
void
_atlas_graph_view_update_options (AtlasGraphView *self)
{
  if (self->model != NULL)
    atlas_graph_model_set_options (self->model, self->hidden_kinds, self->comentions);
}

/* What the rest of the window points at: the entities the filter holds
 * (ticked in the sidebar, picked from a chip) and those of the article being
 * read. */
static void
update_highlight (AtlasGraphView *self)
{
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);
  gint64 id = atlas_view_state_get_selected_article (self->view_state);
  g_autoptr(AtlasArticle) article = id > 0 ? atlas_query_article (self->store, id, FALSE, NULL) : NULL;

  g_hash_table_remove_all (self->highlight);
  for (AtlasFilterGroup group = ATLAS_FILTER_GROUP_COUNTRIES; group <= ATLAS_FILTER_GROUP_ENTITIES; group++)
    {
      GPtrArray *ids = atlas_filter_get_group (filter, group);

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        g_hash_table_add (self->highlight, g_strdup (g_ptr_array_index (ids, i)));
    }
  if (article != NULL)
    {
      GPtrArray *entities = atlas_article_get_entities (article);

      for (guint i = 0; i < entities->len; i++)
        g_hash_table_add (self->highlight, g_strdup (((AtlasEntityRef *) g_ptr_array_index (entities, i))->id));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AtlasSession *
atlas_graph_view_get_session (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), NULL);
  return self->session;
}

/* The session the graph follows, once: set from the window's template. */
void
atlas_graph_view_set_session (AtlasGraphView *self,
                              AtlasSession   *session)
{
  AtlasViewState *view_state;

  g_return_if_fail (ATLAS_IS_GRAPH_VIEW (self));
  g_return_if_fail (session == NULL || ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (session == NULL || self->session == session)
    return;
  view_state = atlas_session_get_view_state (session);
  self->session = g_object_ref (session);
  self->store = g_object_ref (atlas_session_get_store (session));
  self->view_state = g_object_ref (view_state);
  self->model = atlas_graph_model_new (session, self->hidden_kinds, self->comentions);
  g_signal_connect_object (self->model, "graph-changed", G_CALLBACK (on_graph_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "positions-changed", G_CALLBACK (on_positions_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::busy", G_CALLBACK (on_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::ego", G_CALLBACK (on_ego), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "filter-changed", G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-article", G_CALLBACK (update_highlight), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-entity", G_CALLBACK (on_selected_entity), self,
                           G_CONNECT_SWAPPED);
  on_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Shows a graph as it is, positions included, instead of the store's: for
 * benchmarks and pictures of a known graph. */
void
atlas_graph_view_set_graph (AtlasGraphView *self,
                            AtlasGraph     *graph)
{
  g_return_if_fail (ATLAS_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->store == NULL);

  self->fitted = FALSE;
  take_graph (self, atlas_graph_ref (graph));
}

/* What the view shows, made when the session is given; NULL before. */
AtlasGraphModel *
atlas_graph_view_get_model (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), NULL);
  return self->model;
}

AtlasGraph *
atlas_graph_view_get_graph (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), NULL);
  return self->graph;
}

/* The id of the node with the keyboard focus, or NULL. */
const char *
atlas_graph_view_get_focused (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), NULL);
  if (self->graph == NULL || self->focus < 0)
    return NULL;
  return atlas_graph_get_node (self->graph, self->focus)->id;
}

gboolean
atlas_graph_view_get_busy (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), FALSE);
  return self->model != NULL && atlas_graph_model_get_busy (self->model);
}

/* Whether what is on screen shows the graph as it is now, without waiting
 * for a painting. */
/* How much of its full size a disc is drawn at, now. */
double
atlas_graph_view_get_node_size (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), 1);

  return _atlas_graph_view_node_size (self);
}

gboolean
atlas_graph_view_get_painted (AtlasGraphView *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), FALSE);
  return self->graph != NULL && !atlas_graph_view_get_busy (self) && tile_is_current (self);
}

/* Where an entity's node is drawn, in the view's coordinates; FALSE when
 * the graph does not hold it. */
gboolean
atlas_graph_view_get_node_point (AtlasGraphView   *self,
                                 const char       *entity_id,
                                 graphene_point_t *point)
{
  guint index;
  double x, y;

  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (self->graph == NULL || !atlas_graph_find (self->graph, entity_id, &index))
    return FALSE;
  _atlas_graph_view_to_view (self, atlas_graph_get_node (self->graph, index), &x, &y);
  graphene_point_init (point, x, y);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_graph_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  int button_width, button_height, top;

  if (!self->fitted)
    _atlas_graph_view_fit (self);

  /* The options in the top right corner, the way back from an ego network
   * at the top in the middle; the legend has the bottom. */
  gtk_widget_measure (self->options_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
  gtk_widget_measure (self->options_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);
  gtk_widget_allocate (self->options_button, button_width, button_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - button_width - 8, 8)));
  top = 8;
  if (gtk_widget_get_visible (self->whole_button))
    {
      gtk_widget_measure (self->whole_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
      gtk_widget_measure (self->whole_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);
      button_width = MIN (button_width, MAX (0, width - 2 * 48));
      gtk_widget_allocate (self->whole_button, button_width, button_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - button_width) / 2.0, top)));
      top += button_height + 8;
    }
  if (gtk_widget_get_visible (self->notice))
    {
      int notice_width = MAX (0, width - 2 * 48), notice_height;

      gtk_widget_measure (self->notice, GTK_ORIENTATION_VERTICAL, notice_width, NULL, &notice_height, NULL, NULL);
      gtk_widget_allocate (self->notice, notice_width, notice_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (48, top)));
    }
}

static void
atlas_graph_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);

  gtk_widget_measure (self->options_button, orientation, -1, minimum, NULL, NULL, NULL);
  *minimum += 16;
  *natural = MAX (*minimum, 200);
}

static void
atlas_graph_view_dispose (GObject *object)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);

  /* The table beside may hold the model a little longer: nothing of it
   * reaches this view once disposed. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_cancellable_cancel (self->paint_cancellable);
  g_clear_handle_id (&self->labels_source, g_source_remove);
  _atlas_graph_view_cancel_click (self);
  g_clear_object (&self->tile);
  g_clear_pointer (&self->tile_surface, cairo_surface_destroy);
  g_clear_pointer (&self->scene, atlas_graph_scene_unref);
  g_ptr_array_set_size (self->label_layouts, 0);
  g_hash_table_remove_all (self->name_counts);
  g_clear_pointer (&self->graph, atlas_graph_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->view_state);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_GRAPH_VIEW);
  g_clear_pointer (&self->ego, g_free);

  G_OBJECT_CLASS (atlas_graph_view_parent_class)->dispose (object);
}

static void
atlas_graph_view_finalize (GObject *object)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);

  g_array_unref (self->by_x);
  g_array_unref (self->by_importance);
  g_clear_pointer (&self->labels, atlas_label_placer_free);
  g_ptr_array_unref (self->label_layouts);
  g_hash_table_unref (self->name_counts);
  g_hash_table_unref (self->highlight);
  g_object_unref (self->paint_cancellable);

  G_OBJECT_CLASS (atlas_graph_view_parent_class)->finalize (object);
}

static void
atlas_graph_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, atlas_graph_view_get_busy (self));
      break;

    case PROP_EGO:
      g_value_set_string (value, self->ego);
      break;

    case PROP_COMENTIONS:
      g_value_set_boolean (value, self->comentions);
      break;

    case PROP_SITE_SIZE:
      g_value_set_string (value, site_sizes[self->size_by]);
      break;

    case PROP_SHOW_COUNTRIES ... PROP_SHOW_PEOPLE:
      g_value_set_boolean (value, !(self->hidden_kinds & (1u << (prop_id - PROP_SHOW_COUNTRIES))));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_graph_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);
  guint hidden = self->hidden_kinds;
  gboolean comentions = self->comentions;

  switch (prop_id)
    {
    case PROP_SESSION:
      atlas_graph_view_set_session (self, g_value_get_object (value));
      return;

    case PROP_COMENTIONS:
      comentions = g_value_get_boolean (value);
      break;

    case PROP_SITE_SIZE:
      for (guint i = 0; i < G_N_ELEMENTS (site_sizes); i++)
        if (g_strcmp0 (g_value_get_string (value), site_sizes[i]) == 0 && i != self->size_by)
          {
            self->size_by = i;
            g_object_notify_by_pspec (object, pspec);
            /* The discs change, not the graph: sizes, their index and labels anew. */
            if (self->graph != NULL)
              _atlas_graph_view_index_nodes (self);
            _atlas_graph_view_invalidate (self);
          }
      return;

    case PROP_SHOW_COUNTRIES ... PROP_SHOW_PEOPLE:
      if (g_value_get_boolean (value))
        hidden &= ~(1u << (prop_id - PROP_SHOW_COUNTRIES));
      else
        hidden |= 1u << (prop_id - PROP_SHOW_COUNTRIES);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (hidden == self->hidden_kinds && comentions == self->comentions)
    return;
  self->hidden_kinds = hidden;
  self->comentions = comentions;
  g_object_notify_by_pspec (object, pspec);
  _atlas_graph_view_update_options (self);
}

static void
atlas_graph_view_class_init (AtlasGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_graph_view_dispose;
  object_class->finalize = atlas_graph_view_finalize;
  object_class->get_property = atlas_graph_view_get_property;
  object_class->set_property = atlas_graph_view_set_property;
  widget_class->snapshot = atlas_graph_view_snapshot;
  widget_class->measure = atlas_graph_view_measure;
  widget_class->size_allocate = atlas_graph_view_size_allocate;

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-graph-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasGraphView, options_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasGraphView, whole_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasGraphView, notice);
  gtk_widget_class_bind_template_child (widget_class, AtlasGraphView, kinds_section);

  /* What the graph follows; set once. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The graph it shows, for the entities table; made with the session. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ATLAS_TYPE_GRAPH_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EGO] =
    g_param_spec_string ("ego", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMENTIONS] =
    g_param_spec_boolean ("comentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "articles", "power" or "h100e": what a site's disc grows with. */
  properties[PROP_SITE_SIZE] =
    g_param_spec_string ("site-size", NULL, NULL, "articles",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  G_STATIC_ASSERT (PROP_SHOW_PEOPLE - PROP_SHOW_COUNTRIES + 1 == N_TOGGLED_KINDS);
  for (guint k = 0; k < N_TOGGLED_KINDS; k++)
    properties[PROP_SHOW_COUNTRIES + k] =
      g_param_spec_boolean (atlas_entity_kind_get (k)->option, NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A new graph is on screen: a new build's, or the layout's first step. */
  signals[GRAPH_CHANGED] =
    g_signal_new ("graph-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _atlas_graph_view_class_actions_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, atlas_compat_canvas_role ());
}

/* Which kinds the graph shows and whether it ties co-mentioned entities. */
static void
atlas_graph_view_init (AtlasGraphView *self)
{
  self->zoom = 1;
  self->pinch_scale = 1;
  self->dragged = -1;
  self->hover = -1;
  self->focus = -1;
  self->by_x = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_importance = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_layouts = g_ptr_array_new_with_free_func (_atlas_graph_view_clear_layout);
  self->name_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->paint_cancellable = g_cancellable_new ();
  self->highlight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _atlas_graph_view_add_controllers (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (_atlas_graph_view_invalidate), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < N_TOGGLED_KINDS; k++)
    {
      const AtlasEntityKindInfo *kind = atlas_entity_kind_get (k);
      g_autofree char *action = g_strconcat ("graph.", kind->option, NULL);

      g_menu_append (self->kinds_section, _(kind->plural), action);
    }
  /* GTK 4.8 names a menu button by its class, not by its tooltip. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Graph Options"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entity graph"), -1);
}
