/* atlas-timeline-view-layers.c: the timeline's layers: axis, range, lanes, article strip
 *
 * Each layer is drawn by its own widget (atlas-timeline-layer.c), so that a
 * change redraws only the layers it touches: a filter change recounts the
 * article strip and moves the range band, events arriving redraw the lanes,
 * a zoom or a pan redraws them all.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-event-format.h"
#include "atlas-palette.h"
#include "atlas-timeline-layer.h"
#include "atlas-timeline-view-private.h"

/* A lane's colour: its kind's, the companies' for a company, the other
 * events' for the rest (atlas-palette.c, from style.css). */
static void
lane_color (AtlasTimelineView *self,
            const AtlasLane   *lane,
            GdkRGBA           *color)
{
  switch (lane->type)
    {
    case ATLAS_LANE_KIND:
      atlas_palette_event_kind (GTK_WIDGET (self), lane->kind, color);
      break;
    case ATLAS_LANE_COMPANY:
      atlas_palette_entity_kind (GTK_WIDGET (self), ATLAS_ENTITY_COMPANY, color);
      break;
    case ATLAS_LANE_OTHERS:
    default:
      atlas_palette_event_kind (GTK_WIDGET (self), ATLAS_EVENT_OTHER, color);
      break;
    }
}

/* The buckets for the current zoom: a unit a few pixels wide at least,
 * over the visible range and as much again on each side. */
AtlasTimeUnit
_atlas_timeline_view_bucket_unit (AtlasTimelineView *self)
{
  return atlas_time_unit_for_scale (seconds_per_pixel (self), MIN_BAR_PIXELS);
}

static gboolean
counts_are_current (AtlasTimelineView *self)
{
  gint64 first, last;

  if (self->counts == NULL || self->counts_generation != self->generation || self->edges->len < 2)
    return FALSE;
  first = g_array_index (self->edges, gint64, 0);
  last = g_array_index (self->edges, gint64, self->edges->len - 1);
  /* The right unit: two neighbouring edges are one unit apart. */
  return atlas_time_unit_next (_atlas_timeline_view_bucket_unit (self), first, self->tz) == g_array_index (self->edges, gint64, 1) &&
         first <= self->start && last >= self->end;
}

/* The selection's articles in each bucket around the visible range,
 * counted from memory (atlas_selection_count_by_time()). */
static void
count_articles (AtlasTimelineView *self)
{
  AtlasSelection *selection = self->session ? atlas_session_get_selection (self->session) : NULL;
  double span = self->end - self->start;
  AtlasTimeUnit unit = _atlas_timeline_view_bucket_unit (self);
  gint64 first, last;

  if (selection == NULL)
    return;

  first = atlas_time_unit_floor (unit, (gint64) (self->start - span), self->tz);
  last = (gint64) (self->end + span);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  /* `first` is a boundary, so the ticks start with it; one more edge closes
   * the last bucket. */
  self->edges = atlas_time_unit_ticks (unit, first, last, self->tz);
  g_array_append_val (self->edges, (gint64) { atlas_time_unit_next (unit, g_array_index (self->edges, gint64, self->edges->len - 1), self->tz) });
  self->counts = atlas_selection_count_by_time (selection, self->edges);
  self->counts_generation = self->generation;
}

static void
ink (AtlasTimelineView *self,
     GdkRGBA           *color)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Text from (x, y), or with `centred`, centred on the height `y` (a lane's
 * middle, whatever the lane's height). */
static void
draw_text (AtlasTimelineView *self,
           GtkSnapshot       *snapshot,
           const char        *text,
           double             x,
           double             y,
           gboolean           centred,
           double             max_width,
           double             alpha)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  GdkRGBA color;

  /* Plain text: titles come from feeds. */
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  ink (self, &color);
  color.alpha *= alpha;
  if (centred)
    {
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      y -= height / 2.0;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (AtlasTimelineView *self,
           GtkSnapshot       *snapshot,
           double             bottom)
{
  AtlasTimeUnit unit = atlas_time_unit_for_scale (seconds_per_pixel (self), MIN_TICK_PIXELS);
  g_autoptr(GArray) ticks = atlas_time_unit_ticks (unit, (gint64) self->start, (gint64) self->end + 1, self->tz);
  double now = today (self);
  gboolean shows_today = now >= self->start && now <= self->end;
  g_autoptr(PangoLayout) today_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Today"));
  double today_left = G_MAXDOUBLE, today_x = x_of (self, now);
  int today_width;
  GdkRGBA rule;

  /* Today's label goes left of its line, and tick labels it would cover
   * make way for it. */
  pango_layout_get_pixel_size (today_layout, &today_width, NULL);
  if (shows_today)
    today_left = today_x - today_width - 6;

  ink (self, &rule);
  rule.alpha = 0.12;
  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 tick = g_array_index (ticks, gint64, i);
      g_autofree char *label = atlas_time_tick_format (unit, tick, i > 0 ? g_array_index (ticks, gint64, i - 1)
                                                                          : G_MININT64, self->tz);
      double x = x_of (self, tick);
      /* A label may take the room up to the next tick: one with its year
       * is longer than the shortest spacing. */
      double room = (i + 1 < ticks->len ? x_of (self, g_array_index (ticks, gint64, i + 1)) - x : MIN_TICK_PIXELS) - 8;

      gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (x, 4, 1, bottom - 4));
      if (x + 4 + room <= today_left || x + 4 >= today_x)
        draw_text (self, snapshot, label, x + 4, 4, FALSE, room, 0.7);
    }

  if (shows_today)
    {
      GdkRGBA today_color;

      atlas_palette_color (GTK_WIDGET (self), "atlas_today", &today_color);
      today_color.alpha *= 0.8;
      gtk_snapshot_append_color (snapshot, &today_color, &GRAPHENE_RECT_INIT (today_x - 1, 0, 2, bottom));
      draw_text (self, snapshot, _("Today"), today_left, 4, FALSE, 0, 0.9);
    }
}

/* Whether a group of markers holds an event of the article being read or
 * of the entity selected in the graph or table. */
static gboolean
group_is_selected (AtlasTimelineView *self,
                   const AtlasLane   *lane,
                   guint              first,
                   guint              count)
{
  gint64 article;
  const char *entity;

  if (self->view_state == NULL)
    return FALSE;
  article = atlas_view_state_get_selected_article (self->view_state);
  entity = atlas_view_state_get_selected_entity (self->view_state);
  for (guint m = first; m < first + count; m++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (self->events, g_array_index (lane->members, guint, m));

      if ((article > 0 && event->article_id == article) ||
          (entity != NULL && atlas_event_info_names (event, entity)))
        return TRUE;
    }
  return FALSE;
}

/* The spans of a lane's month- and year-precise events, as one faint band
 * behind the markers: a span says when, roughly, and must never hide the
 * precise events inside it. Spans that touch are drawn as one. */
static void
draw_lane_spans (AtlasTimelineView *self,
                 GtkSnapshot       *snapshot,
                 const AtlasLane   *lane,
                 const GdkRGBA     *color,
                 double             middle)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double scale = plot_width (self) / (self->end - self->start);
  double left = 0, right = -G_MAXDOUBLE;
  GdkRGBA band = *color;

  band.alpha *= 0.18;
  for (guint m = 0; m <= lane->members->len; m++)
    {
      const AtlasEventInfo *event = m < lane->members->len
                                    ? g_ptr_array_index (self->events, g_array_index (lane->members, guint, m)) : NULL;
      double x0 = 0, x1 = 0;

      if (event != NULL)
        {
          if (event->date.precision == ATLAS_DATE_PRECISION_DAY)
            continue;
          x0 = LABELS_WIDTH + (event->starts - self->start) * scale;
          x1 = LABELS_WIDTH + (event->ends - self->start) * scale;
          if (x1 < LABELS_WIDTH || x0 > width)
            continue;
          if (x0 <= right + 1)
            {
              right = MAX (right, x1);
              continue;
            }
        }
      if (right > left)
        gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (left, middle - 4, right - left, 8));
      if (event == NULL)
        break;
      left = x0;
      right = x1;
    }
}

/* Events whose diamonds begin within this many pixels of a group's first
 * are gathered into it: a group never grows past it, so that many events
 * read as a density along the lane, never as one bar. */
#define GROUP_PIXELS 10.0

/* A group of events with no room for its count: a cell of a heat strip,
 * the deeper the more events, relative to the whole lane. */
static void
draw_heat_cell (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         left,
                double         right,
                double         middle,
                guint          count,
                guint          lane_count,
                gboolean       selected)
{
  GdkRGBA cell = selected ? (GdkRGBA) { 0.98, 0.75, 0.1, 1 } : *color;

  cell.alpha *= 0.2 + 0.8 * log1p (count) / log1p (MAX (lane_count, 2));
  gtk_snapshot_append_color (snapshot, &cell, &GRAPHENE_RECT_INIT (left - 1, middle - 6, right - left + 2, 12));
}

static void
draw_diamond (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         middle,
              gboolean       selected)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, middle));
  gtk_snapshot_rotate (snapshot, 45);
  if (selected)
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.75, 0.1, 1 }, &GRAPHENE_RECT_INIT (-7, -7, 14, 14));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-4, -4, 8, 8));
  gtk_snapshot_restore (snapshot);
}

/* One lane: its name, the band of its spans, then its markers: a diamond
 * where an event begins, with its label where there is room; a few events
 * close together, one diamond with their count; many, a heat strip. */
static void
draw_lane (AtlasTimelineView *self,
           GtkSnapshot       *snapshot,
           guint              index,
           double             top)
{
  const AtlasLane *lane = g_ptr_array_index (self->lanes, index);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  /* x_of, unrolled: this loop visits every event of the lane each frame. */
  double scale = plot_width (self) / (self->end - self->start);
  double middle = top + lane_height (self) / 2;
  GdkRGBA color;
  double group_left = -G_MAXDOUBLE, group_right = -G_MAXDOUBLE;
  guint group_count = 0, group_first = 0;

  lane_color (self, lane, &color);
  draw_text (self, snapshot, lane->label, 8, middle, TRUE, LABELS_WIDTH - 12, 0.75);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (LABELS_WIDTH, top, width - LABELS_WIDTH, lane_height (self)));
  draw_lane_spans (self, snapshot, lane, &color, middle);
  for (guint m = 0; m <= lane->members->len; m++)
    {
      const AtlasEventInfo *event = m < lane->members->len
                                    ? g_ptr_array_index (self->events, g_array_index (lane->members, guint, m)) : NULL;
      double x0 = 0;

      if (event != NULL)
        {
          x0 = LABELS_WIDTH + (event->starts - self->start) * scale;
          if (x0 < LABELS_WIDTH - 200 || x0 > width)
            continue;
          if (group_count > 0 && x0 <= group_left + GROUP_PIXELS)
            {
              group_right = MAX (group_right, x0);
              group_count++;
              continue;
            }
        }

      /* Draw the group that just ended; `x0` is where the next begins. */
      if (group_count > 0)
        {
          gboolean selected = group_is_selected (self, lane, group_first, group_count);
          double label_left = group_right + 8;
          double room = (event != NULL ? x0 - 6 : width) - label_left - 6;
          Marker marker = {
            GRAPHENE_RECT_INIT (group_left - 7, top, group_right - group_left + 14, lane_height (self)),
            index, group_first, group_count,
          };

          g_array_append_val (self->markers, marker);
          if (group_count == 1)
            {
              g_autofree char *label = atlas_event_label (
                g_ptr_array_index (self->events, g_array_index (lane->members, guint, group_first)));

              draw_diamond (snapshot, &color, group_left, middle, selected);
              if (room >= 40)
                draw_text (self, snapshot, label, label_left, middle, TRUE, room, 0.9);
            }
          else
            {
              g_autofree char *count = g_strdup_printf ("%'u", group_count);

              /* Room for the count: about 7 pixels a digit. */
              if (room >= 7.0 * strlen (count))
                {
                  draw_diamond (snapshot, &color, group_left, middle, selected);
                  draw_text (self, snapshot, count, label_left, middle, TRUE, 0, 0.9);
                }
              else
                draw_heat_cell (snapshot, &color, group_left, group_right, middle, group_count,
                                lane->members->len, selected);
            }
        }
      if (event == NULL)
        break;
      group_first = m;
      group_count = 1;
      group_left = group_right = x0;
    }
  gtk_snapshot_pop (snapshot);
}

/* How many articles per bucket, as bars under the lanes. */
static void
draw_density (AtlasTimelineView *self,
              GtkSnapshot       *snapshot,
              double             top)
{
  guint most = 1;
  GdkRGBA bar;

  draw_text (self, snapshot, _("Articles"), 8, top + 8, FALSE, LABELS_WIDTH - 12, 0.75);
  if (!counts_are_current (self))
    count_articles (self);
  if (self->counts == NULL)
    return;

  ink (self, &bar);
  bar.alpha = 0.45;
  for (guint i = 0; i < self->counts->len; i++)
    most = MAX (most, g_array_index (self->counts, guint, i));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (LABELS_WIDTH, top, plot_width (self), DENSITY_HEIGHT));
  for (guint i = 0; i < self->counts->len; i++)
    {
      guint count = g_array_index (self->counts, guint, i);
      double x0 = x_of (self, g_array_index (self->edges, gint64, i));
      double x1 = x_of (self, g_array_index (self->edges, gint64, i + 1));
      double height = count == 0 ? 0 : MAX (2, (DENSITY_HEIGHT - 6) * count / most);

      if (count > 0)
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (x0 + 0.5, top + DENSITY_HEIGHT - height, MAX (1, x1 - x0 - 1), height));
    }
  gtk_snapshot_pop (snapshot);
}

/* The filter's date range, or the one being chosen, as a band. */
static void
draw_range (AtlasTimelineView *self,
            GtkSnapshot       *snapshot,
            double             from,
            double             to,
            double             bottom)
{
  double x0 = MAX (LABELS_WIDTH, x_of (self, MIN (from, to)));
  double x1 = MIN (gtk_widget_get_width (GTK_WIDGET (self)), x_of (self, MAX (from, to)));
  GdkRGBA band, edge;

  atlas_palette_color (GTK_WIDGET (self), "atlas_range", &edge);
  band = edge;
  band.alpha *= 0.16;
  edge.alpha *= 0.9;

  if (x1 <= x0)
    return;
  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (x0, AXIS_HEIGHT - 4, x1 - x0, bottom - AXIS_HEIGHT + 4));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, AXIS_HEIGHT - 4, 1.5, bottom - AXIS_HEIGHT + 4));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x1 - 1.5, AXIS_HEIGHT - 4, 1.5, bottom - AXIS_HEIGHT + 4));
}

static gboolean
has_plot (AtlasTimelineView *self)
{
  return self->events != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > LABELS_WIDTH;
}

static void
snapshot_axis (GtkWidget   *widget,
               GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  if (has_plot (self))
    draw_axis (self, snapshot, lanes_bottom (self) + DENSITY_HEIGHT);
}

static void
snapshot_range (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  double bottom = lanes_bottom (self) + DENSITY_HEIGHT;

  if (!has_plot (self))
    return;
  if (self->brushing)
    draw_range (self, snapshot, self->brush_from, self->brush_to, bottom);
  else if (self->view_state != NULL)
    {
      const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);

      if (filter->since != G_MININT64 || filter->until != G_MAXINT64)
        draw_range (self, snapshot, filter->since != G_MININT64 ? filter->since : self->start - 1,
                    filter->until != G_MAXINT64 ? filter->until : self->end + 1, bottom);
    }
}

/* The markers are those this layer drew last, for clicks and tooltips. */
static void
snapshot_lanes (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  g_array_set_size (self->markers, 0);
  if (!has_plot (self))
    return;
  for (guint lane = 0; lane < self->lanes->len; lane++)
    draw_lane (self, snapshot, lane, AXIS_HEIGHT + lane * lane_height (self));
}

static void
snapshot_strip (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  if (has_plot (self))
    draw_density (self, snapshot, lanes_bottom (self));
}

void
_atlas_timeline_view_add_layers (AtlasTimelineView *self)
{
  static const struct {
    const char             *name;
    AtlasTimelineLayerDraw  draw;
  } layers[ATLAS_N_TIMELINE_LAYERS] = {
    [ATLAS_TIMELINE_LAYER_AXIS] = { "axis", snapshot_axis },
    [ATLAS_TIMELINE_LAYER_RANGE] = { "range", snapshot_range },
    [ATLAS_TIMELINE_LAYER_LANES] = { "lanes", snapshot_lanes },
    [ATLAS_TIMELINE_LAYER_STRIP] = { "strip", snapshot_strip },
  };

  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    {
      self->layers[i] = atlas_timeline_layer_new (layers[i].name, layers[i].draw);
      gtk_widget_set_parent (self->layers[i], GTK_WIDGET (self));
    }
}

/* `layers`: ATLAS_TIMELINE_REDRAW() of each layer that changed. */
void
_atlas_timeline_view_redraw (AtlasTimelineView *self,
                             guint              layers)
{
  for (guint i = 0; i < ATLAS_N_TIMELINE_LAYERS; i++)
    if ((layers & ATLAS_TIMELINE_REDRAW (i)) && self->layers[i] != NULL)
      gtk_widget_queue_draw (self->layers[i]);
}
