#pragma once

#include <adwaita.h>

#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FACET_CHOOSER (atlas_facet_chooser_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFacetChooser, atlas_facet_chooser, ATLAS, FACET_CHOOSER, AdwWindow)

AtlasFacetChooser *atlas_facet_chooser_new          (GtkWindow         *parent,
                                                     AtlasViewState    *view_state,
                                                     AtlasFilterGroup   group,
                                                     const char        *title);
void               atlas_facet_chooser_show_entries (AtlasFacetChooser *self,
                                                     GPtrArray         *entries);

G_END_DECLS
