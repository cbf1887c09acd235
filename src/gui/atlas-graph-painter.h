#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "atlas-graph.h"
#include "atlas-kinds.h"

G_BEGIN_DECLS

/* Room around a label's text, and between the legend and the view's edges. */
#define ATLAS_GRAPH_LABEL_PAD     2.0
#define ATLAS_GRAPH_LEGEND_MARGIN 8.0

/* Discs grow with the articles that mention their entity up to this many. */
#define ATLAS_GRAPH_MAX_WEIGHT_SHOWN 100

/* What a site's disc grows with: the articles that mention it, as every
 * other node's, or its power or its compute (H100 equivalents). */
typedef enum
{
  ATLAS_GRAPH_SIZE_BY_ARTICLES,
  ATLAS_GRAPH_SIZE_BY_POWER,
  ATLAS_GRAPH_SIZE_BY_H100E,
} AtlasGraphSizeBy;

/* What the scene is painted with, read from the view's style on the main
 * thread (a worker must not ask GTK): the text's colour for edges and
 * labels, the background, and a colour per AtlasEntityKind. */
typedef struct
{
  double ink[3];
  double background[3];
  double kinds[ATLAS_N_ENTITY_KINDS][3];
} AtlasGraphColors;

/* A frozen copy of what the graph view draws: positions, sizes, colours and
 * edges. It is immutable, so a worker can paint it while the main thread
 * moves on; everything here is cairo and pango, nothing of GTK's. */
typedef struct _AtlasGraphScene AtlasGraphScene;

/* Where the view's scene is drawn from: a point of the graph at (x, y) lands
 * at (x · zoom, y · zoom) in "zoomed" coordinates; `area` is a rectangle of
 * those. */
AtlasGraphScene *atlas_graph_scene_new          (AtlasGraph        *graph,
                                                 const AtlasGraphColors *colors,
                                                 AtlasGraphSizeBy   size_by);
AtlasGraphScene *atlas_graph_scene_ref          (AtlasGraphScene   *scene);
void             atlas_graph_scene_unref        (AtlasGraphScene   *scene);
void             atlas_graph_scene_draw         (AtlasGraphScene   *scene,
                                                 cairo_t           *cr,
                                                 double             zoom,
                                                 double             size,
                                                 const cairo_rectangle_t *area);
cairo_surface_t *atlas_graph_scene_render       (AtlasGraphScene   *scene,
                                                 double             zoom,
                                                 double             size,
                                                 const cairo_rectangle_t *area,
                                                 int                scale);
double           atlas_graph_scene_paint_legend (AtlasGraphScene   *scene,
                                                 cairo_t           *cr,
                                                 PangoLayout       *layout,
                                                 double             max_width,
                                                 double            *width);
void             atlas_graph_scene_set_ink      (AtlasGraphScene   *scene,
                                                 cairo_t           *cr,
                                                 double             alpha);
void             atlas_graph_scene_set_background (AtlasGraphScene *scene,
                                                   cairo_t         *cr,
                                                   double           alpha);

double           atlas_graph_node_size          (double             typical_edge,
                                                 double             zoom);
double           atlas_graph_node_radius        (const AtlasGraphNode *node,
                                                 AtlasGraphSizeBy   size_by,
                                                 double             size);

/* The view as a picture for a file, painted in a worker. */
typedef struct _AtlasGraphPicture AtlasGraphPicture;

AtlasGraphPicture *atlas_graph_picture_new          (AtlasGraphScene            *scene,
                                                     GFile                      *file,
                                                     gboolean                    svg,
                                                     int                         width,
                                                     int                         height,
                                                     int                         scale,
                                                     double                      zoom,
                                                     double                      size,
                                                     double                      pan_x,
                                                     double                      pan_y,
                                                     const PangoFontDescription *font);
void               atlas_graph_picture_add_label    (AtlasGraphPicture          *picture,
                                                     const char                 *text,
                                                     double                      x,
                                                     double                      y);
void               atlas_graph_picture_free         (AtlasGraphPicture          *picture);
void               atlas_graph_picture_write_thread (GTask                      *task,
                                                     gpointer                    source_object,
                                                     gpointer                    task_data,
                                                     GCancellable               *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGraphScene, atlas_graph_scene_unref)

G_END_DECLS
