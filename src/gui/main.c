/* main.c: compute-atlas, the window (all of it is in libatlas-gui) */
#include "atlas-application.h"
#include "atlas-gui.h"
#include "atlas-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;

  atlas_gui_share_malloc_arena ();
  atlas_locale_init ();
  app = atlas_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
