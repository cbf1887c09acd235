/* atlas-json.c: what the JSON writers share */
#include "config.h"

#include "atlas-json.h"

/* A string member, or null when there is no value: every object of a kind
 * then has the same members, which readers of our JSON rely on. */
void
atlas_json_add_string_member (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
