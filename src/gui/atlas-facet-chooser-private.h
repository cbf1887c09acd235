/* atlas-facet-chooser-private.h: what the tests and benchmarks read of facet chooser */
#pragma once

#include "atlas-facet-chooser.h"

G_BEGIN_DECLS

GListModel        *atlas_facet_chooser_get_shown    (AtlasFacetChooser *self);

G_END_DECLS
