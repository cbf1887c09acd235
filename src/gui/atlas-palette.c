/* atlas-palette.c: the kinds' colours, from the stylesheet's named colours
 *
 * The graph's discs and legend and the timeline's lanes take their colours
 * from data/style.css (@define-color atlas_entity_<kind>, atlas_event_<kind>,
 * atlas_today, atlas_range), and from style-dark.css in the dark style, so
 * that a theme or the dark style changes them in one place. AdwApplication
 * loads both stylesheets for the app; atlas_palette_load() does the same
 * where there is no AdwApplication (tests, benchmarks). A name the
 * stylesheet lacks is a mistake: it is said, and the text's colour used.
 */
#include "config.h"

#include <adwaita.h>

#include "atlas-compat.h"
#include "atlas-gui.h"
#include "atlas-palette.h"

#define RESOURCE_PATH "/io/github/computeatlas/ComputeAtlas/"

static GtkCssProvider *dark_provider;

static void
follow_dark (AdwStyleManager *manager)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (adw_style_manager_get_dark (manager))
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (dark_provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (dark_provider));
}

/* As AdwApplication does with the resource base path: style.css always,
 * style-dark.css in the dark style. Once per process. */
void
atlas_palette_load (void)
{
  GtkCssProvider *light;

  if (dark_provider != NULL)
    return;
  atlas_gui_register_resources ();
  light = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (light, RESOURCE_PATH "style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (light),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  dark_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (dark_provider, RESOURCE_PATH "style-dark.css");
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (follow_dark), NULL);
  follow_dark (adw_style_manager_get_default ());
}

/* A named colour as `widget` sees it. */
void
atlas_palette_color (GtkWidget  *widget,
                     const char *name,
                     GdkRGBA    *color)
{
  if (atlas_compat_lookup_color (widget, name, color))
    return;
  g_warning ("The stylesheet names no colour %s", name);
  atlas_compat_widget_get_color (widget, color);
}

void
atlas_palette_entity_kind (GtkWidget       *widget,
                           AtlasEntityKind  kind,
                           GdkRGBA         *color)
{
  g_autofree char *name = g_strconcat ("atlas_entity_", atlas_entity_kind_get (kind)->id, NULL);

  atlas_palette_color (widget, name, color);
}

void
atlas_palette_event_kind (GtkWidget      *widget,
                          AtlasEventKind  kind,
                          GdkRGBA        *color)
{
  g_autofree char *name = g_strconcat ("atlas_event_", atlas_event_kind_get (kind)->id, NULL);

  atlas_palette_color (widget, name, color);
}
