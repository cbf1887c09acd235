#pragma once

#include <adwaita.h>

#include "atlas-refresher.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())

G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new            (void);
void              atlas_application_set_store_path (AtlasApplication *self,
                                                    const char       *path);
AtlasRefresher   *atlas_application_get_refresher  (AtlasApplication *self);

G_END_DECLS
