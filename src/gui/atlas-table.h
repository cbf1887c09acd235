#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkColumnView       *atlas_table_new_view   (const char          *label);
GtkColumnViewColumn *atlas_table_add_column (GtkColumnView *view,
                                             GType          item_type,
                                             const char    *title,
                                             const char    *property,
                                             const char    *sort_property,
                                             gboolean       numeric);

GtkWidget           *atlas_table_attach     (GtkWidget           *parent,
                                             GtkColumnView       *view,
                                             GListModel          *items,
                                             GtkSortListModel   **sorted,
                                             GtkSingleSelection **selection);

G_END_DECLS
