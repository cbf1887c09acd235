#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *atlas_country_code_for_name        (const char *name);
const char *atlas_country_code_for_subdivision (const char *name);

G_END_DECLS
