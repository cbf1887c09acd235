/* atlas-graph-view-private.h: what the graph view's files share */
#pragma once

#include "atlas-graph-painter.h"
#include "atlas-graph-view.h"
#include "atlas-kinds.h"
#include "atlas-label-placer.h"

G_BEGIN_DECLS

#define MIN_ZOOM     0.05
#define MAX_ZOOM     40.0
/* The painted image reaches this share of the view beyond each side. */
#define TILE_MARGIN  0.25
#define NEW_LAYOUTS_PER_FRAME 6
/* Room kept free of nodes when fitting: the sides, and the options button
 * at the top. */
#define FIT_MARGIN   40.0
/* At "fit" the discs of thousands of entities would be one blot: together
 * they may cover at most this share of the view, and no disc shrinks below
 * MIN_NODE_SIZE of its size. */
#define MAX_DISC_COVER 0.25
#define MIN_NODE_SIZE  0.15
#define FIT_TOP      56.0

struct _AtlasGraphView
{
  GtkWidget         parent_instance;

  AtlasSession     *session;
  AtlasStore       *store;
  AtlasViewState   *view_state;
  AtlasGraph       *graph;
  AtlasGraphModel  *model;
  gboolean          fitted;
  gboolean          auto_fit;

  double            zoom;
  double            pan_x;
  double            pan_y;
  double            drag_pan_x;
  double            drag_pan_y;
  /* The node being dragged, or -1 when the drag pans. */
  int               dragged;
  double            drag_node_x;
  double            drag_node_y;
  double            pointer_x;
  double            pointer_y;
  double            pinch_scale;
  /* A click's filter waits out the double-click time: the first click of a
   * double-click must not filter (see on_released()). */
  guint             click_source;
  char             *clicked_id;

  /* What the painting worker last delivered, and for which state. */
  GdkTexture       *tile;
  cairo_surface_t  *tile_surface;  /* the texture's pixels */
  cairo_rectangle_t tile_area;  /* in zoomed coordinates */
  double            tile_zoom;
  int               tile_scale;
  guint             tile_generation;
  /* Bumped by every change that alters the painted picture. */
  guint             generation;
  AtlasGraphScene  *scene;      /* of the current generation, once needed */
  GCancellable     *paint_cancellable;
  gboolean          painting;

  GArray           *by_x;       /* node indices sorted by x */
  double            typical_edge;
  double            disc_area;  /* of every disc at full size, in square pixels */
  double            cover_size; /* the node size that lets the discs cover MAX_DISC_COVER at fit */
  double            cover_zoom; /* the zoom of that fit */
  GArray           *by_importance;
  GPtrArray        *label_layouts;  /* per node, made when first needed */
  GHashTable       *name_counts;    /* how many nodes have each name */
  AtlasLabelPlacer *labels;     /* placed for the last frame, padding included */
  guint             new_layouts_left;
  gboolean          labels_pending;  /* some were left for the next frame */
  guint             labels_source;
  GHashTable       *highlight;  /* ids of the filter's and the open article's entities */
  int               hover;
  int               focus;

  /* What the graph leaves out: a bit per AtlasEntityKind. */
  guint             hidden_kinds;
  gboolean          comentions;
  AtlasGraphSizeBy  size_by;
  /* The entity whose neighbourhood alone is shown, or NULL. */
  char             *ego;
  GtkWidget        *options_button;
  GtkWidget        *whole_button;
  GtkWidget        *notice;
  GMenu            *kinds_section;
};

/* The kinds the graph's menu shows or hides: all but "other". */
#define N_TOGGLED_KINDS ATLAS_ENTITY_OTHER

void _atlas_graph_view_add_controllers     (AtlasGraphView *self);
void _atlas_graph_view_cancel_click        (AtlasGraphView *self);
void _atlas_graph_view_class_actions_init  (GtkWidgetClass *widget_class);
int  _atlas_graph_view_hit_test            (AtlasGraphView *self,
                                            double          x,
                                            double          y);
void _atlas_graph_view_index_nodes         (AtlasGraphView *self);
void _atlas_graph_view_invalidate          (AtlasGraphView *self);
void _atlas_graph_view_fit                 (AtlasGraphView *self);
void _atlas_graph_view_zoom_around         (AtlasGraphView *self,
                                            double          factor,
                                            double          x,
                                            double          y);
void _atlas_graph_view_set_focus           (AtlasGraphView *self,
                                            int             index);
void _atlas_graph_view_select_node         (AtlasGraphView *self,
                                            int             index);
void _atlas_graph_view_set_ego             (AtlasGraphView *self,
                                            const char     *id);
void _atlas_graph_view_update_options     (AtlasGraphView *self);
void _atlas_graph_view_to_view            (AtlasGraphView       *self,
                                           const AtlasGraphNode *node,
                                           double               *x,
                                           double               *y);
double   _atlas_graph_view_node_size      (AtlasGraphView *self);
double   _atlas_graph_view_node_radius    (AtlasGraphView       *self,
                                           const AtlasGraphNode *node);
gboolean _atlas_graph_view_on_screen      (AtlasGraphView *self,
                                           guint           index);
void     _atlas_graph_view_ink            (AtlasGraphView *self,
                                           GdkRGBA        *color);
void     _atlas_graph_view_colors         (AtlasGraphView   *self,
                                           AtlasGraphColors *colors);
gboolean _atlas_graph_view_legend_box     (AtlasGraphView  *self,
                                           graphene_rect_t *box);

/* atlas-graph-view-labels.c */
void _atlas_graph_view_clear_layout       (gpointer        data);
void _atlas_graph_view_count_names        (AtlasGraphView *self);
char *_atlas_graph_view_node_label        (AtlasGraphView *self,
                                           guint           index);
void _atlas_graph_view_place_labels       (AtlasGraphView *self);
void _atlas_graph_view_draw_labels        (AtlasGraphView *self,
                                           GtkSnapshot    *snapshot);

/* For the tests and benchmarks only. */
void        atlas_graph_view_set_graph    (AtlasGraphView *self,
                                           AtlasGraph     *graph);
const char *atlas_graph_view_get_focused  (AtlasGraphView *self);
gboolean    atlas_graph_view_get_node_point (AtlasGraphView   *self,
                                             const char       *entity_id,
                                             graphene_point_t *point);
gboolean    atlas_graph_view_get_painted  (AtlasGraphView *self);
double      atlas_graph_view_get_node_size (AtlasGraphView *self);
char       *atlas_graph_view_describe     (AtlasGraphView *self,
                                           const char     *entity_id);

G_END_DECLS
