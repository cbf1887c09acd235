/* atlas-site-table.c: the sites the filter selects, as a sortable table
 *
 * The data files' sites (Epoch AI's GPU clusters and data centres) under
 * the session's filter, with their status, certainty, country, owners,
 * power, compute and first operational date; sorted by any column. The
 * selected row is the view state's selected entity, as in the Entities
 * table; activating a row opens the site's page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-site-item.h"
#include "atlas-site-table.h"
#include "atlas-table.h"

struct _AtlasSiteTable
{
  GtkWidget           parent_instance;

  AtlasSession       *session;
  AtlasViewState     *view_state;
  GListStore         *items;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkWidget          *scroller;
  GtkColumnView      *view;
  gboolean            stale;  /* the selection changed while the table was hidden */
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasSiteTable, atlas_site_table, GTK_TYPE_WIDGET)

static GtkColumnViewColumn *
add_column (AtlasSiteTable *self,
            const char     *title,
            const char     *property,
            const char     *sort_property,
            gboolean        numeric)
{
  return atlas_table_add_column (self->view, ATLAS_TYPE_SITE_ITEM, title, property, sort_property, numeric);
}

static void
fill (AtlasSiteTable *self)
{
  AtlasSelection *selection = atlas_session_get_selection (self->session);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (selection == NULL)
    return;
  /* Hidden: nothing to sort behind the other tabs. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      g_list_store_remove_all (self->items);
      return;
    }
  self->stale = FALSE;
  for (guint i = 0; i < selection->sites->len; i++)
    g_ptr_array_add (rows, atlas_site_item_new (g_ptr_array_index (selection->sites, i)));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), rows->pdata, rows->len);
}

static void
on_selection_changed (AtlasSiteTable *self)
{
  AtlasSiteItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    atlas_view_state_set_selected_entity (self->view_state, atlas_site_item_get_id (item));
}

static void
on_activate (AtlasSiteTable *self,
             guint           position,
             GtkColumnView  *view)
{
  g_autoptr(AtlasSiteItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-site", "s", atlas_site_item_get_id (item));
}

static void
set_session (AtlasSiteTable *self,
             AtlasSession   *session)
{
  if (session == NULL || session == self->session)
    return;
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->view_state = g_object_ref (atlas_session_get_view_state (session));
  g_signal_connect_object (session, "selection-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
}

static void
atlas_site_table_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ATLAS_SITE_TABLE (object)->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_site_table_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (ATLAS_SITE_TABLE (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GListModel *
atlas_site_table_get_rows (AtlasSiteTable *self)
{
  return G_LIST_MODEL (self->sorted);
}

static void
atlas_site_table_map (GtkWidget *widget)
{
  AtlasSiteTable *self = ATLAS_SITE_TABLE (widget);

  GTK_WIDGET_CLASS (atlas_site_table_parent_class)->map (widget);
  if (self->stale && self->session != NULL)
    fill (self);
}

static void
atlas_site_table_dispose (GObject *object)
{
  AtlasSiteTable *self = ATLAS_SITE_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->session);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (atlas_site_table_parent_class)->dispose (object);
}

static void
atlas_site_table_class_init (AtlasSiteTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_site_table_dispose;
  object_class->get_property = atlas_site_table_get_property;
  object_class->set_property = atlas_site_table_set_property;
  widget_class->map = atlas_site_table_map;

  /* The session whose selection the table shows: set once, from the
   * window's template. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_site_table_init (AtlasSiteTable *self)
{
  GtkColumnViewColumn *h100e;

  self->view = atlas_table_new_view (_("Sites"));

  gtk_column_view_column_set_expand (add_column (self, _("Name"), "name", "name", FALSE), TRUE);
  add_column (self, _("Status"), "status", "status", FALSE);
  add_column (self, _("Certainty"), "certainty", "certainty", FALSE);
  add_column (self, _("Country"), "country", "country", FALSE);
  add_column (self, _("Owners"), "owners", "owners", FALSE);
  add_column (self, _("Power (MW)"), "power-label", "power", TRUE);
  h100e = add_column (self, _("H100 Equivalents"), "h100e-label", "h100e", TRUE);
  add_column (self, _("First Operational"), "first-operational", "first-operational", FALSE);

  self->items = g_list_store_new (ATLAS_TYPE_SITE_ITEM);
  self->scroller = atlas_table_attach (GTK_WIDGET (self), self->view, G_LIST_MODEL (self->items), &self->sorted,
                                       &self->selection);
  gtk_column_view_sort_by_column (self->view, h100e, GTK_SORT_DESCENDING);

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
}
