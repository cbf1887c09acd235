#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_locale_init (void);

G_END_DECLS
