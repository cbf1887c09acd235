/* atlas-fetcher.c: one HTTP GET of a feed, with every limit a hostile
 * server could test
 *
 * Runs in a worker thread with a session of its own (libsoup's sync API).
 * Redirects are followed here, not by libsoup, so that each hop can be
 * checked; the body is read through libsoup's decoder so the size cap counts
 * decoded bytes (a gzip bomb is stopped); and a watchdog thread cancels the
 * request at the overall deadline, which catches a server that drips one byte
 * at a time and so never trips the I/O timeout.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "atlas-fetcher.h"
#include "atlas-text.h"

G_DEFINE_QUARK (atlas-fetch-error-quark, atlas_fetch_error)

/* libsoup 3.2, Debian 12's, names neither the status nor its phrase. */
#define STATUS_TOO_MANY_REQUESTS 429

static const char *
status_phrase (guint status)
{
  /* The server's own reason phrase is untrusted text; these are ours. */
  if (status == STATUS_TOO_MANY_REQUESTS)
    return "Too Many Requests";
  return soup_status_get_phrase (status);
}

void
atlas_fetch_limits_init (AtlasFetchLimits *limits)
{
  limits->io_timeout_seconds = ATLAS_FETCH_DEFAULT_IO_TIMEOUT_SECONDS;
  limits->deadline_ms = ATLAS_FETCH_DEFAULT_DEADLINE_MS;
  limits->max_bytes = ATLAS_FETCH_DEFAULT_MAX_BYTES;
  limits->max_redirects = ATLAS_FETCH_DEFAULT_MAX_REDIRECTS;
  limits->max_retry_after_seconds = ATLAS_FETCH_DEFAULT_MAX_RETRY_AFTER;
}

const char *
atlas_fetch_user_agent (void)
{
  return "ComputeAtlas/" PACKAGE_VERSION " (+https://github.com/computeatlas/ComputeAtlas)";
}

void
atlas_fetch_result_free (AtlasFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_error (&result->error);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->content_type);
  g_free (result->final_url);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result);
}

gboolean
atlas_fetch_not_modified (const AtlasFetchResult *result)
{
  return result->error == NULL && result->status == SOUP_STATUS_NOT_MODIFIED;
}

/* Where a redirect may lead: http or https only, never from https down to
 * http, never to a link we would not open. */
char *
atlas_fetch_resolve_redirect (const char  *from,
                              const char  *location,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *resolved = NULL;

  if (location == NULL || *location == '\0')
    {
      g_set_error (error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_BAD_REDIRECT,
                   _("The server redirected without saying where to"));
      return NULL;
    }

  resolved = g_uri_resolve_relative (from, location, G_URI_FLAGS_NONE, &local_error);
  if (resolved == NULL || !atlas_text_is_web_link (resolved))
    {
      g_set_error (error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_BAD_REDIRECT,
                   _("The server redirected to an address that is not an http or https link"));
      return NULL;
    }

  if (g_str_has_prefix (from, "https:") && !g_str_has_prefix (resolved, "https:"))
    {
      g_set_error (error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_BAD_REDIRECT,
                   _("The server redirected from https to unencrypted http"));
      return NULL;
    }

  return g_steal_pointer (&resolved);
}

/* Feeds come labelled every way (text/xml, text/html, octet-stream, none
 * at all), so the body's first bytes decide what it is; only what can never
 * be a feed is turned away before it is read. */
gboolean
atlas_fetch_content_type_ok (const char *content_type)
{
  static const char *const never_feeds[] = { "image/", "audio/", "video/", "font/", "model/", NULL };
  g_autofree char *lower = NULL;

  if (content_type == NULL)
    return TRUE;
  lower = g_ascii_strdown (content_type, -1);
  g_strstrip (lower);
  for (guint i = 0; never_feeds[i] != NULL; i++)
    if (g_str_has_prefix (lower, never_feeds[i]))
      return FALSE;
  return TRUE;
}

/* Retry-After is either seconds or an HTTP date. The wait is capped, so a
 * server cannot silence a feed for years. Returns an absolute time. */
gint64
atlas_fetch_parse_retry_after (const char *value,
                               gint64      now,
                               guint       cap_seconds)
{
  g_autoptr(GDateTime) date = NULL;
  gint64 wait = -1;
  char *end = NULL;

  if (value == NULL)
    return 0;

  if (g_ascii_isdigit (*value))
    {
      guint64 seconds = g_ascii_strtoull (value, &end, 10);

      if (*end == '\0')
        wait = (gint64) MIN (seconds, (guint64) G_MAXINT32);
    }
  else if ((date = soup_date_time_new_from_http_string (value)) != NULL)
    wait = g_date_time_to_unix (date) - now;

  if (wait < 0)
    return 0;
  return now + MIN (wait, (gint64) cap_seconds);
}

/* ---- the deadline ------------------------------------------------------- */

typedef struct
{
  GMutex        mutex;
  GCond         cond;
  gboolean      done;
  gboolean      expired;
  gint64        deadline;
  GCancellable *cancellable;
  GThread      *thread;
} Watchdog;

static gpointer
watchdog_run (gpointer data)
{
  Watchdog *watchdog = data;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done)
    {
      if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, watchdog->deadline) &&
          !watchdog->done)
        {
          watchdog->expired = TRUE;
          g_cancellable_cancel (watchdog->cancellable);
          break;
        }
    }
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

static void
watchdog_start (Watchdog     *watchdog,
                guint         deadline_ms,
                GCancellable *cancellable)
{
  g_mutex_init (&watchdog->mutex);
  g_cond_init (&watchdog->cond);
  watchdog->deadline = g_get_monotonic_time () + (gint64) deadline_ms * 1000;
  watchdog->cancellable = cancellable;
  watchdog->thread = g_thread_new ("atlas-fetch-deadline", watchdog_run, watchdog);
}

static gboolean
watchdog_stop (Watchdog *watchdog)
{
  gboolean expired;

  g_mutex_lock (&watchdog->mutex);
  watchdog->done = TRUE;
  g_cond_signal (&watchdog->cond);
  g_mutex_unlock (&watchdog->mutex);
  g_thread_join (watchdog->thread);

  expired = watchdog->expired;
  g_mutex_clear (&watchdog->mutex);
  g_cond_clear (&watchdog->cond);
  return expired;
}

static void
cancel_other (GCancellable *cancellable,
              gpointer      other)
{
  g_cancellable_cancel (other);
}

/* ---- the request -------------------------------------------------------- */

typedef struct
{
  const AtlasFetchLimits *limits;
  SoupSession            *session;
  GCancellable           *cancellable;
  Watchdog                watchdog;
  AtlasFetchResult       *result;
} Fetch;

static void
fail (Fetch      *fetch,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Fetch      *fetch,
      int         code,
      const char *format,
      ...)
{
  va_list args;

  if (fetch->result->error != NULL)
    return;
  va_start (args, format);
  fetch->result->error = g_error_new_valist (ATLAS_FETCH_ERROR, code, format, args);
  va_end (args);
}

/* An I/O error in plain words. Cancellation is either the deadline or the
 * caller; which one is only known once the watchdog has stopped. */
static void
fail_io (Fetch        *fetch,
         const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (fetch, ATLAS_FETCH_ERROR_CANCELLED, _("Stopped"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fail (fetch, ATLAS_FETCH_ERROR_NETWORK, _("The server stopped answering for %u seconds"),
          fetch->limits->io_timeout_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    fail (fetch, ATLAS_FETCH_ERROR_TRUNCATED, _("The connection closed before the whole feed arrived"));
  else if (error->domain == G_TLS_ERROR)
    fail (fetch, ATLAS_FETCH_ERROR_NETWORK, _("The secure connection failed: %s"), error->message);
  else
    fail (fetch, ATLAS_FETCH_ERROR_NETWORK, _("The server could not be reached: %s"), error->message);
}

static GInputStream *
send_following_redirects (Fetch       *fetch,
                          const char  *url,
                          const char  *etag,
                          const char  *last_modified,
                          SoupMessage **message_out)
{
  g_autofree char *current = g_strdup (url);

  for (guint hops = 0;; hops++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", current);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      SoupMessageHeaders *headers;
      const char *location;
      char *next;
      guint status;

      if (message == NULL)
        {
          fail (fetch, ATLAS_FETCH_ERROR_BAD_URL, _("“%s” is not a valid address"), current);
          return NULL;
        }

      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      headers = soup_message_get_request_headers (message);
      soup_message_headers_replace (headers, "Accept",
                                    "application/feed+json, application/atom+xml, application/rss+xml, "
                                    "application/rdf+xml;q=0.9, application/json;q=0.8, application/xml;q=0.8, "
                                    "text/xml;q=0.8, text/html;q=0.5, */*;q=0.1");
      if (etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", etag);
      if (last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", last_modified);

      stream = soup_session_send (fetch->session, message, fetch->cancellable, &error);
      if (stream == NULL)
        {
          fail_io (fetch, error);
          return NULL;
        }

      status = soup_message_get_status (message);
      g_free (fetch->result->final_url);
      fetch->result->final_url = g_strdup (current);
      if (!SOUP_STATUS_IS_REDIRECTION (status) || status == SOUP_STATUS_NOT_MODIFIED)
        {
          *message_out = g_steal_pointer (&message);
          return g_steal_pointer (&stream);
        }

      g_input_stream_close (stream, NULL, NULL);
      if (hops >= fetch->limits->max_redirects)
        {
          fail (fetch, ATLAS_FETCH_ERROR_TOO_MANY_REDIRECTS, _("Stopped after %u redirects"),
                fetch->limits->max_redirects);
          return NULL;
        }

      location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      next = atlas_fetch_resolve_redirect (current, location, &error);
      if (next == NULL)
        {
          fail (fetch, error->code, "%s", error->message);
          return NULL;
        }
      g_free (current);
      current = next;
    }
}

static void
read_body (Fetch        *fetch,
           GInputStream *stream,
           SoupMessage  *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree char *limit = g_format_size (fetch->limits->max_bytes);
  guint8 chunk[16384];

  if (!atlas_fetch_content_type_ok (content_type))
    {
      g_autofree char *shown = atlas_text_clean (content_type, 80, NULL);

      fail (fetch, ATLAS_FETCH_ERROR_WRONG_TYPE, _("The server sent “%s”, not a feed"), shown);
      return;
    }
  fetch->result->content_type = atlas_text_clean (soup_message_headers_get_one (headers, "Content-Type"), 200, NULL);

  if (soup_message_headers_get_content_length (headers) > (goffset) fetch->limits->max_bytes)
    {
      fail (fetch, ATLAS_FETCH_ERROR_TOO_LARGE, _("The feed is larger than %s"), limit);
      return;
    }

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, fetch->cancellable, &error);

      if (n < 0)
        {
          fail_io (fetch, error);
          return;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > fetch->limits->max_bytes)
        {
          fail (fetch, ATLAS_FETCH_ERROR_TOO_LARGE, _("Stopped after %s"), limit);
          return;
        }
      g_byte_array_append (body, chunk, n);
    }

  /* libsoup 3.2 ends the stream quietly when the server closes early, so the
   * announced length is checked here (it counts encoded bytes, so only when
   * nothing was decoded). */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      (goffset) body->len < soup_message_headers_get_content_length (headers))
    {
      fail (fetch, ATLAS_FETCH_ERROR_TRUNCATED, _("The connection closed before the whole feed arrived"));
      return;
    }

  fetch->result->body = g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static void
read_response (Fetch        *fetch,
               GInputStream *stream,
               SoupMessage  *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  guint status = soup_message_get_status (message);

  fetch->result->status = status;
  fetch->result->etag = atlas_text_clean (soup_message_headers_get_one (headers, "ETag"), 512, NULL);
  fetch->result->last_modified = atlas_text_clean (soup_message_headers_get_one (headers, "Last-Modified"), 128, NULL);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    return;

  if (status == STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      fetch->result->retry_after = atlas_fetch_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                                                  g_get_real_time () / G_USEC_PER_SEC,
                                                                  fetch->limits->max_retry_after_seconds);
      fail (fetch, ATLAS_FETCH_ERROR_RATE_LIMITED, _("The server answered %u %s and asked to wait"),
            status, status_phrase (status));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fail (fetch, ATLAS_FETCH_ERROR_HTTP_STATUS, _("The server answered %u %s"), status, status_phrase (status));
      return;
    }

  read_body (fetch, stream, message);
}

AtlasFetchResult *
atlas_fetch (const char             *url,
             const char             *etag,
             const char             *last_modified,
             const AtlasFetchLimits *limits,
             GCancellable           *cancellable)
{
  AtlasFetchLimits default_limits;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SoupMessage) message = NULL;
  Fetch fetch = { 0 };
  gulong cancel_handler = 0;

  if (limits == NULL)
    {
      atlas_fetch_limits_init (&default_limits);
      limits = &default_limits;
    }

  fetch.limits = limits;
  fetch.result = g_new0 (AtlasFetchResult, 1);

  if (!atlas_text_is_web_link (url))
    {
      fail (&fetch, ATLAS_FETCH_ERROR_BAD_URL, _("“%s” is not an http or https address"), url ? url : "");
      return fetch.result;
    }

  fetch.session = soup_session_new_with_options ("timeout", limits->io_timeout_seconds,
                                                 "idle-timeout", limits->io_timeout_seconds,
                                                 "user-agent", atlas_fetch_user_agent (),
                                                 NULL);
  fetch.cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_other), fetch.cancellable, NULL);
  watchdog_start (&fetch.watchdog, limits->deadline_ms, fetch.cancellable);

  stream = send_following_redirects (&fetch, url, etag, last_modified, &message);
  if (stream != NULL)
    {
      read_response (&fetch, stream, message);
      g_input_stream_close (stream, NULL, NULL);
    }

  if (watchdog_stop (&fetch.watchdog) &&
      g_error_matches (fetch.result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_CANCELLED))
    {
      g_clear_error (&fetch.result->error);
      fail (&fetch, ATLAS_FETCH_ERROR_DEADLINE, _("Gave up after %u seconds"),
            (limits->deadline_ms + 999) / 1000);
    }

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, cancel_handler);
  g_clear_object (&fetch.cancellable);
  g_clear_object (&fetch.session);

  if (fetch.result->error != NULL)
    g_clear_pointer (&fetch.result->body, g_bytes_unref);
  return fetch.result;
}
