/* atlas-table.c: columns of text for the tables that stand beside the
 * graph and the timeline */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-table.h"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  property)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A row with a true "dimmed" property is drawn dimmed, and says why to
 * screen readers. */
static void
set_dimmed (GtkWidget *label,
            GObject   *row)
{
  gboolean dimmed = FALSE;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (row), "dimmed") != NULL)
    g_object_get (row, "dimmed", &dimmed, NULL);
  if (dimmed)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Outside the chosen period"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  property)
{
  GObject *row = gtk_list_item_get_item (item);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row), property);
  g_autofree char *text = NULL;

  if (pspec->value_type == G_TYPE_UINT)
    {
      guint value;
      g_object_get (row, property, &value, NULL);
      text = g_strdup_printf ("%'u", value);
    }
  else
    g_object_get (row, property, &text, NULL);

  /* Plain text: names and titles come from feeds. */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
  set_dimmed (gtk_list_item_get_child (item), row);
}

/* A table's view, named for screen readers. */
GtkColumnView *
atlas_table_new_view (const char *label)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));

  gtk_column_view_set_show_column_separators (view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  return view;
}

/* A resizable column showing `property` (a string, or a number written
 * out), sorted by `sort_property`: the same, or a number behind a label. */
GtkColumnViewColumn *
atlas_table_add_column (GtkColumnView *view,
                        GType          item_type,
                        const char    *title,
                        const char    *property,
                        const char    *sort_property,
                        gboolean       numeric)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (item_type, NULL, sort_property);
  g_autoptr(GtkSorter) sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                                        : GTK_SORTER (gtk_string_sorter_new (expression));
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) property);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) property);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  /* The view holds the column; the caller only tunes it. */
  g_object_unref (column);
  return column;
}

/* The rows of a table: `items` (taken) sorted by the view's columns, at
 * most one selected and none at first; the view scrolls inside `parent`.
 * Returns the scrolled window, for the parent to unparent. */
GtkWidget *
atlas_table_attach (GtkWidget           *parent,
                    GtkColumnView       *view,
                    GListModel          *items,
                    GtkSortListModel   **sorted,
                    GtkSingleSelection **selection)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  *sorted = gtk_sort_list_model_new (items, g_object_ref (gtk_column_view_get_sorter (view)));
  *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (*sorted)));
  gtk_single_selection_set_autoselect (*selection, FALSE);
  gtk_single_selection_set_can_unselect (*selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (*selection));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_parent (scroller, parent);
  return scroller;
}
