/* atlas-graph-view.c: the entity graph beside the articles
 *
 * The graph of the current filter is built and laid out in a worker, warm
 * started from the positions on screen so a filter change moves the picture
 * as little as it must. Drawing is cached as one render node per zoom level,
 * covering the view and a margin around it: panning only translates it, and
 * an idle graph costs nothing to redraw. Hover and keyboard focus are drawn
 * on top, uncached. Nodes are hit-tested through an array sorted by x.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <cairo-svg.h>
#include <math.h>

#include "atlas-graph-view.h"
#include "atlas-compat.h"
#include "atlas-entity-item.h"
#include "atlas-graph-layout.h"
#include "atlas-query.h"

#define MIN_ZOOM    0.05
#define MAX_ZOOM    40.0
#define MAX_LABELS  12

struct _AtlasGraphView
{
  GtkWidget       parent_instance;

  AtlasStore     *store;
  AtlasViewState *view_state;
  AtlasGraph     *graph;
  GCancellable   *cancellable;
  gboolean        busy;
  gboolean        fitted;

  double          zoom;
  double          pan_x;
  double          pan_y;
  double          drag_pan_x;
  double          drag_pan_y;
  /* The node being dragged, or -1 when the drag pans. */
  int             dragged;
  double          drag_node_x;
  double          drag_node_y;
  double          pointer_x;
  double          pointer_y;

  GskRenderNode  *cache;
  graphene_rect_t cache_area;   /* in "unpanned" view coordinates */
  double          cache_zoom;

  GArray         *by_x;         /* node indices sorted by x */
  GHashTable     *highlight;    /* ids of the selected article's entities */
  int             hover;
  int             focus;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasGraphView, atlas_graph_view, GTK_TYPE_WIDGET)

typedef struct { float r, g, b; } Color;

static Color
kind_color (const char *kind)
{
  if (g_strcmp0 (kind, "country") == 0)
    return (Color) { 0.18f, 0.63f, 0.33f };
  if (g_strcmp0 (kind, "company") == 0)
    return (Color) { 0.21f, 0.42f, 0.85f };
  if (g_strcmp0 (kind, "site") == 0)
    return (Color) { 0.90f, 0.58f, 0.08f };
  if (g_strcmp0 (kind, "product") == 0)
    return (Color) { 0.57f, 0.25f, 0.67f };
  if (g_strcmp0 (kind, "person") == 0)
    return (Color) { 0.80f, 0.24f, 0.24f };
  return (Color) { 0.47f, 0.47f, 0.50f };
}

static double
node_radius (const AtlasGraphNode *node)
{
  return 4 + 2.5 * sqrt (node->weight);
}

/* ---- coordinates -------------------------------------------------------- */

static void
to_view (AtlasGraphView       *self,
         const AtlasGraphNode *node,
         double               *x,
         double               *y)
{
  *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 + self->pan_x + node->x * self->zoom;
  *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 + self->pan_y + node->y * self->zoom;
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
index_nodes (AtlasGraphView *self)
{
  guint n = self->graph ? atlas_graph_get_n_nodes (self->graph) : 0;

  g_array_set_size (self->by_x, n);
  for (guint i = 0; i < n; i++)
    g_array_index (self->by_x, guint, i) = i;
  if (n > 0)
    g_array_sort_with_data (self->by_x, compare_by_x, self->graph);
}

/* The node under a point of the view, or -1: a binary search on x narrows
 * the candidates to the few within reach. */
static int
hit_test (AtlasGraphView *self,
          double          x,
          double          y)
{
  double reach = 4 + 2.5 * sqrt (1000.0);
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
      to_view (self, node, &nx, &ny);
      d = hypot (nx - x, ny - y);
      if (d <= node_radius (node) + 2 && d < best_d)
        {
          best = i;
          best_d = d;
        }
    }
  return best;
}

/* ---- drawing ------------------------------------------------------------ */

static void
invalidate (AtlasGraphView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
foreground (AtlasGraphView *self,
            GdkRGBA        *color)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_label (cairo_t        *cr,
            GtkWidget      *widget,
            const char     *text,
            double          x,
            double          y,
            const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int width, height;

  /* Plain text: names come from feeds. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width / 2.0, y);
  gdk_cairo_set_source_rgba (cr, color);
  pango_cairo_show_layout (cr, layout);
}

static int
compare_importance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const AtlasGraphNode *x = atlas_graph_get_node (user_data, *(const guint *) a);
  const AtlasGraphNode *y = atlas_graph_get_node (user_data, *(const guint *) b);

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  if (x->degree != y->degree)
    return x->degree > y->degree ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/* Labels for the most important nodes and the selected article's entities,
 * each kept only when it does not cover one already placed. */
static void
draw_labels (AtlasGraphView *self,
             cairo_t        *cr,
             const GdkRGBA  *text)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  guint labelled = 0;

  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_importance, self->graph);

  for (guint k = 0; k < n; k++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, g_array_index (order, guint, k));
      g_autoptr(PangoLayout) layout = NULL;
      gboolean lit = g_hash_table_contains (self->highlight, node->id);
      double x = node->x * self->zoom, y = node->y * self->zoom + node_radius (node) + 2;
      graphene_rect_t box;
      gboolean free = TRUE;
      int width, height;

      if (labelled >= MAX_LABELS && !lit)
        continue;

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      /* Plain text: names come from feeds. */
      pango_layout_set_text (layout, node->name, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      box = GRAPHENE_RECT_INIT (x - width / 2.0, y, width, height);
      for (guint p = 0; p < placed->len && free; p++)
        free = !graphene_rect_intersection (&box, &g_array_index (placed, graphene_rect_t, p), NULL);
      if (!free)
        continue;

      g_array_append_val (placed, box);
      labelled++;
      cairo_move_to (cr, box.origin.x, box.origin.y);
      gdk_cairo_set_source_rgba (cr, text);
      pango_cairo_show_layout (cr, layout);
    }
}

/* The graph at the current zoom, centred on the origin of `cr`: for the
 * cached render node and for SVG export alike. */
static void
draw_graph (AtlasGraphView *self,
            cairo_t        *cr)
{
  guint n = atlas_graph_get_n_nodes (self->graph);
  guint n_edges = atlas_graph_get_n_edges (self->graph);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA text;

  foreground (self, &text);

  /* Edges first, one path per kind, so the nodes sit on top. */
  for (int kind = ATLAS_GRAPH_EDGE_RELATION; kind <= ATLAS_GRAPH_EDGE_COMENTION; kind++)
    {
      double alpha = kind == ATLAS_GRAPH_EDGE_RELATION ? 0.55 : kind == ATLAS_GRAPH_EDGE_COUNTRY ? 0.3 : 0.12;

      for (guint e = 0; e < n_edges; e++)
        {
          const AtlasGraphEdge *edge = atlas_graph_get_edge (self->graph, e);
          const AtlasGraphNode *a, *b;

          if ((int) edge->kind != kind)
            continue;
          a = atlas_graph_get_node (self->graph, edge->source);
          b = atlas_graph_get_node (self->graph, edge->target);
          cairo_move_to (cr, a->x * self->zoom, a->y * self->zoom);
          cairo_line_to (cr, b->x * self->zoom, b->y * self->zoom);
        }
      cairo_set_source_rgba (cr, text.red, text.green, text.blue, alpha);
      cairo_set_line_width (cr, kind == ATLAS_GRAPH_EDGE_RELATION ? 1.2 : 1.0);
      if (kind == ATLAS_GRAPH_EDGE_COUNTRY)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      Color color = kind_color (node->kind);
      gboolean lit = g_hash_table_contains (self->highlight, node->id);
      double r = node_radius (node);

      cairo_arc (cr, node->x * self->zoom, node->y * self->zoom, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, color.r, color.g, color.b);
      cairo_fill_preserve (cr);
      if (dark)
        cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      if (lit)
        {
          cairo_arc (cr, node->x * self->zoom, node->y * self->zoom, r + 4, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 0.98, 0.75, 0.1, 0.95);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
    }

  draw_labels (self, cr, &text);
}

static void
render_cache (AtlasGraphView *self,
              int             width,
              int             height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  cairo_t *cr;

  /* The view and one view's width or height around it, so that a pan of
   * less than that needs no new drawing. */
  self->cache_area = GRAPHENE_RECT_INIT (-self->pan_x - width, -self->pan_y - height, 3.0f * width, 3.0f * height);
  self->cache_zoom = self->zoom;

  cr = gtk_snapshot_append_cairo (snapshot, &self->cache_area);
  cairo_translate (cr, width / 2.0, height / 2.0);
  draw_graph (self, cr);
  cairo_destroy (cr);
  self->cache = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The current view, as on screen, to a file. */
gboolean
atlas_graph_view_export (AtlasGraphView  *self,
                         GFile           *file,
                         gboolean         svg,
                         GError         **error)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *path = g_file_get_path (file);

  if (self->graph == NULL || width <= 0 || height <= 0 || path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no graph to export yet"));
      return FALSE;
    }

  if (svg)
    {
      cairo_surface_t *surface = cairo_svg_surface_create (path, width, height);
      cairo_t *cr = cairo_create (surface);
      cairo_status_t status;

      cairo_translate (cr, width / 2.0 + self->pan_x, height / 2.0 + self->pan_y);
      draw_graph (self, cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL || native == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no graph to export yet"));
          return FALSE;
        }
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (!gdk_texture_save_to_png (texture, path))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
          return FALSE;
        }
      return TRUE;
    }
}

static void
draw_ring (GtkSnapshot    *snapshot,
           AtlasGraphView *self,
           int             index,
           const GdkRGBA  *color,
           gboolean        with_label)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  double x, y, r = node_radius (node) + 3;
  graphene_rect_t area;
  GdkRGBA text;
  cairo_t *cr;

  to_view (self, node, &x, &y);
  area = GRAPHENE_RECT_INIT (x - 200, y - r - 4, 400, 2 * r + 40);
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  if (with_label)
    {
      foreground (self, &text);
      draw_label (cr, GTK_WIDGET (self), node->name, x, y + r + 1, &text);
    }
  cairo_destroy (cr);
}

/* What the colours mean, for the kinds present. */
static void
draw_legend (AtlasGraphView *self,
             GtkSnapshot    *snapshot)
{
  static const struct { const char *kind; const char *label; } kinds[] = {
    { "country", N_("Countries") }, { "company", N_("Companies") }, { "site", N_("Sites") },
    { "organization", N_("Organizations") }, { "product", N_("Products") }, { "person", N_("People") },
  };
  gboolean present[G_N_ELEMENTS (kinds)] = { FALSE };
  guint rows = 0;
  GdkRGBA text;
  cairo_t *cr;
  double y = 12;

  for (guint i = 0; i < atlas_graph_get_n_nodes (self->graph); i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      if (g_strcmp0 (atlas_graph_get_node (self->graph, i)->kind, kinds[k].kind) == 0 && !present[k])
        {
          present[k] = TRUE;
          rows++;
        }
  if (rows == 0)
    return;

  foreground (self, &text);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, 180, 20 * rows + 16));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      Color color = kind_color (kinds[k].kind);

      if (!present[k])
        continue;
      cairo_arc (cr, 18, y + 8, 5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, color.r, color.g, color.b);
      cairo_fill (cr);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _(kinds[k].label));
      cairo_move_to (cr, 30, y);
      cairo_set_source_rgba (cr, text.red, text.green, text.blue, 0.8);
      pango_cairo_show_layout (cr, layout);
      y += 20;
    }
  cairo_destroy (cr);
}

static void
atlas_graph_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t view = GRAPHENE_RECT_INIT (-self->pan_x, -self->pan_y, width, height);

  if (self->graph == NULL || atlas_graph_get_n_nodes (self->graph) == 0)
    return;

  if (self->cache != NULL &&
      (self->cache_zoom != self->zoom || !graphene_rect_contains_rect (&self->cache_area, &view)))
    g_clear_pointer (&self->cache, gsk_render_node_unref);
  if (self->cache == NULL)
    render_cache (self, width, height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->pan_x, self->pan_y));
  gtk_snapshot_append_node (snapshot, self->cache);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);

  draw_legend (self, snapshot);

  if (self->hover >= 0)
    draw_ring (snapshot, self, self->hover, &(GdkRGBA) { 0.2, 0.5, 0.95, 0.9 }, TRUE);
  if (self->focus >= 0 && gtk_widget_has_focus (widget))
    draw_ring (snapshot, self, self->focus, &(GdkRGBA) { 0.2, 0.5, 0.95, 1 }, TRUE);
}

/* ---- view changes ------------------------------------------------------- */

static void
fit (AtlasGraphView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  float min_x = G_MAXFLOAT, min_y = G_MAXFLOAT, max_x = -G_MAXFLOAT, max_y = -G_MAXFLOAT;
  guint n = self->graph ? atlas_graph_get_n_nodes (self->graph) : 0;

  if (n == 0 || width <= 0 || height <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);
      min_x = MIN (min_x, node->x);
      min_y = MIN (min_y, node->y);
      max_x = MAX (max_x, node->x);
      max_y = MAX (max_y, node->y);
    }
  self->zoom = CLAMP (MIN ((width - 80) / MAX (max_x - min_x, 1.0f), (height - 80) / MAX (max_y - min_y, 1.0f)),
                      MIN_ZOOM, MAX_ZOOM);
  self->pan_x = -(min_x + max_x) / 2 * self->zoom;
  self->pan_y = -(min_y + max_y) / 2 * self->zoom;
  self->fitted = TRUE;
  invalidate (self);
}

static void
zoom_around (AtlasGraphView *self,
             double          factor,
             double          x,
             double          y)
{
  double cx = x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);

  /* The graph point under the pointer stays under it. */
  self->pan_x = cx - (cx - self->pan_x) * zoom / self->zoom;
  self->pan_y = cy - (cy - self->pan_y) * zoom / self->zoom;
  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void update_description (AtlasGraphView *self);

/* The focused node is the view state's selected entity, which the Entities
 * table shows too. */
static void
set_focus (AtlasGraphView *self,
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
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u article; arrows move to its neighbours, Enter filters by it",
                                                  "%s, %s, %u articles; arrows move to its neighbours, Enter filters by it",
                                                  node->weight), node->name, atlas_entity_kind_label (node->kind), node->weight);
    }
  else
    description = g_strdup_printf (_("%u entities and %u ties"), atlas_graph_get_n_nodes (self->graph),
                                   atlas_graph_get_n_edges (self->graph));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Filtering by a node goes through the window's actions, as the sidebar and
 * the chips do. */
static void
select_node (AtlasGraphView *self,
             int             index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  const char *action = g_strcmp0 (node->kind, "country") == 0 ? "win.toggle-country"
                       : g_strcmp0 (node->kind, "company") == 0 ? "win.toggle-company"
                       : "win.toggle-entity";

  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", node->id);
}

/* ---- building in a worker ----------------------------------------------- */

typedef struct
{
  char        *db_path;
  AtlasFilter *filter;
  AtlasGraph  *previous;
} BuildJob;

static void
build_job_free (gpointer data)
{
  BuildJob *job = data;

  g_free (job->db_path);
  atlas_filter_free (job->filter);
  g_clear_pointer (&job->previous, atlas_graph_unref);
  g_free (job);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildJob *job = task_data;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasGraph) graph = NULL;
  g_autoptr(AtlasGraphLayout) layout = NULL;
  GError *error = NULL;

  store = atlas_store_open (job->db_path, &error);
  if (store != NULL)
    graph = atlas_graph_build (store, job->filter, NULL, &error);
  if (graph == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  layout = atlas_graph_layout_new (graph, 1, job->previous);
  atlas_graph_layout_run (layout, 1000);
  g_task_return_pointer (task, g_steal_pointer (&graph), (GDestroyNotify) atlas_graph_unref);
}

/* The positions on screen, for the worker to start from; a copy, as the
 * worker must not read what the main thread may change. */
static AtlasGraph *
copy_positions (AtlasGraph *graph)
{
  AtlasGraph *copy;

  if (graph == NULL)
    return NULL;
  copy = atlas_graph_new ();
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      AtlasGraphNode *clone = atlas_graph_get_node (copy, atlas_graph_add_node (copy, node->id, NULL, node->kind, NULL, 0));

      clone->x = node->x;
      clone->y = node->y;
      clone->pinned = node->pinned;
    }
  return copy;
}

static void
set_busy (AtlasGraphView *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AtlasGraphView) self = user_data;
  g_autoptr(GError) error = NULL;
  AtlasGraph *graph = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&graph, atlas_graph_unref);
      return;
    }

  g_clear_pointer (&self->graph, atlas_graph_unref);
  self->graph = graph;
  self->hover = -1;
  self->focus = graph && atlas_graph_get_n_nodes (graph) > 0 ? 0 : -1;
  index_nodes (self);
  on_selected_entity (self);
  set_busy (self, FALSE);
  update_description (self);
  if (!self->fitted)
    fit (self);
  invalidate (self);
}

static void
rebuild (AtlasGraphView *self)
{
  GTask *task;
  BuildJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (BuildJob, 1);
  job->db_path = g_strdup (atlas_store_get_path (self->store));
  job->filter = atlas_filter_copy (atlas_view_state_get_filter (self->view_state));
  job->previous = copy_positions (self->graph);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_built, g_object_ref (self));
  g_task_set_task_data (task, job, build_job_free);
  g_task_run_in_thread (task, build_thread);
  g_object_unref (task);
}

static void
on_selected_article (AtlasGraphView *self)
{
  gint64 id = atlas_view_state_get_selected_article (self->view_state);
  g_autoptr(AtlasArticle) article = id > 0 ? atlas_query_article (self->store, id, FALSE, NULL) : NULL;

  g_hash_table_remove_all (self->highlight);
  if (article != NULL)
    {
      GPtrArray *entities = atlas_article_get_entities (article);

      for (guint i = 0; i < entities->len; i++)
        g_hash_table_add (self->highlight, g_strdup (((AtlasEntityRef *) g_ptr_array_index (entities, i))->id));
    }
  invalidate (self);
}

void
atlas_graph_view_bind (AtlasGraphView *self,
                       AtlasStore     *store,
                       AtlasViewState *view_state)
{
  g_return_if_fail (ATLAS_IS_GRAPH_VIEW (self));

  self->store = g_object_ref (store);
  self->view_state = g_object_ref (view_state);
  g_signal_connect_object (view_state, "filter-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-article", G_CALLBACK (on_selected_article), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-entity", G_CALLBACK (on_selected_entity), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
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
  return self->busy;
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
  to_view (self, atlas_graph_get_node (self->graph, index), &x, &y);
  graphene_point_init (point, x, y);
  return TRUE;
}

/* ---- input -------------------------------------------------------------- */

/* A drag that starts on a node moves that node and pins it there (the next
 * layouts keep it); one that starts on the background pans. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasGraphView *self)
{
  self->dragged = hit_test (self, x, y);
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
  if (self->dragged >= 0)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, self->dragged);
      self->drag_node_x = node->x;
      self->drag_node_y = node->y;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AtlasGraphView *self)
{
  if (self->dragged >= 0 && self->graph != NULL)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, self->dragged);

      node->x = self->drag_node_x + dx / self->zoom;
      node->y = self->drag_node_y + dy / self->zoom;
      node->pinned = TRUE;
      invalidate (self);
      return;
    }
  self->pan_x = self->drag_pan_x + dx;
  self->pan_y = self->drag_pan_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AtlasGraphView *self)
{
  /* The x order changed: the hit-testing index follows. */
  if (self->dragged >= 0)
    index_nodes (self);
  self->dragged = -1;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             AtlasGraphView  *self)
{
  /* A press that moved past the click threshold was a drag: GTK does not
   * report it as a release. */
  int index = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    {
      set_focus (self, index);
      select_node (self, index);
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasGraphView           *self)
{
  zoom_around (self, pow (1.15, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          AtlasGraphView *self)
{
  double x, y;
  static double last = 1;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom_around (self, scale / last, x, y);
  last = scale;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasGraphView           *self)
{
  int index = hit_test (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (index != self->hover)
    {
      self->hover = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  int index = keyboard ? self->focus : hit_test (self, x, y);
  const AtlasGraphNode *node;
  g_autofree char *text = NULL;
  g_autofree char *articles = NULL;

  if (index < 0)
    return FALSE;
  node = atlas_graph_get_node (self->graph, index);
  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", node->weight), node->weight);
  text = g_strdup_printf ("%s\n%s%s%s · %s", node->name, atlas_entity_kind_label (node->kind),
                          node->country && g_strcmp0 (node->kind, "country") != 0 ? " · " : "",
                          node->country && g_strcmp0 (node->kind, "country") != 0 ? node->country : "", articles);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The neighbour of the focused node that lies most nearly in the direction
 * of the arrow. */
static int
neighbour_towards (AtlasGraphView *self,
                   double          dx,
                   double          dy)
{
  const AtlasGraphNode *from = atlas_graph_get_node (self->graph, self->focus);
  double best = -0.3;
  int found = -1;

  for (guint e = 0; e < atlas_graph_get_n_edges (self->graph); e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (self->graph, e);
      int other = edge->source == (guint) self->focus ? (int) edge->target
                  : edge->target == (guint) self->focus ? (int) edge->source : -1;
      const AtlasGraphNode *to;
      double vx, vy, length, score;

      if (other < 0)
        continue;
      to = atlas_graph_get_node (self->graph, other);
      vx = to->x - from->x;
      vy = to->y - from->y;
      length = hypot (vx, vy);
      if (length == 0)
        continue;
      score = (vx * dx + vy * dy) / length;
      if (score > best)
        {
          best = score;
          found = other;
        }
    }
  return found;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasGraphView        *self)
{
  double dx = 0, dy = 0;
  int next;

  if (self->graph == NULL || atlas_graph_get_n_nodes (self->graph) == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: dx = -1; break;
    case GDK_KEY_Right: dx = 1; break;
    case GDK_KEY_Up: dy = -1; break;
    case GDK_KEY_Down: dy = 1; break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus >= 0)
        select_node (self, self->focus);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      zoom_around (self, 1.25, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, 0.8, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    case GDK_KEY_Home:
      fit (self);
      return TRUE;
    default:
      return FALSE;
    }

  next = self->focus >= 0 ? neighbour_towards (self, dx, dy) : 0;
  if (next >= 0)
    set_focus (self, next);
  return TRUE;
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  guint index;

  if (self->graph != NULL && atlas_graph_find (self->graph, g_variant_get_string (parameter, NULL), &index))
    {
      set_focus (self, index);
      select_node (self, index);
    }
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  fit (ATLAS_GRAPH_VIEW (widget));
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_graph_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);

  if (!self->fitted)
    fit (self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
atlas_graph_view_dispose (GObject *object)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->graph, atlas_graph_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (atlas_graph_view_parent_class)->dispose (object);
}

static void
atlas_graph_view_finalize (GObject *object)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (object);

  g_array_unref (self->by_x);
  g_hash_table_unref (self->highlight);

  G_OBJECT_CLASS (atlas_graph_view_parent_class)->finalize (object);
}

static void
atlas_graph_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ATLAS_GRAPH_VIEW (object)->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_graph_view_class_init (AtlasGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_graph_view_dispose;
  object_class->finalize = atlas_graph_view_finalize;
  object_class->get_property = atlas_graph_view_get_property;
  widget_class->snapshot = atlas_graph_view_snapshot;
  widget_class->size_allocate = atlas_graph_view_size_allocate;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "graph.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, fit_action);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, atlas_compat_canvas_role ());
}

static void
atlas_graph_view_init (AtlasGraphView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zoom = 1;
  self->dragged = -1;
  self->hover = -1;
  self->focus = -1;
  self->by_x = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entity graph"), -1);
}
