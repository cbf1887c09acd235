#pragma once

/* The readers behind atlas_feed_read(), one a format: it has checked the
 * size, that the body is not empty, and set `limits` and `source_name`. */

#include "atlas-feed-reader.h"

G_BEGIN_DECLS

AtlasFeed *atlas_json_feed_read (const char            *data,
                                 gsize                  length,
                                 const char            *source_name,
                                 const AtlasFeedLimits *limits,
                                 GError               **error);
AtlasFeed *atlas_xml_feed_read  (const char            *data,
                                 gsize                  length,
                                 const char            *source_name,
                                 const char            *charset,
                                 const AtlasFeedLimits *limits,
                                 GError               **error);

gboolean   atlas_xml_feed_read_pages (const char            *data,
                                      gsize                  length,
                                      const char            *source_name,
                                      const char            *charset,
                                      const AtlasFeedLimits *limits,
                                      guint                  page_items,
                                      AtlasFeedPageFunc      page_func,
                                      gpointer               page_data,
                                      GError               **error);

G_END_DECLS
