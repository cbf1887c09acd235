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
