/* atlas-shared-text.c: one Pango context for the text the list draws
 *
 * A widget's own context is made the first time it is asked for, and a
 * filter change makes about 200 new rows: asking each for its context cost
 * more than shaping its text. The rows and their chips lay out on this one,
 * made from the first widget that asks and made again when the fonts
 * change (whoever caches layouts keeps the context they were made on and
 * compares).
 */
#include "config.h"

#include "atlas-shared-text.h"

static PangoContext *shared_context;

static void
forget_context (void)
{
  g_clear_object (&shared_context);
}

/* Borrowed; valid until the fonts change. */
PangoContext *
atlas_shared_pango_context (GtkWidget *widget)
{
  static gboolean watching;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (!watching)
    {
      GtkSettings *settings = gtk_widget_get_settings (widget);

      g_signal_connect (settings, "notify::gtk-font-name", G_CALLBACK (forget_context), NULL);
      g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (forget_context), NULL);
      watching = TRUE;
    }
  if (shared_context == NULL)
    shared_context = gtk_widget_create_pango_context (widget);
  return shared_context;
}
