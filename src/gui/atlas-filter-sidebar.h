#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_SIDEBAR (atlas_filter_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, ATLAS, FILTER_SIDEBAR, GtkWidget)

void atlas_filter_sidebar_set_session (AtlasFilterSidebar *self,
                                       AtlasSession       *session);

G_END_DECLS
