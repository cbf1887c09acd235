/* atlas-graph-view-input.c: the graph view's pointer, touch and keyboard
 *
 * A drag on a node moves and pins it, on the background pans; a click
 * filters by a node, a double-click shows its neighbourhood; the wheel and
 * a pinch zoom; arrows move the focus to the neighbour in that direction.
 * The tooltip tells what a node is and how it is tied.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-graph-view-private.h"
#include "atlas-kinds.h"

/* A drag that starts on a node moves that node and pins it there (the next
 * layouts keep it); one that starts on the background pans. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasGraphView *self)
{
  self->dragged = _atlas_graph_view_hit_test (self, x, y);
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
  self->auto_fit = FALSE;
  if (self->dragged >= 0 && self->graph != NULL)
    {
      AtlasGraphNode *node = atlas_graph_get_node (self->graph, self->dragged);

      node->x = self->drag_node_x + dx / self->zoom;
      node->y = self->drag_node_y + dy / self->zoom;
      node->pinned = TRUE;
      _atlas_graph_view_invalidate (self);
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
    {
      _atlas_graph_view_index_nodes (self);
      _atlas_graph_view_invalidate (self);
    }
  self->dragged = -1;
}

/* The click's node, filtered once no second click came. */
static gboolean
on_click_settled (gpointer data)
{
  AtlasGraphView *self = data;
  guint index;

  self->click_source = 0;
  if (self->graph != NULL && atlas_graph_find (self->graph, self->clicked_id, &index))
    _atlas_graph_view_select_node (self, (int) index);
  g_clear_pointer (&self->clicked_id, g_free);
  return G_SOURCE_REMOVE;
}

void
_atlas_graph_view_cancel_click (AtlasGraphView *self)
{
  g_clear_handle_id (&self->click_source, g_source_remove);
  g_clear_pointer (&self->clicked_id, g_free);
}

/* The second press of a double-click: the first click filters nothing. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasGraphView  *self)
{
  if (n_press >= 2)
    _atlas_graph_view_cancel_click (self);
}

/* A click focuses a node at once and filters by it once the double-click
 * time has passed without a second click; a double-click shows the node's
 * neighbourhood alone. */
static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             AtlasGraphView  *self)
{
  /* A press that moved past the click threshold was a drag: GTK does not
   * report it as a release. */
  int index = _atlas_graph_view_hit_test (self, x, y);
  int double_click_time = 400;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  _atlas_graph_view_cancel_click (self);
  if (index < 0)
    return;
  /* A gathering opens at the first click: nothing to filter by. */
  if (atlas_graph_get_node (self->graph, index)->gathered > 0)
    {
      if (n_press == 1)
        _atlas_graph_view_select_node (self, index);
      return;
    }
  if (n_press == 2)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "graph.focus-neighbourhood", "s",
                                  atlas_graph_get_node (self->graph, index)->id);
      return;
    }
  _atlas_graph_view_set_focus (self, index);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_time, NULL);
  self->clicked_id = g_strdup (atlas_graph_get_node (self->graph, index)->id);
  self->click_source = g_timeout_add (double_click_time, on_click_settled, self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasGraphView           *self)
{
  _atlas_graph_view_zoom_around (self, pow (1.15, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          AtlasGraphView *self)
{
  double x, y;

  /* The gesture reports its scale since it began: zoom by the change. */
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    _atlas_graph_view_zoom_around (self, scale / self->pinch_scale, x, y);
  self->pinch_scale = scale;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AtlasGraphView   *self)
{
  self->pinch_scale = 1;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasGraphView           *self)
{
  int index = _atlas_graph_view_hit_test (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (index != self->hover)
    {
      self->hover = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The tooltip shows this many of a node's relations, then how many more. */
#define TOOLTIP_RELATIONS 4

/* What the tooltip says of a node: name, kind, country, articles, and its
 * relations as sentences ("Microsoft invests in Nscale"). */
static char *
describe_node (AtlasGraph *graph,
               guint       index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (graph, index);
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", node->weight),
                                               node->weight);
  gboolean with_country = node->country != NULL && g_strcmp0 (node->kind, "country") != 0;
  GString *text = g_string_new (NULL);
  guint relations = 0;

  if (node->gathered > 0)
    {
      g_string_append_printf (text, "%s\n", node->name);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "The less mentioned, gathered: click to show %'u more",
                                                 "The less mentioned, gathered: click to show %'u more",
                                                 MIN (node->gathered, ATLAS_GRAPH_SUMMARY_NODES)),
                              MIN (node->gathered, ATLAS_GRAPH_SUMMARY_NODES));
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, "%s\n%s%s%s · %s", node->name, _(atlas_entity_kind_lookup (node->kind)->label),
                          with_country ? " · " : "", with_country ? node->country : "", articles);
  for (guint e = 0; e < atlas_graph_get_n_edges (graph); e++)
    {
      const AtlasGraphEdge *edge = atlas_graph_get_edge (graph, e);

      if (edge->kind != ATLAS_GRAPH_EDGE_RELATION || (edge->source != index && edge->target != index))
        continue;
      if (relations++ < TOOLTIP_RELATIONS)
        /* TRANSLATORS: a relation between two entities of the graph, such
         * as "Microsoft" "invests in" "Nscale". */
        g_string_append_printf (text, _("\n%s %s %s"), atlas_graph_get_node (graph, edge->source)->name,
                                _(atlas_predicate_lookup (edge->predicate)->label),
                                atlas_graph_get_node (graph, edge->target)->name);
    }
  if (relations > TOOLTIP_RELATIONS)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\nand %'u more relation", "\nand %'u more relations",
                                               relations - TOOLTIP_RELATIONS),
                            relations - TOOLTIP_RELATIONS);
  if (node->status != NULL)
    g_string_append_printf (text, "\n%s", _("Right-click or Shift+Enter: the site’s page"));
  return g_string_free (text, FALSE);
}

/* The tooltip's text for an entity of the graph, or NULL. */
char *
atlas_graph_view_describe (AtlasGraphView *self,
                           const char     *entity_id)
{
  guint index;

  g_return_val_if_fail (ATLAS_IS_GRAPH_VIEW (self), NULL);
  if (self->graph == NULL || !atlas_graph_find (self->graph, entity_id, &index))
    return NULL;
  return describe_node (self->graph, index);
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
  int index = keyboard ? self->focus : _atlas_graph_view_hit_test (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  text = describe_node (self->graph, index);
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

/* A site of the data files has a page of its own: TRUE when `index` is one
 * and the window was asked to show it. */
static gboolean
open_site_page (AtlasGraphView *self,
                guint           index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);

  return node->status != NULL && gtk_widget_activate_action (GTK_WIDGET (self), "win.open-site", "s", node->id);
}

/* A secondary click (or a long press) on a site opens its page. */
static void
on_secondary_released (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       AtlasGraphView  *self)
{
  int index = _atlas_graph_view_hit_test (self, x, y);

  if (index >= 0)
    open_site_page (self, index);
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
      /* Shift+Enter on a site of the data files opens its page. */
      if (self->focus >= 0 && (state & GDK_SHIFT_MASK) && open_site_page (self, self->focus))
        return TRUE;
      if (self->focus >= 0)
        _atlas_graph_view_select_node (self, self->focus);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      return gtk_widget_activate_action (GTK_WIDGET (self), "graph.zoom", "d", 1.25);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      return gtk_widget_activate_action (GTK_WIDGET (self), "graph.zoom", "d", 0.8);
    case GDK_KEY_Home:
      _atlas_graph_view_fit (self);
      return TRUE;
    case GDK_KEY_Escape:
      return self->ego != NULL && gtk_widget_activate_action (GTK_WIDGET (self), "graph.show-whole", NULL);
    default:
      return FALSE;
    }

  /* Control and an arrow pans by a tenth of the view. */
  if (state & GDK_CONTROL_MASK)
    return gtk_widget_activate_action (GTK_WIDGET (self), "graph.pan", "(dd)",
                                       -dx * gtk_widget_get_width (GTK_WIDGET (self)) / 10,
                                       -dy * gtk_widget_get_height (GTK_WIDGET (self)) / 10);

  next = self->focus >= 0 ? neighbour_towards (self, dx, dy) : 0;
  if (next >= 0)
    _atlas_graph_view_set_focus (self, next);
  return TRUE;
}

void
_atlas_graph_view_add_controllers (AtlasGraphView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();


  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "released", G_CALLBACK (on_secondary_released), self);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
