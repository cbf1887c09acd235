/* atlas-locale.c: the process's locale and message catalogue */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "atlas-locale.h"

void
atlas_locale_init (void)
{
  /* An uninstalled build (`meson devenv`) points this at its own catalogues,
   * so the French UI can be tried before installing. */
  const char *localedir = g_getenv ("COMPUTE_ATLAS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
