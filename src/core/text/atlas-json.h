#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void atlas_json_add_string_member (JsonBuilder *builder,
                                   const char  *name,
                                   const char  *value);
void atlas_json_add_number_member (JsonBuilder *builder,
                                   const char  *name,
                                   double       value);
void atlas_json_add_strings_member (JsonBuilder *builder,
                                    const char  *name,
                                    GPtrArray   *values);

G_END_DECLS
