/* atlas-timeline-layer.c: one layer of the timeline, redrawn only when it changes
 *
 * In the manner of Sysprof's chart layers, each layer of the timeline (axis,
 * range, lanes, article strip) is a widget of its own, laid over the whole
 * view: GTK keeps the render node of a widget until that widget is asked to
 * redraw, so a filter change that only recounts the article strip draws the
 * strip again and reuses the lanes, with their thousands of markers, as
 * they were. The view says which layer changed; the layer takes no input.
 */
#include "config.h"

#include "atlas-timeline-layer.h"

struct _AtlasTimelineLayer
{
  GtkWidget               parent_instance;

  AtlasTimelineLayerDraw  draw;
  guint                   draws;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineLayer, atlas_timeline_layer, GTK_TYPE_WIDGET)

static void
atlas_timeline_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasTimelineLayer *self = ATLAS_TIMELINE_LAYER (widget);
  GtkWidget *owner = gtk_widget_get_parent (widget);

  self->draws++;
  if (owner != NULL)
    self->draw (owner, snapshot);
}

static void
atlas_timeline_layer_class_init (AtlasTimelineLayerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = atlas_timeline_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
atlas_timeline_layer_init (AtlasTimelineLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

GtkWidget *
atlas_timeline_layer_new (const char             *name,
                          AtlasTimelineLayerDraw  draw)
{
  AtlasTimelineLayer *self;

  g_return_val_if_fail (draw != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_TIMELINE_LAYER, "name", name, NULL);
  self->draw = draw;
  return GTK_WIDGET (self);
}

guint
atlas_timeline_layer_get_draws (AtlasTimelineLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_LAYER (self), 0);

  return self->draws;
}
