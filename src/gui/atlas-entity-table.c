/* atlas-entity-table.c: the graph as a table
 *
 * The textual alternative to the graph, for the keyboard and screen readers:
 * the same entities with their kind, country, ties and articles, sortable by
 * any column. The selected row is the view state's selected entity, which the
 * graph focuses too; activating a row filters by it, as a click on the node.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-entity-table-private.h"
#include "atlas-kinds.h"
#include "atlas-entity-item.h"
#include "atlas-table.h"

struct _AtlasEntityTable
{
  GtkWidget           parent_instance;

  AtlasGraphModel    *model;
  AtlasViewState     *view_state;
  GListStore         *items;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkWidget          *scroller;
  GtkColumnView      *view;
  gboolean            stale;  /* the graph changed while the table was hidden */
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasEntityTable, atlas_entity_table, GTK_TYPE_WIDGET)

static GtkColumnViewColumn *
add_column (AtlasEntityTable *self,
            const char       *title,
            const char       *property,
            gboolean          numeric)
{
  return atlas_table_add_column (self->view, ATLAS_TYPE_ENTITY_ITEM, title, property, property, numeric);
}

static void
fill (AtlasEntityTable *self)
{
  /* Every entity, also those the graph gathers when it is large. */
  AtlasGraph *graph = atlas_graph_model_get_entities (self->model);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (atlas_graph_model_get_busy (self->model) || graph == NULL)
    return;
  /* Hidden: drop the rows until shown. Thousands of them, sorted again at
   * each new graph, cost the main thread frames for nothing behind the
   * Graph tab. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      g_list_store_remove_all (self->items);
      return;
    }
  self->stale = FALSE;
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    g_ptr_array_add (rows, atlas_entity_item_new (atlas_graph_get_node (graph, i)));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       rows->pdata, rows->len);
}

static void
on_selection_changed (AtlasEntityTable *self)
{
  AtlasEntityItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    atlas_view_state_set_selected_entity (self->view_state, atlas_entity_item_get_id (item));
}

static void
on_selected_entity (AtlasEntityTable *self)
{
  const char *id = atlas_view_state_get_selected_entity (self->view_state);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n && id != NULL; i++)
    {
      g_autoptr(AtlasEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (g_strcmp0 (atlas_entity_item_get_id (item), id) == 0)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
on_activate (AtlasEntityTable *self,
             guint             position,
             GtkColumnView    *view)
{
  g_autoptr(AtlasEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  const char *kind = atlas_entity_item_get_kind (item);

  gtk_widget_activate_action (GTK_WIDGET (self),
                              atlas_filter_group_toggle_action (atlas_entity_kind_lookup (kind)->group),
                              "s", atlas_entity_item_get_id (item));
}

/* The graph the table shows as rows, once built, and the session's view
 * state for the entity selected. */
static void
set_model (AtlasEntityTable *self,
           AtlasGraphModel  *model)
{
  if (model == NULL || model == self->model)
    return;
  g_return_if_fail (self->model == NULL);

  self->model = g_object_ref (model);
  self->view_state = g_object_ref (atlas_session_get_view_state (atlas_graph_model_get_session (model)));
  g_signal_connect_object (model, "notify::busy", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "notify::selected-entity", G_CALLBACK (on_selected_entity), self,
                           G_CONNECT_SWAPPED);
  fill (self);
}

static void
atlas_entity_table_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, ATLAS_ENTITY_TABLE (object)->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_table_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL:
      set_model (ATLAS_ENTITY_TABLE (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GListModel *
atlas_entity_table_get_rows (AtlasEntityTable *self)
{
  return G_LIST_MODEL (self->sorted);
}

static void
atlas_entity_table_map (GtkWidget *widget)
{
  AtlasEntityTable *self = ATLAS_ENTITY_TABLE (widget);

  GTK_WIDGET_CLASS (atlas_entity_table_parent_class)->map (widget);
  if (self->stale && self->view_state != NULL)
    {
      fill (self);
      on_selected_entity (self);
    }
}

static void
atlas_entity_table_dispose (GObject *object)
{
  AtlasEntityTable *self = ATLAS_ENTITY_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (atlas_entity_table_parent_class)->dispose (object);
}

static void
atlas_entity_table_class_init (AtlasEntityTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_entity_table_dispose;
  widget_class->map = atlas_entity_table_map;
  object_class->get_property = atlas_entity_table_get_property;
  object_class->set_property = atlas_entity_table_set_property;

  /* The graph the table shows as rows: the graph view's model, bound from
   * the window's template; set once. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ATLAS_TYPE_GRAPH_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_entity_table_init (AtlasEntityTable *self)
{
  GtkColumnViewColumn *articles;

  self->view = atlas_table_new_view (_("Entities"));

  gtk_column_view_column_set_expand (add_column (self, _("Name"), "name", FALSE), TRUE);
  add_column (self, _("Kind"), "kind-label", FALSE);
  add_column (self, _("Country"), "country", FALSE);
  add_column (self, _("Ties"), "ties", TRUE);
  articles = add_column (self, _("Articles"), "articles", TRUE);

  self->items = g_list_store_new (ATLAS_TYPE_ENTITY_ITEM);
  self->scroller = atlas_table_attach (GTK_WIDGET (self), self->view, G_LIST_MODEL (self->items), &self->sorted,
                                       &self->selection);
  gtk_column_view_sort_by_column (self->view, articles, GTK_SORT_DESCENDING);

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
}
