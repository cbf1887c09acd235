#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SITE_TABLE (atlas_site_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSiteTable, atlas_site_table, ATLAS, SITE_TABLE, GtkWidget)

GListModel *atlas_site_table_get_rows (AtlasSiteTable *self);

G_END_DECLS
