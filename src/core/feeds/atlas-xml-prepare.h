#pragma once

#include <glib.h>

#include "atlas-feed-reader.h"

G_BEGIN_DECLS

char *atlas_xml_prepare (const char   *data,
                         gsize         length,
                         const char   *charset,
                         const char   *source_name,
                         const char  **encoding,
                         gsize        *new_length,
                         GError      **error);

G_END_DECLS
