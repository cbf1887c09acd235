#pragma once

#include <glib.h>

#include "atlas-feed.h"

G_BEGIN_DECLS

#define ATLAS_FEED_ERROR (atlas_feed_error_quark ())

typedef enum
{
  ATLAS_FEED_ERROR_TOO_LARGE,
  ATLAS_FEED_ERROR_NOT_JSON,
  ATLAS_FEED_ERROR_TOO_DEEP,
  ATLAS_FEED_ERROR_NOT_A_FEED,
  ATLAS_FEED_ERROR_UNKNOWN_VERSION,
  ATLAS_FEED_ERROR_NOT_XML,
  ATLAS_FEED_ERROR_BAD_ENCODING,
  /* An HTML page: atlas_html_find_feed_links() says which feeds it names. */
  ATLAS_FEED_ERROR_WEB_PAGE,
  ATLAS_FEED_ERROR_UNKNOWN_FORMAT,
} AtlasFeedError;

/* What a body is, told by its first bytes, never by what the server said. */
typedef enum
{
  ATLAS_FEED_FORMAT_UNKNOWN,
  ATLAS_FEED_FORMAT_JSON,
  ATLAS_FEED_FORMAT_XML,
  ATLAS_FEED_FORMAT_HTML,
} AtlasFeedFormat;

/* Every limit is documented in docs/feed-format.md; a feed over a limit is
 * refused (body, depth) or cut with a note in the report (the others). */
typedef struct
{
  gsize max_body_bytes;
  guint max_depth;
  guint max_items;
  gsize max_string_bytes;
  guint max_entities;
  guint max_list_length;
} AtlasFeedLimits;

/* RSS and Atom are read in one streaming pass, so a large feed costs its
 * text and no tree; a JSON Feed is a tree in json-glib, and stays smaller. */
#define ATLAS_FEED_DEFAULT_MAX_BODY_BYTES    (64 * 1024 * 1024)
#define ATLAS_FEED_MAX_JSON_BYTES            (10 * 1024 * 1024)
#define ATLAS_FEED_DEFAULT_MAX_DEPTH         64
#define ATLAS_FEED_DEFAULT_MAX_ITEMS         20000
#define ATLAS_FEED_DEFAULT_MAX_STRING_BYTES  (256 * 1024)
#define ATLAS_FEED_DEFAULT_MAX_ENTITIES      20000
#define ATLAS_FEED_DEFAULT_MAX_LIST_LENGTH   500

/* Takes `page`; FALSE stops the reading. */
typedef gboolean (*AtlasFeedPageFunc) (AtlasFeed *page,
                                       gpointer   user_data);

GQuark     atlas_feed_error_quark      (void);
void       atlas_feed_limits_init      (AtlasFeedLimits       *limits);
AtlasFeedFormat atlas_feed_sniff      (const char            *data,
                                        gsize                  length);
AtlasFeed *atlas_feed_read             (const char            *data,
                                        gsize                  length,
                                        const char            *source_name,
                                        const AtlasFeedLimits *limits,
                                        GError               **error);
AtlasFeed *atlas_feed_read_http        (const char            *data,
                                        gsize                  length,
                                        const char            *source_name,
                                        const char            *content_type,
                                        const AtlasFeedLimits *limits,
                                        GError               **error);
gboolean   atlas_feed_read_pages       (const char            *data,
                                        gsize                  length,
                                        const char            *source_name,
                                        const char            *content_type,
                                        const AtlasFeedLimits *limits,
                                        guint                  page_items,
                                        AtlasFeedPageFunc      page_func,
                                        gpointer               user_data,
                                        GError               **error);
gboolean   atlas_entity_id_is_valid    (const char            *id);

G_END_DECLS
