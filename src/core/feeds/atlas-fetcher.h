#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_FETCH_ERROR (atlas_fetch_error_quark ())

typedef enum
{
  ATLAS_FETCH_ERROR_BAD_URL,
  ATLAS_FETCH_ERROR_NETWORK,
  ATLAS_FETCH_ERROR_HTTP_STATUS,
  ATLAS_FETCH_ERROR_RATE_LIMITED,
  ATLAS_FETCH_ERROR_TOO_MANY_REDIRECTS,
  ATLAS_FETCH_ERROR_BAD_REDIRECT,
  ATLAS_FETCH_ERROR_WRONG_TYPE,
  ATLAS_FETCH_ERROR_TOO_LARGE,
  ATLAS_FETCH_ERROR_TRUNCATED,
  ATLAS_FETCH_ERROR_DEADLINE,
  ATLAS_FETCH_ERROR_CANCELLED,
} AtlasFetchError;

/* Every limit is documented in docs/feed-format.md and tested against a
 * misbehaving loopback server. */
typedef struct
{
  guint io_timeout_seconds;
  guint deadline_ms;
  gsize max_bytes;
  guint max_redirects;
  guint max_retry_after_seconds;
} AtlasFetchLimits;

#define ATLAS_FETCH_DEFAULT_IO_TIMEOUT_SECONDS   15
#define ATLAS_FETCH_DEFAULT_DEADLINE_MS          60000
#define ATLAS_FETCH_DEFAULT_MAX_BYTES            (64 * 1024 * 1024)
#define ATLAS_FETCH_DEFAULT_MAX_REDIRECTS        5
#define ATLAS_FETCH_DEFAULT_MAX_RETRY_AFTER      (24 * 60 * 60)

typedef struct
{
  /* Set on failure; the other fields may still say what happened. */
  GError *error;
  guint   status;
  /* NULL when the server answered 304 Not Modified. */
  GBytes *body;
  /* As the server gave it (the reader takes its charset), or NULL. */
  char   *content_type;
  char   *final_url;
  char   *etag;
  char   *last_modified;
  /* When the server asked to be left alone (429, 503), in seconds since
   * the epoch; 0 otherwise. */
  gint64  retry_after;
} AtlasFetchResult;

GQuark            atlas_fetch_error_quark      (void);
void              atlas_fetch_limits_init      (AtlasFetchLimits       *limits);
AtlasFetchResult *atlas_fetch                  (const char             *url,
                                                const char             *etag,
                                                const char             *last_modified,
                                                const AtlasFetchLimits *limits,
                                                GCancellable           *cancellable);
void              atlas_fetch_result_free      (AtlasFetchResult       *result);
gboolean          atlas_fetch_not_modified     (const AtlasFetchResult *result);
char             *atlas_fetch_resolve_redirect (const char             *from,
                                                const char             *location,
                                                GError                **error);
gboolean          atlas_fetch_content_type_ok  (const char             *content_type);
gint64            atlas_fetch_parse_retry_after (const char            *value,
                                                 gint64                 now,
                                                 guint                  cap_seconds);
const char       *atlas_fetch_user_agent       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFetchResult, atlas_fetch_result_free)

G_END_DECLS
