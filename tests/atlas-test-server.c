/* atlas-test-server.c: an HTTP server on 127.0.0.1 that misbehaves on
 * purpose
 *
 * Written on plain sockets rather than SoupServer so that it can break the
 * protocol: stall, drip, announce more bytes than it sends. It listens on
 * loopback only, every connection ends by itself within a bounded time, and
 * each response closes its connection.
 *
 * Routes: any path given to atlas_test_server_set_feed() (with ETag and 304),
 * /status/NNN, /retry-after, /unavailable, /loop, /redirect/N (N hops to
 * /good.json), /redirect-to-file, /gzip-bomb, /big, /big-no-length, /short,
 * /stall, /drip, /html, /no-type, /not-json.
 */
#include "atlas-test-server.h"

#include <string.h>

/* No connection lives longer than this, whatever the client does. */
#define MAX_CONNECTION_SECONDS 20

struct _AtlasTestServer
{
  GSocket    *listener;
  guint16     port;
  GThread    *thread;
  gboolean    stopping;
  int         active;
  GMutex      mutex;
  GHashTable *feeds;  /* path → body */
  GHashTable *types;  /* path → Content-Type, when not application/feed+json */
  GHashTable *hits;   /* path → count */
  char       *user_agent;  /* of the last request */
  GBytes     *gzip_bomb;
};

typedef struct
{
  AtlasTestServer *server;
  GSocket         *socket;
} Connection;

static gboolean
send_all (GSocket    *socket,
          const void *data,
          gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      gssize n = g_socket_send (socket, p, len, NULL, NULL);
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
send_text (GSocket    *socket,
           const char *text)
{
  return send_all (socket, text, strlen (text));
}

static void
respond (GSocket    *socket,
         guint       status,
         const char *headers,
         const char *body)
{
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u Status\r\nConnection: close\r\n%sContent-Length: %zu\r\n\r\n",
                                           status, headers ? headers : "", body ? strlen (body) : 0);

  if (send_text (socket, head) && body != NULL)
    send_text (socket, body);
}

/* Holds the connection open, sending nothing, until the client gives up. */
static void
stall (GSocket *socket)
{
  char buffer[256];
  gint64 end = g_get_monotonic_time () + MAX_CONNECTION_SECONDS * G_USEC_PER_SEC;

  g_socket_set_timeout (socket, 1);
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      if (n == 0 || (n < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)))
        return;
    }
}

static GBytes *
make_gzip_bomb (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *spaces = g_strnfill (1024 * 1024, ' ');

  g_output_stream_write_all (out, "[", 1, NULL, NULL, NULL);
  for (guint i = 0; i < 64; i++)
    g_output_stream_write_all (out, spaces, 1024 * 1024, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
header_value (const char *request,
              const char *name)
{
  g_auto(GStrv) lines = g_strsplit (request, "\r\n", -1);
  gsize len = strlen (name);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, len) == 0 && lines[i][len] == ':')
      return g_strstrip (g_strdup (lines[i] + len + 1));
  return NULL;
}

static void
serve (AtlasTestServer *self,
       GSocket         *socket,
       const char      *path,
       const char      *request)
{
  g_autofree char *body = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *user_agent = header_value (request, "User-Agent");

  g_mutex_lock (&self->mutex);
  g_free (self->user_agent);
  self->user_agent = g_steal_pointer (&user_agent);
  body = g_strdup (g_hash_table_lookup (self->feeds, path));
  content_type = g_strdup (g_hash_table_lookup (self->types, path));
  g_hash_table_insert (self->hits, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path)) + 1));
  g_mutex_unlock (&self->mutex);

  if (body != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%08x\"", g_str_hash (body));
      g_autofree char *asked = header_value (request, "If-None-Match");
      g_autofree char *headers = g_strdup_printf ("Content-Type: %s\r\nETag: %s\r\n"
                                                  "Last-Modified: Mon, 15 Sep 2025 08:00:00 GMT\r\n",
                                                  content_type ? content_type : "application/feed+json", etag);

      if (g_strcmp0 (asked, etag) == 0)
        respond (socket, 304, headers, NULL);
      else
        respond (socket, 200, headers, body);
    }
  else if (g_str_has_prefix (path, "/status/"))
    respond (socket, (guint) g_ascii_strtoull (path + 8, NULL, 10), "Content-Type: text/plain\r\n", "<b>nope</b>");
  else if (g_str_equal (path, "/retry-after"))
    respond (socket, 429, "Retry-After: 120\r\n", NULL);
  else if (g_str_equal (path, "/unavailable"))
    respond (socket, 503, "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\n", NULL);
  else if (g_str_equal (path, "/loop"))
    respond (socket, 302, "Location: /loop\r\n", NULL);
  else if (g_str_equal (path, "/redirect-to-file"))
    respond (socket, 302, "Location: file:///etc/passwd\r\n", NULL);
  else if (g_str_has_prefix (path, "/redirect/"))
    {
      guint hops = (guint) g_ascii_strtoull (path + 10, NULL, 10);
      g_autofree char *location = hops == 0 ? g_strdup ("Location: /good.json\r\n")
                                            : g_strdup_printf ("Location: /redirect/%u\r\n", hops - 1);
      respond (socket, 302, location, NULL);
    }
  else if (g_str_equal (path, "/gzip-bomb"))
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                               "Content-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n",
                                               g_bytes_get_size (self->gzip_bomb));
      if (send_text (socket, head))
        send_all (socket, g_bytes_get_data (self->gzip_bomb, NULL), g_bytes_get_size (self->gzip_bomb));
    }
  else if (g_str_equal (path, "/big") || g_str_equal (path, "/big-no-length"))
    {
      gsize size = 12 * 1024 * 1024;
      g_autofree char *chunk = g_strnfill (64 * 1024, ' ');
      g_autofree char *head = g_str_equal (path, "/big")
        ? g_strdup_printf ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n", size)
        : g_strdup ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n");

      if (send_text (socket, head))
        for (gsize sent = 0; sent < size && send_text (socket, chunk); sent += 64 * 1024)
          ;
    }
  else if (g_str_equal (path, "/short"))
    send_text (socket, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                       "Content-Length: 100000\r\n\r\n{\"version\"");
  else if (g_str_equal (path, "/stall"))
    stall (socket);
  else if (g_str_equal (path, "/drip"))
    {
      gint64 end = g_get_monotonic_time () + MAX_CONNECTION_SECONDS * G_USEC_PER_SEC;

      if (send_text (socket, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                             "Content-Length: 1000000\r\n\r\n"))
        while (g_get_monotonic_time () < end && send_text (socket, " "))
          g_usleep (100 * 1000);
    }
  else if (g_str_equal (path, "/html"))
    respond (socket, 200, "Content-Type: text/html; charset=utf-8\r\n", "<html><body>Not a feed</body></html>");
  else if (g_str_equal (path, "/no-type"))
    respond (socket, 200, NULL, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}");
  else if (g_str_equal (path, "/not-json"))
    respond (socket, 200, "Content-Type: application/json\r\n", "hello, world");
  else
    respond (socket, 404, "Content-Type: text/plain\r\n", "not here");
}

static gpointer
handle_connection (gpointer data)
{
  Connection *connection = data;
  g_autoptr(GString) request = g_string_new (NULL);
  char buffer[4096];

  g_socket_set_timeout (connection->socket, 5);
  while (strstr (request->str, "\r\n\r\n") == NULL && request->len < 16384)
    {
      gssize n = g_socket_receive (connection->socket, buffer, sizeof buffer, NULL, NULL);
      if (n <= 0)
        break;
      g_string_append_len (request, buffer, n);
    }

  if (strstr (request->str, "\r\n\r\n") != NULL)
    {
      g_auto(GStrv) words = g_strsplit (request->str, " ", 3);

      if (g_strv_length (words) >= 2)
        serve (connection->server, connection->socket, words[1], request->str);
    }

  g_socket_close (connection->socket, NULL);
  g_object_unref (connection->socket);
  g_atomic_int_dec_and_test (&connection->server->active);
  g_free (connection);
  return NULL;
}

static gpointer
accept_loop (gpointer data)
{
  AtlasTestServer *self = data;

  for (;;)
    {
      GSocket *socket = g_socket_accept (self->listener, NULL, NULL);
      Connection *connection;

      if (socket == NULL || g_atomic_int_get (&self->stopping))
        {
          g_clear_object (&socket);
          break;
        }
      connection = g_new0 (Connection, 1);
      connection->server = self;
      connection->socket = socket;
      g_atomic_int_inc (&self->active);
      g_thread_unref (g_thread_new ("atlas-test-connection", handle_connection, connection));
    }
  return NULL;
}

AtlasTestServer *
atlas_test_server_new (void)
{
  AtlasTestServer *self = g_new0 (AtlasTestServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->mutex);
  self->feeds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->gzip_bomb = make_gzip_bomb ();

  self->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (self->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (self->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (self->listener, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  self->thread = g_thread_new ("atlas-test-server", accept_loop, self);
  return self;
}

void
atlas_test_server_free (AtlasTestServer *self)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) wake = NULL;

  /* A blocked accept() is not woken by close(): connect once to end it. */
  g_atomic_int_set (&self->stopping, TRUE);
  wake = g_socket_client_connect_to_host (client, "127.0.0.1", self->port, NULL, NULL);
  g_thread_join (self->thread);
  g_socket_close (self->listener, NULL);

  /* Connections end by themselves once their client is gone; wait for them,
   * as they read the server's state. */
  for (guint i = 0; i < (MAX_CONNECTION_SECONDS + 5) * 100 && g_atomic_int_get (&self->active) > 0; i++)
    g_usleep (10000);
  g_object_unref (self->listener);

  g_hash_table_unref (self->feeds);
  g_hash_table_unref (self->types);
  g_hash_table_unref (self->hits);
  g_bytes_unref (self->gzip_bomb);
  g_free (self->user_agent);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

char *
atlas_test_server_url (AtlasTestServer *self,
                       const char      *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path);
}

void
atlas_test_server_set_feed (AtlasTestServer *self,
                            const char      *path,
                            const char      *body)
{
  atlas_test_server_set_typed_feed (self, path, body, NULL);
}

/* Served as `content_type` (application/feed+json when NULL). */
void
atlas_test_server_set_typed_feed (AtlasTestServer *self,
                                  const char      *path,
                                  const char      *body,
                                  const char      *content_type)
{
  g_mutex_lock (&self->mutex);
  if (body != NULL)
    g_hash_table_insert (self->feeds, g_strdup (path), g_strdup (body));
  else
    g_hash_table_remove (self->feeds, path);
  if (content_type != NULL)
    g_hash_table_insert (self->types, g_strdup (path), g_strdup (content_type));
  else
    g_hash_table_remove (self->types, path);
  g_mutex_unlock (&self->mutex);
}

guint
atlas_test_server_get_hits (AtlasTestServer *self,
                            const char      *path)
{
  guint hits;

  g_mutex_lock (&self->mutex);
  hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
  g_mutex_unlock (&self->mutex);
  return hits;
}

char *
atlas_test_server_dup_user_agent (AtlasTestServer *self)
{
  char *user_agent;

  g_mutex_lock (&self->mutex);
  user_agent = g_strdup (self->user_agent);
  g_mutex_unlock (&self->mutex);
  return user_agent;
}
