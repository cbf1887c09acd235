#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *name;            /* English, marked for translation */
  const char *const *aliases;  /* other names used for tagging, in English and French */
} AtlasCountry;

const AtlasCountry *atlas_country_lookup        (const char *code);
const AtlasCountry *atlas_countries_get_all     (guint      *n_countries);
gboolean            atlas_country_code_is_valid (const char *code);
const char         *atlas_country_display_name  (const char *code);

G_END_DECLS
