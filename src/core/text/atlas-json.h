#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void atlas_json_add_string_member (JsonBuilder *builder,
                                   const char  *name,
                                   const char  *value);

G_END_DECLS
