/* atlas-timeline-view.c: when things happened, under the articles and graph
 *
 * Events of the filtered articles, one lane per kind, over a time axis whose
 * ticks follow the zoom (decades down to days) on the user's calendar, with
 * the number of articles per bucket in a strip below. A date known only to
 * its month or year is drawn as a span over that month or year. Markers that
 * would overlap are merged into one with a count. The events of the
 * session's selection are read in a worker with its own connection; the
 * article counts come from the selection in memory. The drawing is in
 * layers (atlas-timeline-view-layers.c); this file holds the data, the
 * input and the actions.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-background.h"
#include "atlas-latest-job.h"
#include "atlas-timeline-view-private.h"
#include "atlas-event-format.h"
#include "atlas-kinds.h"
#include "atlas-lanes.h"
#include "atlas-compat.h"
#include "atlas-gui.h"
#include "atlas-query.h"

enum {
  PROP_0,
  PROP_SESSION,
  PROP_MODEL,
  PROP_BUSY,
  PROP_LANES,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasTimelineView, atlas_timeline_view, GTK_TYPE_WIDGET)

/* ---- the model's events ------------------------------------------------ */

static void update_description (AtlasTimelineView *self);
static void fit (AtlasTimelineView *self);

static void
build_lanes (AtlasTimelineView *self)
{
  /* Markers point into the lanes: none stand until the next frame. */
  g_array_set_size (self->markers, 0);
  g_ptr_array_set_size (self->lanes, 0);
  if (self->events != NULL)
    {
      g_clear_pointer (&self->lanes, g_ptr_array_unref);
      self->lanes = self->by_company ? atlas_lanes_by_company (self->events, COMPANY_LANES)
                                     : atlas_lanes_by_kind (self->events);
    }
  _atlas_timeline_view_keep_focus (self);
  if (self->events == NULL)
    return;
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_LANES));
}

static void
on_busy (AtlasTimelineView *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY,
                               atlas_timeline_model_get_busy (self->model), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_events (AtlasTimelineView *self)
{
  GPtrArray *events = atlas_timeline_model_get_events (self->model);
  guint lanes_before = n_lanes (self);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events ? g_ptr_array_ref (events) : NULL;
  build_lanes (self);
  /* An empty store fits nothing: the first events that arrive (the corpus
   * imported on first run) are fitted then, and again after each import
   * until the user moves the view, since a read during an import may have
   * seen only its first feeds. */
  if (!self->fitted && self->events != NULL && self->events->len > 0)
    fit (self);
  update_description (self);
  /* The height follows the lanes; a resize would lay out the whole window
   * again at each filter change. */
  if (n_lanes (self) != lanes_before)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW_ALL);
}

/* New articles may reach further back or ahead: fit them, unless the user
 * chose the range. The selection that follows reloads the events. */
static void
on_store_changed (AtlasTimelineView *self)
{
  if (!self->moved)
    self->fitted = FALSE;
}

/* ---- view changes ------------------------------------------------------- */

void
_atlas_timeline_view_set_range (AtlasTimelineView *self,
                                double             start,
                                double             end)
{
  double span = CLAMP (end - start, MIN_SPAN, MAX_SPAN);
  double middle = (start + end) / 2;

  self->start = middle - span / 2;
  self->end = middle + span / 2;
  self->moved = TRUE;
  update_description (self);
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW_ALL);
}

/* Everything from the first event to today, with a margin. */
static void
fit (AtlasTimelineView *self)
{
  double now = today (self);
  double first = now - 2 * 365.25 * 86400, last = now;

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (self->events, i);
      first = MIN (first, event->starts);
      last = MAX (last, event->ends);
    }
  _atlas_timeline_view_set_range (self, first - (last - first) * 0.04, last + (last - first) * 0.04);
  self->fitted = TRUE;
  self->moved = FALSE;
}

static void
zoom_around (AtlasTimelineView *self,
             double             factor,
             double             x)
{
  double pivot = time_at (self, x);

  _atlas_timeline_view_set_range (self, pivot - (pivot - self->start) * factor, pivot + (self->end - pivot) * factor);
}

static void
update_description (AtlasTimelineView *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *description = NULL;
  AtlasTimeUnit unit = atlas_time_unit_for_scale (seconds_per_pixel (self), MIN_TICK_PIXELS);

  if (self->events == NULL)
    return;
  first = atlas_time_tick_format (unit, (gint64) self->start, G_MININT64, self->tz);
  last = atlas_time_tick_format (unit, (gint64) self->end, G_MININT64, self->tz);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event; showing %s to %s",
                                              "%'u events; showing %s to %s", self->events->len),
                                 self->events->len, first, last);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
atlas_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  /* Lanes close up in a short timeline (a phone's, a narrow window's),
   * which then leaves the articles and the graph more room. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) LABELS_WIDTH + 100;
  else
    {
      *minimum = (int) (AXIS_HEIGHT + MAX (1, n_lanes (self)) * MIN_LANE_HEIGHT + DENSITY_HEIGHT + 6);
      *natural = (int) (AXIS_HEIGHT + MAX (1, n_lanes (self)) * LANE_HEIGHT + DENSITY_HEIGHT + 6);
    }
}

/* ---- input -------------------------------------------------------------- */

/* A drag on the article strip, or with Shift anywhere, chooses a range; any
 * other drag pans. */
static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               AtlasTimelineView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->drag_start = self->start;
  self->drag_x = x;
  self->brushing = x >= LABELS_WIDTH && (y >= lanes_bottom (self) || (state & GDK_SHIFT_MASK));
  self->brush_from = self->brush_to = time_at (self, x);
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                AtlasTimelineView *self)
{
  double span = self->end - self->start;
  double start = self->drag_start - dx * seconds_per_pixel (self);

  if (self->brushing)
    {
      self->brush_to = time_at (self, self->drag_x + dx);
      _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_RANGE));
      return;
    }
  _atlas_timeline_view_set_range (self, start, start + span);
}

/* The range chosen becomes the filter's, on whole buckets. */
static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             AtlasTimelineView *self)
{
  AtlasTimeUnit unit = _atlas_timeline_view_bucket_unit (self);
  gint64 since, until;

  if (!self->brushing)
    return;
  self->brushing = FALSE;
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_RANGE));
  if (fabs (dx) < 3)
    return;
  since = atlas_time_unit_floor (unit, (gint64) MIN (self->brush_from, self->brush_to), self->tz);
  until = atlas_time_unit_next (unit, atlas_time_unit_floor (unit, (gint64) MAX (self->brush_from, self->brush_to),
                                                             self->tz), self->tz);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-date-range", "(xx)", since, until);
}

static const Marker *
marker_at (AtlasTimelineView *self,
           double             x,
           double             y)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);

      if (graphene_rect_contains_point (&marker->box, &GRAPHENE_POINT_INIT (x, y)))
        return marker;
    }
  return NULL;
}

/* The events of a marker, in order. */
GPtrArray *
_atlas_timeline_view_marker_events (AtlasTimelineView *self,
                                    const Marker      *marker)
{
  const AtlasLane *lane = g_ptr_array_index (self->lanes, marker->lane);
  GPtrArray *events = g_ptr_array_new ();

  for (guint m = marker->first; m < marker->first + marker->count; m++)
    g_ptr_array_add (events, g_ptr_array_index (self->events, g_array_index (lane->members, guint, m)));
  return events;
}

/* What an event's tooltip says: date with its precision, kind, title,
 * amount and quantity, and the entities by name. */
static void
describe_event (AtlasTimelineView    *self,
                GString              *text,
                const AtlasEventInfo *event)
{
  g_autofree char *date = atlas_partial_date_format (&event->date);

  g_string_append_printf (text, "%s · %s\n%s", date, atlas_event_kind_label (event->kind),
                          event->title ? event->title : _("Untitled"));
  if (!isnan (event->amount))
    {
      g_autofree char *amount = atlas_format_amount (event->amount, event->currency);
      g_string_append_printf (text, "\n%s", amount);
    }
  if (!isnan (event->quantity))
    {
      g_autofree char *quantity = atlas_format_quantity (event->quantity, event->quantity_unit);
      g_string_append_printf (text, "\n%s", quantity);
    }
  if (event->n_entities > 0)
    {
      g_autofree char *names = atlas_event_info_entity_list (event);
      g_string_append_printf (text, "\n%s", names);
    }
}

/* What a marker says in its tooltip, and to a screen reader when the
 * keyboard reaches it. */
char *
_atlas_timeline_view_describe_marker (AtlasTimelineView *self,
                                      const Marker      *marker)
{
  g_autoptr(GPtrArray) events = _atlas_timeline_view_marker_events (self, marker);
  GString *text = g_string_new (NULL);

  if (events->len == 1)
    describe_event (self, text, g_ptr_array_index (events, 0));
  else
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u event; click to zoom in", "%'u events; click to zoom in",
                                                 events->len), events->len);
      for (guint i = 0; i < events->len && i < 6; i++)
        g_string_append_printf (text, "\n• %s", ((AtlasEventInfo *) g_ptr_array_index (events, i))->title);
    }
  return g_string_free (text, FALSE);
}

/* The tooltip's text for the marker at a point, or NULL. */
char *
atlas_timeline_view_describe_at (AtlasTimelineView *self,
                                 double             x,
                                 double             y)
{
  const Marker *marker;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);
  marker = marker_at (self, x, y);
  return marker != NULL ? _atlas_timeline_view_describe_marker (self, marker) : NULL;
}

/* The marker under the pointer, or the one the keyboard is on. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  const Marker *marker = keyboard ? _atlas_timeline_view_focused_marker (self) : marker_at (self, x, y);
  g_autofree char *text = marker != NULL ? _atlas_timeline_view_describe_marker (self, marker) : NULL;

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  if (keyboard)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { marker->box.origin.x, marker->box.origin.y,
                                                         marker->box.size.width, marker->box.size.height });
  return TRUE;
}

/* Zooms in on merged markers, centred on where their events begin (their
 * diamonds, whatever their spans), by up to eight times a click: enough to
 * part them in a click or two, not so much that the context is lost. */
static void
zoom_into_group (AtlasTimelineView *self,
                 GPtrArray         *events)
{
  double start = G_MAXDOUBLE, end = -G_MAXDOUBLE, width;

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (events, i);

      start = MIN (start, event->starts);
      end = MAX (end, event->starts);
    }
  width = MAX ((end - start) * 2, (self->end - self->start) / 8);
  _atlas_timeline_view_set_range (self, (start + end - width) / 2, (start + end + width) / 2);
}

/* Opens a marker: one event selects its article (the reader opens it and
 * the graph rings its entities); merged ones are zoomed in on. */
void
_atlas_timeline_view_open_marker (AtlasTimelineView *self,
                                  const Marker      *marker)
{
  g_autoptr(GPtrArray) events = _atlas_timeline_view_marker_events (self, marker);
  const AtlasEventInfo *event = g_ptr_array_index (events, 0);

  if (events->len > 1)
    zoom_into_group (self, events);
  else if (self->view_state != NULL && event->article_id > 0)
    atlas_view_state_set_selected_article (self->view_state, event->article_id);
}

/* A click opens the marker under it, which the keyboard is on from then. */
static void
on_released (GtkGestureClick   *gesture,
             int                n_press,
             double             x,
             double             y,
             AtlasTimelineView *self)
{
  const Marker *marker = marker_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (marker == NULL)
    return;
  _atlas_timeline_view_focus_marker (self, marker);
  _atlas_timeline_view_open_marker (self, marker);
}

/* Pinching zooms around the middle of the fingers, by the change since the
 * last report: the gesture gives its scale since it began. */
static void
on_pinch (GtkGestureZoom    *gesture,
          double             scale,
          AtlasTimelineView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) && scale > 0)
    zoom_around (self, self->pinch_scale / scale, MAX (x, LABELS_WIDTH));
  self->pinch_scale = scale;
}

static void
on_pinch_begin (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                AtlasTimelineView *self)
{
  self->pinch_scale = 1;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasTimelineView        *self)
{
  self->pointer_x = x;
}

/* Scrolling zooms around the time under the pointer. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasTimelineView        *self)
{
  zoom_around (self, pow (1.2, dy), MAX (self->pointer_x, LABELS_WIDTH));
  return TRUE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  zoom_around (self, 1 / g_variant_get_double (parameter), LABELS_WIDTH + plot_width (self) / 2);
}

/* Moves the view by a share of its width: negative to the past. */
static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  double shift = g_variant_get_double (parameter) * (self->end - self->start);

  _atlas_timeline_view_set_range (self, self->start + shift, self->end + shift);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  fit (ATLAS_TIMELINE_VIEW (widget));
}

/* ---- public ------------------------------------------------------------- */

/* Markers of the article being read or the entity selected are ringed. */
static void
redraw_lanes (AtlasTimelineView *self)
{
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_LANES));
}

/* The article strip is counted from the selection, the band is the
 * filter's dates; the events, if they change, come from the model. */
static void
on_selection_changed (AtlasTimelineView *self,
                      AtlasSession      *session)
{
  self->generation++;
  _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_STRIP) |
                                     ATLAS_TIMELINE_REDRAW (ATLAS_TIMELINE_LAYER_RANGE));
}

AtlasSession *
atlas_timeline_view_get_session (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);
  return self->session;
}

/* The session the timeline follows, once: set from the window's template. */
void
atlas_timeline_view_set_session (AtlasTimelineView *self,
                                 AtlasSession      *session)
{
  AtlasViewState *view_state;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (session == NULL || self->session == session)
    return;
  view_state = atlas_session_get_view_state (session);
  self->session = g_object_ref (session);
  self->view_state = g_object_ref (view_state);
  self->model = atlas_timeline_model_new (session);
  g_signal_connect_object (self->model, "notify::events", G_CALLBACK (on_events), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::busy", G_CALLBACK (on_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "selection-changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (atlas_session_get_store (session), "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-article", G_CALLBACK (redraw_lanes), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view_state, "notify::selected-entity", G_CALLBACK (redraw_lanes), self,
                           G_CONNECT_SWAPPED);
  on_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* What the view shows, made when the session is given; NULL before. */
AtlasTimelineModel *
atlas_timeline_view_get_model (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);
  return self->model;
}

/* TRUE until the events of the session's selection are in. */
gboolean
atlas_timeline_view_get_busy (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), FALSE);
  return self->model != NULL && atlas_timeline_model_get_busy (self->model);
}

GPtrArray *
atlas_timeline_view_get_events (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);
  return self->events;
}

void
atlas_timeline_view_get_range (AtlasTimelineView *self,
                               gint64            *start,
                               gint64            *end)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));
  *start = (gint64) self->start;
  *end = (gint64) self->end;
}

/* Where a time is drawn, and where the article strip is, in the view's
 * coordinates. */
double
atlas_timeline_view_get_x (AtlasTimelineView *self,
                           gint64             time)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);
  return x_of (self, time);
}

double
atlas_timeline_view_get_strip_y (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);
  return lanes_bottom (self) + DENSITY_HEIGHT / 2;
}

/* Where the marker holding an event was drawn in the last frame. */
gboolean
atlas_timeline_view_get_event_point (AtlasTimelineView *self,
                                     gint64             event_id,
                                     graphene_point_t  *point)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), FALSE);

  for (guint m = 0; m < self->markers->len; m++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, m);
      g_autoptr(GPtrArray) events = _atlas_timeline_view_marker_events (self, marker);

      for (guint i = 0; i < events->len; i++)
        if (((AtlasEventInfo *) g_ptr_array_index (events, i))->id == event_id)
          {
            graphene_point_init (point, marker->box.origin.x + 7, marker->box.origin.y + lane_height (self) / 2);
            return TRUE;
          }
    }
  return FALSE;
}

/* How many articles the article strip counted when last drawn, in all its
 * buckets. */
guint
atlas_timeline_view_get_strip_total (AtlasTimelineView *self)
{
  guint total = 0;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);
  for (guint i = 0; self->counts != NULL && i < self->counts->len; i++)
    total += g_array_index (self->counts, guint, i);
  return total;
}

/* How many markers the last frame drew in a lane, and the widest's width. */
guint
atlas_timeline_view_count_markers (AtlasTimelineView *self,
                                   guint              lane,
                                   double            *widest)
{
  guint count = 0;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);
  *widest = 0;
  for (guint m = 0; m < self->markers->len; m++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, m);

      if (marker->lane != lane)
        continue;
      count++;
      *widest = MAX (*widest, marker->box.size.width);
    }
  return count;
}

/* The lanes' names, top to bottom. */
GStrv
atlas_timeline_view_get_lane_names (AtlasTimelineView *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv names;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);
  for (guint i = 0; i < self->lanes->len; i++)
    g_strv_builder_add (builder, ((AtlasLane *) g_ptr_array_index (self->lanes, i))->label);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

AtlasTimeUnit
atlas_timeline_view_get_tick_unit (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), ATLAS_TIME_YEAR);
  return atlas_time_unit_for_scale (seconds_per_pixel (self), MIN_TICK_PIXELS);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_timeline_view_dispose (GObject *object)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (object);

  /* The table beside may hold the model a little longer: nothing of it
   * reaches this view once disposed. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TIMELINE_VIEW);
  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    g_clear_pointer (&self->layers[i], gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_object (&self->view_state);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (atlas_timeline_view_parent_class)->dispose (object);
}

static void
atlas_timeline_view_finalize (GObject *object)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (object);

  g_time_zone_unref (self->tz);
  g_array_unref (self->markers);
  g_ptr_array_unref (self->lanes);

  G_OBJECT_CLASS (atlas_timeline_view_parent_class)->finalize (object);
}

static void
atlas_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ATLAS_TIMELINE_VIEW (object)->session);
      break;

    case PROP_MODEL:
      g_value_set_object (value, ATLAS_TIMELINE_VIEW (object)->model);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, atlas_timeline_view_get_busy (ATLAS_TIMELINE_VIEW (object)));
      break;

    case PROP_LANES:
      g_value_set_string (value, ATLAS_TIMELINE_VIEW (object)->by_company ? "company" : "kind");
      break;

    case PROP_TODAY:
      g_value_set_int64 (value, ATLAS_TIMELINE_VIEW (object)->today);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atlas_timeline_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_TODAY:
      self->today = g_value_get_int64 (value);
      _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW_ALL);
      break;

    case PROP_LANES:
      {
        gboolean by_company = g_strcmp0 (g_value_get_string (value), "company") == 0;

        if (by_company == self->by_company)
          return;
        self->by_company = by_company;
        build_lanes (self);
        g_object_notify_by_pspec (object, pspec);
        gtk_widget_queue_resize (GTK_WIDGET (self));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The layers, then the button above the lanes' names. */
static void
atlas_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    gtk_widget_snapshot_child (widget, self->layers[i], snapshot);
  _atlas_timeline_view_draw_focus (self, snapshot);
  gtk_widget_snapshot_child (widget, self->lanes_button, snapshot);
}

/* The layers draw with the view's colours and font. */
static void
atlas_timeline_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_timeline_view_parent_class)->css_changed (widget, change);
  _atlas_timeline_view_redraw (ATLAS_TIMELINE_VIEW (widget), ATLAS_TIMELINE_REDRAW_ALL);
}

static void
atlas_timeline_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  int button_width, button_height;
  double lanes = CLAMP ((height - AXIS_HEIGHT - DENSITY_HEIGHT - 6) / MAX (1, n_lanes (self)), MIN_LANE_HEIGHT,
                        LANE_HEIGHT);

  if (lanes != self->lane_height)
    {
      self->lane_height = lanes;
      _atlas_timeline_view_redraw (self, ATLAS_TIMELINE_REDRAW_ALL);
    }
  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    gtk_widget_allocate (self->layers[i], width, height, -1, NULL);
  gtk_widget_measure (self->lanes_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
  gtk_widget_measure (self->lanes_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);
  gtk_widget_allocate (self->lanes_button, MIN (button_width, (int) LABELS_WIDTH - 8), button_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (4, 0)));
}

static void
atlas_timeline_view_class_init (AtlasTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_view_dispose;
  object_class->finalize = atlas_timeline_view_finalize;
  object_class->get_property = atlas_timeline_view_get_property;
  object_class->set_property = atlas_timeline_view_set_property;
  widget_class->snapshot = atlas_timeline_view_snapshot;
  widget_class->css_changed = atlas_timeline_view_css_changed;
  widget_class->measure = atlas_timeline_view_measure;
  widget_class->size_allocate = atlas_timeline_view_size_allocate;

  /* What the timeline follows; set once. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The events it shows, for the events table; made with the session. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ATLAS_TYPE_TIMELINE_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "kind": a lane per kind of event; "company": a lane per company. */
  properties[PROP_LANES] =
    g_param_spec_string ("lanes", NULL, NULL, "kind", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where the today marker stands and fitting ends, in seconds since the
   * epoch; 0 for the clock's time. Pictures of a known day set it. */
  properties[PROP_TODAY] =
    g_param_spec_int64 ("today", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "d", pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.lanes", "lanes");

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelineView, lanes_button);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, atlas_compat_canvas_role ());
}

static void
atlas_timeline_view_init (AtlasTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  double now = g_get_real_time () / (double) G_USEC_PER_SEC;

  self->tz = g_time_zone_new_local ();
  self->pinch_scale = 1;
  self->focus_lane = -1;
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->lanes = g_ptr_array_new_with_free_func (atlas_lane_free);
  self->start = now - 2 * 365.25 * 86400;
  self->end = now;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (_atlas_timeline_view_key_pressed), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Drawn under the button (atlas_timeline_view_snapshot()). */
  _atlas_timeline_view_add_layers (self);
  /* GTK 4.8 names a menu button by its class, not by its label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lanes_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lanes"), -1);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}
