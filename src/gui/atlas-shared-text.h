#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

PangoContext *atlas_shared_pango_context (GtkWidget *widget);

G_END_DECLS
