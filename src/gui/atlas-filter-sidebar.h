#pragma once

#include <gtk/gtk.h>

#include "atlas-article-index.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_SIDEBAR (atlas_filter_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, ATLAS, FILTER_SIDEBAR, GtkWidget)

void atlas_filter_sidebar_bind           (AtlasFilterSidebar *self,
                                          AtlasViewState     *view_state);
void atlas_filter_sidebar_show_selection (AtlasFilterSidebar *self,
                                          AtlasSelection     *selection);

G_END_DECLS
