#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget      *atlas_facet_choice_new       (GCallback   on_toggled,
                                              gpointer    user_data);
GtkCheckButton *atlas_facet_choice_get_check (GtkWidget  *choice);
void            atlas_facet_choice_set_name  (GtkWidget  *choice,
                                              const char *name);
void            atlas_facet_choice_set_count (GtkWidget  *choice,
                                              guint       count,
                                              gboolean    selected);

G_END_DECLS
