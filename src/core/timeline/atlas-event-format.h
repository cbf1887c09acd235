#pragma once

#include <glib.h>

#include "atlas-query.h"

G_BEGIN_DECLS

char       *atlas_format_amount     (double                value,
                                     const char           *currency);
char       *atlas_format_quantity   (double                value,
                                     const char           *unit);
char       *atlas_event_label       (const AtlasEventInfo *event);
const char *atlas_event_kind_label  (const char           *kind);

G_END_DECLS
