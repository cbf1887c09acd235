/* atlas-timeline-view-private.h: what the timeline view's files share, and what tests read of it */
#pragma once

#include "atlas-lanes.h"
#include "atlas-timeline-view.h"

G_BEGIN_DECLS

#define AXIS_HEIGHT     34.0
#define COMPANY_LANES   10
#define LANE_HEIGHT     24.0   /* with room to spare; lanes shrink to */
#define MIN_LANE_HEIGHT 16.0   /* this in a short timeline */
#define DENSITY_HEIGHT  34.0
#define LABELS_WIDTH    128.0
#define MIN_TICK_PIXELS 72.0
#define MIN_BAR_PIXELS  5.0
#define MIN_SPAN        (2 * 86400.0)
#define MAX_SPAN        (200 * 365.25 * 86400.0)

/* The layers, bottom to top. */
typedef enum
{
  ATLAS_TIMELINE_LAYER_AXIS,
  ATLAS_TIMELINE_LAYER_RANGE,
  ATLAS_TIMELINE_LAYER_LANES,
  ATLAS_TIMELINE_LAYER_STRIP,
  ATLAS_N_TIMELINE_LAYERS
} AtlasTimelineLayerId;

#define ATLAS_TIMELINE_REDRAW(layer) (1u << (layer))
#define ATLAS_TIMELINE_REDRAW_ALL    ((1u << ATLAS_N_TIMELINE_LAYERS) - 1)

struct _AtlasTimelineView
{
  GtkWidget       parent_instance;

  AtlasSession   *session;
  AtlasViewState *view_state;
  AtlasTimelineModel *model;
  gboolean        fitted;
  gboolean        moved;   /* the range was chosen by the user, not by fit() */
  GTimeZone      *tz;

  GPtrArray      *events;        /* AtlasEventInfo, by start */
  GPtrArray      *lanes;         /* Lane, top to bottom */
  gboolean        by_company;
  GtkWidget      *lanes_button;
  /* Bottom to top; see atlas-timeline-layer.c. */
  GtkWidget      *layers[ATLAS_N_TIMELINE_LAYERS];

  /* Article counts per bucket, for the edges they were asked for. */
  GArray         *edges;
  GArray         *counts;
  guint           counts_generation;
  guint           generation;    /* bumped when the filter changes */

  double          lane_height;   /* from the height given: see size_allocate */
  double          start;         /* the visible range, seconds since the epoch */
  double          end;
  gint64          today;         /* 0: the clock's */
  double          drag_start;
  double          drag_x;
  double          pointer_x;
  double          pinch_scale;
  /* The markers of the last frame, for clicks and tooltips. */
  GArray         *markers;
  /* The event the keyboard is on (its id and lane; -1: none), and where it
   * stood in the lane's members when last found. */
  gint64          focus_event;
  int             focus_lane;
  guint           focus_member;
  /* A range being chosen by dragging on the article strip or with Shift. */
  gboolean        brushing;
  double          brush_from;
  double          brush_to;
};

/* A marker as drawn: one event, or several merged. */
typedef struct
{
  graphene_rect_t box;
  guint           lane;
  guint           first;    /* position in the lane's members */
  guint           count;
} Marker;

static inline guint
n_lanes (AtlasTimelineView *self)
{
  return self->lanes->len;
}

static inline double
today (AtlasTimelineView *self)
{
  return self->today != 0 ? (double) self->today : g_get_real_time () / (double) G_USEC_PER_SEC;
}

static inline double
plot_width (AtlasTimelineView *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - LABELS_WIDTH);
}

static inline double
x_of (AtlasTimelineView *self,
      double             time)
{
  return LABELS_WIDTH + (time - self->start) / (self->end - self->start) * plot_width (self);
}

static inline double
time_at (AtlasTimelineView *self,
         double             x)
{
  return self->start + (x - LABELS_WIDTH) / plot_width (self) * (self->end - self->start);
}

static inline double
seconds_per_pixel (AtlasTimelineView *self)
{
  return (self->end - self->start) / plot_width (self);
}

static inline double
lane_height (AtlasTimelineView *self)
{
  return self->lane_height > 0 ? self->lane_height : LANE_HEIGHT;
}

static inline double
lanes_bottom (AtlasTimelineView *self)
{
  return AXIS_HEIGHT + n_lanes (self) * lane_height (self);
}

/* atlas-timeline-view.c */
void          _atlas_timeline_view_set_range   (AtlasTimelineView *self,
                                                double             start,
                                                double             end);
GPtrArray    *_atlas_timeline_view_marker_events (AtlasTimelineView *self,
                                                const Marker      *marker);
char         *_atlas_timeline_view_describe_marker (AtlasTimelineView *self,
                                                const Marker      *marker);
void          _atlas_timeline_view_open_marker (AtlasTimelineView *self,
                                                const Marker      *marker);

/* atlas-timeline-view-focus.c */
gboolean      _atlas_timeline_view_key_pressed (AtlasTimelineView *self,
                                                guint              keyval,
                                                guint              keycode,
                                                GdkModifierType    state);
const Marker *_atlas_timeline_view_focused_marker (AtlasTimelineView *self);
void          _atlas_timeline_view_focus_marker (AtlasTimelineView *self,
                                                const Marker      *marker);
void          _atlas_timeline_view_keep_focus  (AtlasTimelineView *self);
void          _atlas_timeline_view_draw_focus  (AtlasTimelineView *self,
                                                GtkSnapshot       *snapshot);

/* atlas-timeline-view-layers.c */
void          _atlas_timeline_view_add_layers (AtlasTimelineView *self);
void          _atlas_timeline_view_redraw     (AtlasTimelineView *self,
                                               guint              layers);
AtlasTimeUnit _atlas_timeline_view_bucket_unit (AtlasTimelineView *self);

/* For tests and benchmarks. */

void       atlas_timeline_view_get_range     (AtlasTimelineView *self,
                                              gint64            *start,
                                              gint64            *end);
AtlasTimeUnit atlas_timeline_view_get_tick_unit (AtlasTimelineView *self);
GStrv      atlas_timeline_view_get_lane_names (AtlasTimelineView *self);
double     atlas_timeline_view_get_x         (AtlasTimelineView *self,
                                              gint64             time);
double     atlas_timeline_view_get_strip_y   (AtlasTimelineView *self);
gboolean   atlas_timeline_view_get_event_point (AtlasTimelineView *self,
                                              gint64             event_id,
                                              graphene_point_t  *point);
guint      atlas_timeline_view_get_strip_total (AtlasTimelineView *self);
guint      atlas_timeline_view_count_markers (AtlasTimelineView *self,
                                              guint              lane,
                                              double            *widest);
char      *atlas_timeline_view_describe_at   (AtlasTimelineView *self,
                                              double             x,
                                              double             y);
gint64     atlas_timeline_view_get_focused_event (AtlasTimelineView *self);

G_END_DECLS
