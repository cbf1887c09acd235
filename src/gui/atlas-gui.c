/* atlas-gui.c: process-wide set-up of the GUI (resources, malloc arenas) */
#include "config.h"

#include <stdlib.h>  /* defines __GLIBC__ on glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "atlas-gui.h"
#include "atlas-resources.h"

/* The resources are linked from a static library and registered by hand:
 * once, before the application starts (libadwaita reads style.css from them
 * at startup) or before the first template is read, whichever comes first.
 * Registering twice would corrupt GLib's list of lazy resources. */
void
atlas_gui_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      atlas_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* glibc gives each thread that allocates an arena of its own, and freed
 * memory stays in the arena that had it. The graph, timeline and index
 * workers each build tens of megabytes, so with their own arenas the
 * process kept the high-water mark of each: +35 MB at the peak of the
 * startup benchmark (bench-startup.c), against 7% longer rebuilds with
 * one arena shared. Call before any thread starts. */
void
atlas_gui_share_malloc_arena (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 1);
#endif
}

/* The app's settings, or NULL when the schema is not installed (the binary
 * run straight from a build tree, outside `meson devenv`): the app then
 * works with its defaults instead of aborting. */
GSettings *
atlas_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; using defaults. "
                 "Run an uninstalled build through `meson devenv`.", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* A refresher for `store` that follows the "refresh-interval" setting. */
AtlasRefresher *
atlas_gui_refresher_new (AtlasStore *store)
{
  AtlasRefresher *refresher = atlas_refresher_new (store);
  g_autoptr(GSettings) settings = atlas_gui_settings_new ();

  /* The binding keeps the settings object alive. */
  if (settings != NULL)
    g_settings_bind (settings, "refresh-interval", refresher, "interval", G_SETTINGS_BIND_GET);
  return refresher;
}
