/* atlas-compat.c: the one place that chooses between GTK 4.8 and newer API */

#include "atlas-compat.h"

/* The build pins the API to GTK 4.8 (GDK_VERSION_MAX_ALLOWED) so newer calls
 * warn everywhere else; here they are chosen on purpose. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

void
atlas_compat_open_uri (GtkWindow  *parent,
                       const char *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

/* An interactive drawing (the graph): "application" tells screen readers to
 * pass keys through; GTK 4.8 lacks it, and "group" is the nearest. */
GtkAccessibleRole
atlas_compat_canvas_role (void)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  return GTK_ACCESSIBLE_ROLE_APPLICATION;
#else
  return GTK_ACCESSIBLE_ROLE_GROUP;
#endif
}

/* What a screen reader calls a list's row. GTK 4.8 names rows after their
 * class and offers no way to name them (it reads through to the row's own
 * widget, which carries the name); from 4.12 the row takes this one. */
void
atlas_compat_list_item_set_label (GtkListItem *item,
                                  const char  *label)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_accessible_label (item, label);
#else
  (void) item;
  (void) label;
#endif
}

/* The foreground colour of `widget`'s CSS node, for what it draws itself. */
void
atlas_compat_widget_get_color (GtkWidget *widget,
                               GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/* A colour the stylesheet names (@define-color). GTK 4.10 deprecates the
 * style context with no replacement for named colours; it still works. */
gboolean
atlas_compat_lookup_color (GtkWidget  *widget,
                           const char *name,
                           GdkRGBA    *color)
{
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
}

G_GNUC_END_IGNORE_DEPRECATIONS
