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

G_GNUC_END_IGNORE_DEPRECATIONS
