/* atlas-graph-view-actions.c: the graph view's actions
 *
 * What the keyboard, the menus, the window and the tests ask of the graph:
 * select a node, pan, zoom, fit, show a neighbourhood or the whole, and
 * show or hide kinds and co-mention ties (property actions).
 */
#include "config.h"

#include "atlas-graph-view-private.h"
#include "atlas-kinds.h"

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  guint index;

  if (self->graph != NULL && atlas_graph_find (self->graph, g_variant_get_string (parameter, NULL), &index))
    {
      _atlas_graph_view_set_focus (self, index);
      _atlas_graph_view_select_node (self, index);
    }
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->auto_fit = FALSE;
  self->pan_x += dx;
  self->pan_y += dy;
  gtk_widget_queue_draw (widget);
}

/* Zooms by a factor around the middle of the view. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _atlas_graph_view_zoom_around (ATLAS_GRAPH_VIEW (widget), g_variant_get_double (parameter),
               gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
focus_neighbourhood_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);

  _atlas_graph_view_set_ego (self, g_variant_get_string (parameter, NULL));
}

static void
show_whole_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasGraphView *self = ATLAS_GRAPH_VIEW (widget);

  if (self->ego == NULL)
    return;
  _atlas_graph_view_set_ego (self, NULL);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _atlas_graph_view_fit (ATLAS_GRAPH_VIEW (widget));
}

void
_atlas_graph_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "graph.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "graph.focus-neighbourhood", "s", focus_neighbourhood_action);
  gtk_widget_class_install_action (widget_class, "graph.show-whole", NULL, show_whole_action);
  gtk_widget_class_install_property_action (widget_class, "graph.comentions", "comentions");
  gtk_widget_class_install_property_action (widget_class, "graph.site-size", "site-size");
  for (guint k = 0; k < N_TOGGLED_KINDS; k++)
    {
      const char *option = atlas_entity_kind_get (k)->option;
      g_autofree char *action = g_strconcat ("graph.", option, NULL);

      gtk_widget_class_install_property_action (widget_class, action, option);
    }
  gtk_widget_class_install_action (widget_class, "graph.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom", "d", zoom_action);
}
