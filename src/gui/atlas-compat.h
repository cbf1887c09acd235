#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The few places where the GTK of the Flatpak runtime has a better API than
 * Debian 12's GTK 4.8: one function each, chosen at build time. */

void              atlas_compat_open_uri      (GtkWindow  *parent,
                                              const char *uri);
GtkAccessibleRole atlas_compat_canvas_role   (void);
void              atlas_compat_list_item_set_label (GtkListItem *item,
                                                    const char  *label);
void              atlas_compat_widget_get_color (GtkWidget *widget,
                                                 GdkRGBA   *color);
gboolean          atlas_compat_lookup_color  (GtkWidget  *widget,
                                              const char *name,
                                              GdkRGBA    *color);

G_END_DECLS
