/* The fetcher against a misbehaving server on 127.0.0.1: every case checks
 * the error a person would read and the time it took to give up. */
#include <string.h>

#include "atlas-fetcher.h"
#include "atlas-test-server.h"

static AtlasTestServer *server;
static AtlasFetchLimits limits;

static const char *good_feed =
  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Good\", \"items\": "
  "[{\"id\": \"1\", \"title\": \"Nscale opens in Norway\"}]}";

typedef struct
{
  AtlasFetchResult *result;
  double            seconds;
} Timed;

static Timed
fetch_path (const char *path,
            const char *etag)
{
  g_autofree char *url = atlas_test_server_url (server, path);
  gint64 start = g_get_monotonic_time ();
  Timed timed;

  timed.result = atlas_fetch (url, etag, NULL, &limits, NULL);
  timed.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("%s: %.2f s, %s", path, timed.seconds,
                  timed.result->error ? timed.result->error->message : "ok");
  return timed;
}

static void
assert_fails (const char *path,
              int         code,
              const char *message_part,
              double      max_seconds)
{
  Timed timed = fetch_path (path, NULL);

  g_assert_error (timed.result->error, ATLAS_FETCH_ERROR, code);
  if (message_part != NULL && strstr (timed.result->error->message, message_part) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, timed.result->error->message, message_part);
  g_assert_null (timed.result->body);
  g_assert_cmpfloat (timed.seconds, <, max_seconds);
  atlas_fetch_result_free (timed.result);
}

static void
test_good_and_not_modified (void)
{
  Timed first = fetch_path ("/good.json", NULL);
  g_autofree char *user_agent = atlas_test_server_dup_user_agent (server);
  Timed second;

  g_assert_no_error (first.result->error);
  g_assert_cmpuint (first.result->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (first.result->body, NULL), g_bytes_get_size (first.result->body),
                   good_feed, strlen (good_feed));
  g_assert_nonnull (first.result->etag);
  g_assert_cmpstr (first.result->last_modified, ==, "Mon, 15 Sep 2025 08:00:00 GMT");
  /* The server can tell who is asking. */
  g_assert_true (g_str_has_prefix (user_agent, "ComputeAtlas/"));

  second = fetch_path ("/good.json", first.result->etag);
  g_assert_no_error (second.result->error);
  g_assert_true (atlas_fetch_not_modified (second.result));
  g_assert_null (second.result->body);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/good.json"), >=, 2);

  atlas_fetch_result_free (first.result);
  atlas_fetch_result_free (second.result);
}

static void
test_statuses (void)
{
  assert_fails ("/status/404", ATLAS_FETCH_ERROR_HTTP_STATUS, "404 Not Found", 2);
  assert_fails ("/status/410", ATLAS_FETCH_ERROR_HTTP_STATUS, "410 Gone", 2);
  assert_fails ("/status/500", ATLAS_FETCH_ERROR_HTTP_STATUS, "500 Internal Server Error", 2);
}

static void
test_retry_after (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  Timed limited = fetch_path ("/retry-after", NULL);
  Timed unavailable = fetch_path ("/unavailable", NULL);

  g_assert_error (limited.result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (limited.result->error->message, "429 Too Many Requests"));
  g_assert_cmpint (limited.result->retry_after, >=, now + 119);
  g_assert_cmpint (limited.result->retry_after, <=, now + 125);

  /* A date in year 9999 is capped. */
  g_assert_error (unavailable.result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_RATE_LIMITED);
  g_assert_cmpint (unavailable.result->retry_after, <=, now + limits.max_retry_after_seconds + 5);
  g_assert_cmpint (unavailable.result->retry_after, >=, now + limits.max_retry_after_seconds - 5);

  atlas_fetch_result_free (limited.result);
  atlas_fetch_result_free (unavailable.result);
}

static void
test_redirects (void)
{
  Timed ok = fetch_path ("/redirect/3", NULL);
  g_autofree char *final = atlas_test_server_url (server, "/good.json");

  g_assert_no_error (ok.result->error);
  g_assert_cmpstr (ok.result->final_url, ==, final);
  atlas_fetch_result_free (ok.result);

  assert_fails ("/redirect/9", ATLAS_FETCH_ERROR_TOO_MANY_REDIRECTS, "5 redirects", 3);
  assert_fails ("/loop", ATLAS_FETCH_ERROR_TOO_MANY_REDIRECTS, "redirects", 3);
  assert_fails ("/redirect-to-file", ATLAS_FETCH_ERROR_BAD_REDIRECT, "http or https", 2);
}

static void
test_redirect_rule (void)
{
  static const struct { const char *from; const char *location; const char *expected; } cases[] = {
    { "https://a.example/feed", "https://b.example/feed", "https://b.example/feed" },
    { "https://a.example/x/feed", "../other.json", "https://a.example/other.json" },
    { "http://a.example/feed", "https://a.example/feed", "https://a.example/feed" },
    { "https://a.example/feed", "http://a.example/feed", NULL },
    { "https://a.example/feed", "//b.example/feed", "https://b.example/feed" },
    { "https://a.example/feed", "file:///etc/passwd", NULL },
    { "https://a.example/feed", "javascript:alert(1)", NULL },
    { "http://a.example/feed", "ftp://a.example/feed", NULL },
    { "https://a.example/feed", "https://user:pw@b.example/", NULL },
    { "https://a.example/feed", "", NULL },
    { "https://a.example/feed", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *resolved = atlas_fetch_resolve_redirect (cases[i].from, cases[i].location, &error);

      g_assert_cmpstr (resolved, ==, cases[i].expected);
      if (cases[i].expected == NULL)
        g_assert_error (error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_BAD_REDIRECT);
    }
}

static void
test_size_caps (void)
{
  assert_fails ("/gzip-bomb", ATLAS_FETCH_ERROR_TOO_LARGE, "Stopped after 1.0", 3);
  assert_fails ("/big", ATLAS_FETCH_ERROR_TOO_LARGE, "larger than 1.0", 2);
  assert_fails ("/big-no-length", ATLAS_FETCH_ERROR_TOO_LARGE, "Stopped after 1.0", 3);
}

static void
test_broken_transfers (void)
{
  double deadline = limits.deadline_ms / 1000.0;

  assert_fails ("/short", ATLAS_FETCH_ERROR_TRUNCATED, "closed before", 2);
  /* A silent server trips the I/O timeout, a dripping one the deadline. */
  assert_fails ("/stall", ATLAS_FETCH_ERROR_NETWORK, "stopped answering", limits.io_timeout_seconds + 1.5);
  assert_fails ("/drip", ATLAS_FETCH_ERROR_DEADLINE, "Gave up after", deadline + 1.5);
}

/* The body decides what a response is; only types that are never feeds are
 * turned away unread. */
static void
test_content_types (void)
{
  static const struct { const char *type; gboolean ok; } cases[] = {
    { "application/feed+json", TRUE },
    { "application/json", TRUE },
    { "text/html", TRUE },
    { "application/rss+xml", TRUE },
    { "text/xml; charset=ISO-8859-1", TRUE },
    { "application/octet-stream", TRUE },
    { "", TRUE },
    { NULL, TRUE },
    { "image/png", FALSE },
    { " Video/MP4", FALSE },
    { "audio/mpeg", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (atlas_fetch_content_type_ok (cases[i].type), ==, cases[i].ok);

  atlas_test_server_set_typed_feed (server, "/logo.png", "PNG", "image/png");
  assert_fails ("/logo.png", ATLAS_FETCH_ERROR_WRONG_TYPE, "“image/png”, not a feed", 2);
}

static void
test_retry_after_parsing (void)
{
  gint64 now = 1758182400;

  g_assert_cmpint (atlas_fetch_parse_retry_after ("120", now, 3600), ==, now + 120);
  g_assert_cmpint (atlas_fetch_parse_retry_after ("99999999", now, 3600), ==, now + 3600);
  g_assert_cmpint (atlas_fetch_parse_retry_after ("Thu, 18 Sep 2025 08:10:00 GMT", now, 3600), ==, now + 600);
  g_assert_cmpint (atlas_fetch_parse_retry_after ("Thu, 18 Sep 2025 07:00:00 GMT", now, 3600), ==, 0);
  g_assert_cmpint (atlas_fetch_parse_retry_after ("soon", now, 3600), ==, 0);
  g_assert_cmpint (atlas_fetch_parse_retry_after ("12abc", now, 3600), ==, 0);
  g_assert_cmpint (atlas_fetch_parse_retry_after (NULL, now, 3600), ==, 0);
}

static void
test_bad_addresses (void)
{
  static const char *const urls[] = { "file:///etc/passwd", "ftp://127.0.0.1/", "javascript:1", "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(AtlasFetchResult) result = atlas_fetch (urls[i], NULL, NULL, &limits, NULL);
      g_assert_error (result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_BAD_URL);
    }

  /* Nothing listens on port 9 of loopback. */
  {
    g_autoptr(AtlasFetchResult) result = atlas_fetch ("http://127.0.0.1:9/feed.json", NULL, NULL, &limits, NULL);
    g_assert_error (result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_NETWORK);
  }
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = atlas_test_server_url (server, "/good.json");
  g_autoptr(AtlasFetchResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = atlas_fetch (url, NULL, NULL, &limits, cancellable);
  g_assert_error (result->error, ATLAS_FETCH_ERROR, ATLAS_FETCH_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  atlas_fetch_limits_init (&limits);
  limits.io_timeout_seconds = 2;
  limits.deadline_ms = 3000;
  limits.max_bytes = 1024 * 1024;

  server = atlas_test_server_new ();
  atlas_test_server_set_feed (server, "/good.json", good_feed);

  g_test_add_func ("/fetcher/good-and-not-modified", test_good_and_not_modified);
  g_test_add_func ("/fetcher/statuses", test_statuses);
  g_test_add_func ("/fetcher/retry-after", test_retry_after);
  g_test_add_func ("/fetcher/redirects", test_redirects);
  g_test_add_func ("/fetcher/redirect-rule", test_redirect_rule);
  g_test_add_func ("/fetcher/size-caps", test_size_caps);
  g_test_add_func ("/fetcher/broken-transfers", test_broken_transfers);
  g_test_add_func ("/fetcher/content-types", test_content_types);
  g_test_add_func ("/fetcher/retry-after-parsing", test_retry_after_parsing);
  g_test_add_func ("/fetcher/bad-addresses", test_bad_addresses);
  g_test_add_func ("/fetcher/cancel", test_cancel);

  status = g_test_run ();
  atlas_test_server_free (server);
  return status;
}
