/* atlas-timeline-view-focus.c: the timeline from the keyboard: which event it is on, the arrows, its ring
 *
 * The keyboard is on one event (a lane and a member of it). Left and Right
 * go to the previous or next marker of the lane, Up and Down to the nearest
 * event in time in the lane above or below; the range follows an event that
 * goes out of sight. Enter opens the marker as a click would. Shift with
 * Left or Right pans, as do Left and Right when there is no event; + and -
 * zoom, Home shows everything. An arrow first brings back into sight an
 * event a zoom or a pan left out of it. The event is kept by id, so that it stays
 * the same across new events and lanes, and a screen reader is told about
 * it as the tooltip would.
 */
#include "config.h"

#include <adwaita.h>

#include "atlas-palette.h"
#include "atlas-query.h"
#include "atlas-timeline-view-private.h"

static const AtlasEventInfo *
member_event (AtlasTimelineView *self,
              const AtlasLane   *lane,
              guint              member)
{
  return g_ptr_array_index (self->events, g_array_index (lane->members, guint, member));
}

/* The focused event's place in its lane, found again if the lanes changed
 * under it; FALSE when the keyboard is on no event. */
static gboolean
focused_member (AtlasTimelineView *self,
                guint             *member)
{
  const AtlasLane *lane;

  if (self->focus_lane < 0 || (guint) self->focus_lane >= self->lanes->len)
    return FALSE;
  lane = g_ptr_array_index (self->lanes, self->focus_lane);
  if (self->focus_member < lane->members->len &&
      member_event (self, lane, self->focus_member)->id == self->focus_event)
    {
      *member = self->focus_member;
      return TRUE;
    }
  for (guint m = 0; m < lane->members->len; m++)
    if (member_event (self, lane, m)->id == self->focus_event)
      {
        *member = self->focus_member = m;
        return TRUE;
      }
  return FALSE;
}

/* The marker of the last frame that holds the focused event, if drawn. */
const Marker *
_atlas_timeline_view_focused_marker (AtlasTimelineView *self)
{
  guint member;

  if (!focused_member (self, &member))
    return NULL;
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);

      if (marker->lane == (guint) self->focus_lane && member >= marker->first && member < marker->first + marker->count)
        return marker;
    }
  return NULL;
}

/* Tells a screen reader what the keyboard is on, as the tooltip would. */
static void
announce (AtlasTimelineView *self)
{
  const Marker *marker = _atlas_timeline_view_focused_marker (self);
  g_autofree char *text = marker != NULL ? _atlas_timeline_view_describe_marker (self, marker) : NULL;

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Puts the keyboard on an event; `reveal` moves the range to it when it is
 * out of sight (the arrows), not for a click, which is in sight. */
static void
set_focus (AtlasTimelineView *self,
           guint              lane_index,
           guint              member,
           gboolean           reveal)
{
  const AtlasLane *lane = g_ptr_array_index (self->lanes, lane_index);
  double time = member_event (self, lane, member)->starts;
  double span = self->end - self->start;

  self->focus_lane = lane_index;
  self->focus_member = member;
  self->focus_event = member_event (self, lane, member)->id;
  /* Out of sight, or nearly: the range moves to have it in the middle. */
  if (reveal && (time < self->start + span * 0.02 || time > self->end - span * 0.02))
    _atlas_timeline_view_set_range (self, time - span / 2, time + span / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click's marker: the keyboard goes on from there. */
void
_atlas_timeline_view_focus_marker (AtlasTimelineView *self,
                                   const Marker      *marker)
{
  set_focus (self, marker->lane, marker->first, FALSE);
  announce (self);
}

/* After new events or lanes: the same event if it is still there. */
void
_atlas_timeline_view_keep_focus (AtlasTimelineView *self)
{
  guint member;

  if (self->focus_lane < 0)
    return;
  if (self->events == NULL || !focused_member (self, &member))
    {
      /* Another lane may hold it now (lanes by company). */
      for (guint l = 0; self->events != NULL && l < self->lanes->len; l++)
        {
          self->focus_lane = l;
          if (focused_member (self, &member))
            return;
        }
      self->focus_lane = -1;
    }
}

/* The first marker drawn, top lane first, else the first event at or after
 * the start of the range in the first lane that has events. */
static gboolean
focus_first (AtlasTimelineView *self)
{
  const Marker *first = NULL;

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);

      if (first == NULL || marker->lane < first->lane ||
          (marker->lane == first->lane && marker->box.origin.x < first->box.origin.x))
        first = marker;
    }
  if (first != NULL)
    {
      set_focus (self, first->lane, first->first, TRUE);
      return TRUE;
    }
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const AtlasLane *lane = g_ptr_array_index (self->lanes, l);

      for (guint m = 0; m < lane->members->len; m++)
        if (member_event (self, lane, m)->starts >= self->start || m + 1 == lane->members->len)
          {
            set_focus (self, l, m, TRUE);
            return TRUE;
          }
    }
  return FALSE;
}

/* To the previous or next marker of the lane: past the events merged with
 * the focused one, which a single step would leave hidden. */
static void
move_along (AtlasTimelineView *self,
            int                direction)
{
  const AtlasLane *lane = g_ptr_array_index (self->lanes, self->focus_lane);
  const Marker *marker = _atlas_timeline_view_focused_marker (self);
  guint member;
  gint64 next;

  if (!focused_member (self, &member))
    return;
  if (marker != NULL)
    next = direction > 0 ? (gint64) marker->first + marker->count : (gint64) marker->first - 1;
  else
    next = (gint64) member + direction;
  if (next >= 0 && next < lane->members->len)
    set_focus (self, self->focus_lane, next, TRUE);
}

/* To the lane above or below that has events, on its event nearest in
 * time. */
static void
move_across (AtlasTimelineView *self,
             int                direction)
{
  const AtlasLane *from = g_ptr_array_index (self->lanes, self->focus_lane);
  guint member;
  double time;

  if (!focused_member (self, &member))
    return;
  time = member_event (self, from, member)->starts;
  for (int l = self->focus_lane + direction; l >= 0 && l < (int) self->lanes->len; l += direction)
    {
      const AtlasLane *lane = g_ptr_array_index (self->lanes, l);
      guint low = 0, high = lane->members->len;

      if (high == 0)
        continue;
      /* Members are by start: the first at or after the time, or the one
       * before it if nearer. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (member_event (self, lane, middle)->starts < time)
            low = middle + 1;
          else
            high = middle;
        }
      if (low == lane->members->len ||
          (low > 0 && time - member_event (self, lane, low - 1)->starts < member_event (self, lane, low)->starts - time))
        low--;
      set_focus (self, l, low, TRUE);
      return;
    }
}

gboolean
_atlas_timeline_view_key_pressed (AtlasTimelineView *self,
                                  guint              keyval,
                                  guint              keycode,
                                  GdkModifierType    state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  const Marker *marker;
  guint member;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (shift || self->events == NULL || self->events->len == 0)
        {
          if (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
            return FALSE;
          return gtk_widget_activate_action (GTK_WIDGET (self), "timeline.pan", "d",
                                             keyval == GDK_KEY_Left ? -0.1 : 0.1);
        }
      if (self->focus_lane < 0 || !focused_member (self, &member))
        focus_first (self);
      /* Left behind by a zoom or a pan: brought back into sight first. */
      else if (_atlas_timeline_view_focused_marker (self) == NULL)
        set_focus (self, self->focus_lane, member, TRUE);
      else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right)
        move_along (self, keyval == GDK_KEY_Left ? -1 : 1);
      else
        move_across (self, keyval == GDK_KEY_Up ? -1 : 1);
      announce (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      marker = _atlas_timeline_view_focused_marker (self);
      if (marker == NULL)
        return FALSE;
      _atlas_timeline_view_open_marker (self, marker);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      return gtk_widget_activate_action (GTK_WIDGET (self), "timeline.zoom", "d", 1.25);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      return gtk_widget_activate_action (GTK_WIDGET (self), "timeline.zoom", "d", 0.8);
    case GDK_KEY_Home:
      return gtk_widget_activate_action (GTK_WIDGET (self), "timeline.fit", NULL);
    default:
      return FALSE;
    }
}

/* A ring in the accent colour round the marker the keyboard is on, when
 * the keyboard is in use (GTK's focus-visible). */
void
_atlas_timeline_view_draw_focus (AtlasTimelineView *self,
                                 GtkSnapshot       *snapshot)
{
  const Marker *marker;
  GskRoundedRect ring;
  GdkRGBA accent;
  graphene_rect_t box;

  if (!gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;
  marker = _atlas_timeline_view_focused_marker (self);
  if (marker == NULL)
    return;
  atlas_palette_color (GTK_WIDGET (self), "accent_color", &accent);
  graphene_rect_inset_r (&marker->box, 1, 2, &box);
  gsk_rounded_rect_init_from_rect (&ring, &box, 5);
  /* Inside the plot, as the markers are. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (LABELS_WIDTH, 0,
                                                         MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - LABELS_WIDTH),
                                                         gtk_widget_get_height (GTK_WIDGET (self))));
  gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
  gtk_snapshot_pop (snapshot);
}

/* The event the keyboard is on; 0 for none. */
gint64
atlas_timeline_view_get_focused_event (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);
  return self->focus_lane >= 0 ? self->focus_event : 0;
}
