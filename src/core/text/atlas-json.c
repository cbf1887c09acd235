/* atlas-json.c: what the JSON writers share */
#include "config.h"

#include <math.h>

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

/* A number, or null when it is not one (NAN: unknown). */
void
atlas_json_add_number_member (JsonBuilder *builder,
                              const char  *name,
                              double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
atlas_json_add_strings_member (JsonBuilder *builder,
                               const char  *name,
                               GPtrArray   *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (values, i));
  json_builder_end_array (builder);
}
