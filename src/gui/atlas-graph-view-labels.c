/* atlas-graph-view-labels.c: which nodes of the graph view get a name, and drawing them
 *
 * The names of what the reader is looking at (the hovered, focused and
 * highlighted nodes), then of the most mentioned nodes on screen, as many as
 * the view has room for, placed clear of each other and of the labelled
 * discs by the label placer (atlas-label-placer.c, in the core); each with
 * a halo. A name's layout is made once, when it is first shown, and only a
 * few a frame.
 */
#include "config.h"

#include "atlas-article.h"
#include "atlas-graph-view-private.h"
#include "atlas-palette.h"

/* Layouts are made for the nodes that get a label, so most slots stay
 * empty. */
void
_atlas_graph_view_clear_layout (gpointer data)
{
  g_clear_object (&data);
}

/* Counts the new graph's names, so that two nodes of one name say which
 * they are. */
void
_atlas_graph_view_count_names (AtlasGraphView *self)
{
  g_hash_table_remove_all (self->name_counts);
  for (guint i = 0; self->graph != NULL && i < atlas_graph_get_n_nodes (self->graph); i++)
    {
      const char *name = atlas_graph_get_node (self->graph, i)->name;

      g_hash_table_insert (self->name_counts, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->name_counts, name)) + 1));
    }
}

/* A node's name, with its country or kind when another node has the same
 * name. */
char *
_atlas_graph_view_node_label (AtlasGraphView *self,
                              guint           index)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);

  if (GPOINTER_TO_UINT (g_hash_table_lookup (self->name_counts, node->name)) > 1)
    return atlas_entity_name_told_apart (node->name, node->kind, node->country);
  return g_strdup (node->name);
}

static PangoLayout *
label_layout (AtlasGraphView *self,
              guint           index)
{
  if (g_ptr_array_index (self->label_layouts, index) == NULL)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      g_autofree char *label = _atlas_graph_view_node_label (self, index);

      /* Plain text: names come from feeds. */
      pango_layout_set_text (layout, label, -1);
      g_ptr_array_index (self->label_layouts, index) = layout;
    }
  return g_ptr_array_index (self->label_layouts, index);
}

/* Shaping a name costs a tenth of a millisecond or more: a pan that brings
 * many new nodes in spreads that over a few frames, but a forced label (the
 * hovered, focused or highlighted node) is always shaped. */
static void
place_label (AtlasGraphView *self,
             guint           index,
             gboolean        forced)
{
  const AtlasGraphNode *node = atlas_graph_get_node (self->graph, index);
  double x, y;
  int width, height;

  if (atlas_label_placer_has (self->labels, index))
    return;
  if (g_ptr_array_index (self->label_layouts, index) == NULL && !forced)
    {
      if (self->new_layouts_left == 0)
        {
          self->labels_pending = TRUE;
          return;
        }
      self->new_layouts_left--;
    }

  _atlas_graph_view_to_view (self, node, &x, &y);
  pango_layout_get_pixel_size (label_layout (self, index), &width, &height);
  atlas_label_placer_place (self->labels, index, x, y, _atlas_graph_view_node_radius (self, node) + 2,
                            width + 2 * ATLAS_GRAPH_LABEL_PAD, height, forced);
}

/* The legend and the buttons over the view keep their room. */
static void
reserve_overlays (AtlasGraphView *self)
{
  GtkWidget *overlays[] = { self->options_button, self->whole_button, self->notice };
  graphene_rect_t bounds;

  if (_atlas_graph_view_legend_box (self, &bounds))
    atlas_label_placer_reserve (self->labels, &(AtlasLabelBox) { bounds.origin.x, bounds.origin.y,
                                                                 bounds.size.width, bounds.size.height });
  for (guint k = 0; k < G_N_ELEMENTS (overlays); k++)
    if (gtk_widget_get_visible (overlays[k]) && gtk_widget_compute_bounds (overlays[k], GTK_WIDGET (self), &bounds))
      atlas_label_placer_reserve (self->labels, &(AtlasLabelBox) { bounds.origin.x, bounds.origin.y,
                                                                   bounds.size.width, bounds.size.height });
}

/* Labels for what the reader is looking at (the hovered node, the focused
 * one, a large graph's gatherings, then the ringed ones, most mentioned
 * first), then for the most mentioned nodes on screen, as many as the view
 * has room for. */
void
_atlas_graph_view_place_labels (AtlasGraphView *self)
{
  double area = (double) gtk_widget_get_width (GTK_WIDGET (self)) * gtk_widget_get_height (GTK_WIDGET (self));
  guint room = CLAMP ((guint) (area / 40000), 6, 40);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ringed = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer id;
  guint index;

  g_clear_pointer (&self->labels, atlas_label_placer_free);
  self->labels = atlas_label_placer_new (gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)));
  self->new_layouts_left = NEW_LAYOUTS_PER_FRAME;
  reserve_overlays (self);
  for (guint k = 0; k < self->by_importance->len && candidates->len < 4 * room; k++)
    {
      index = g_array_index (self->by_importance, guint, k);
      if (_atlas_graph_view_on_screen (self, index))
        g_array_append_val (candidates, index);
    }
  /* The discs of the nodes that will have a label stay uncovered. */
  for (guint k = 0; k < MIN (room, candidates->len); k++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (self->graph, g_array_index (candidates, guint, k));
      double x, y;

      _atlas_graph_view_to_view (self, node, &x, &y);
      atlas_label_placer_add_obstacle (self->labels, g_array_index (candidates, guint, k), x, y,
                                       _atlas_graph_view_node_radius (self, node));
    }

  if (self->hover >= 0)
    place_label (self, self->hover, TRUE);
  if (self->focus >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    place_label (self, self->focus, TRUE);
  /* A gathering says what it gathers, always. */
  for (guint k = 0; k < candidates->len; k++)
    if (atlas_graph_get_node (self->graph, g_array_index (candidates, guint, k))->gathered > 0)
      place_label (self, g_array_index (candidates, guint, k), TRUE);
  g_hash_table_iter_init (&iter, self->highlight);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (atlas_graph_find (self->graph, id, &index) && _atlas_graph_view_on_screen (self, index))
      g_array_append_val (ringed, index);
  g_array_sort_with_data (ringed, atlas_graph_compare_importance, self->graph);
  for (guint k = 0; k < ringed->len; k++)
    place_label (self, g_array_index (ringed, guint, k), TRUE);

  for (guint k = 0; k < candidates->len && atlas_label_placer_get_n_placed (self->labels) < room; k++)
    place_label (self, g_array_index (candidates, guint, k), FALSE);
}

static gboolean
place_pending_labels (gpointer user_data)
{
  AtlasGraphView *self = user_data;

  self->labels_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The lines from names set away from their nodes, thin and faint. */
static void
draw_leaders (AtlasGraphView *self,
              GtkSnapshot    *snapshot,
              const GdkRGBA  *ink)
{
  cairo_t *cr = NULL;

  for (guint p = 0; p < atlas_label_placer_get_n_placed (self->labels); p++)
    {
      const AtlasPlacedLabel *label = atlas_label_placer_get_placed (self->labels, p);

      if (!label->has_leader)
        continue;
      if (cr == NULL)
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                                                       gtk_widget_get_height (GTK_WIDGET (self))));
      cairo_move_to (cr, label->from_x, label->from_y);
      cairo_line_to (cr, label->to_x, label->to_y);
    }
  if (cr == NULL)
    return;
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { ink->red, ink->green, ink->blue, ink->alpha * 0.6 });
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

void
_atlas_graph_view_draw_labels (AtlasGraphView *self,
                               GtkSnapshot    *snapshot)
{
  GdkRGBA halo, ink;

  atlas_palette_color (GTK_WIDGET (self), "atlas_graph_background", &halo);
  halo.alpha *= 0.8;
  _atlas_graph_view_ink (self, &ink);
  self->labels_pending = FALSE;
  _atlas_graph_view_place_labels (self);
  /* A frame cannot ask for the next one: an idle callback does. */
  if (self->labels_pending && self->labels_source == 0)
    self->labels_source = g_idle_add (place_pending_labels, self);
  draw_leaders (self, snapshot, &ink);
  for (guint p = 0; p < atlas_label_placer_get_n_placed (self->labels); p++)
    {
      const AtlasPlacedLabel *label = atlas_label_placer_get_placed (self->labels, p);
      graphene_rect_t box = GRAPHENE_RECT_INIT (label->box.x, label->box.y, label->box.width, label->box.height);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &box, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &halo, &box);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label->box.x + ATLAS_GRAPH_LABEL_PAD, label->box.y));
      gtk_snapshot_append_layout (snapshot, label_layout (self, label->node), &ink);
      gtk_snapshot_restore (snapshot);
    }
}
