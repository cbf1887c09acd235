#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_gui_register_resources (void);

G_END_DECLS
