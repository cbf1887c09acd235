/* atlas-feed-reader.c: a feed in any format, told by its content, to the reader for that format
 *
 * Servers label feeds every way (`text/xml`, `application/octet-stream`,
 * `text/html` for RSS), so the first bytes decide: JSON Feed, RSS, RDF or Atom,
 * or a web page, which the caller may search for feed links. The formats'
 * readers are in atlas-json-feed-reader.c and atlas-xml-feed-reader.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-feed-reader-private.h"

G_DEFINE_QUARK (atlas-feed-error-quark, atlas_feed_error)

void
atlas_feed_limits_init (AtlasFeedLimits *limits)
{
  limits->max_body_bytes = ATLAS_FEED_DEFAULT_MAX_BODY_BYTES;
  limits->max_depth = ATLAS_FEED_DEFAULT_MAX_DEPTH;
  limits->max_items = ATLAS_FEED_DEFAULT_MAX_ITEMS;
  limits->max_string_bytes = ATLAS_FEED_DEFAULT_MAX_STRING_BYTES;
  limits->max_entities = ATLAS_FEED_DEFAULT_MAX_ENTITIES;
  limits->max_list_length = ATLAS_FEED_DEFAULT_MAX_LIST_LENGTH;
}

gboolean
atlas_entity_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++, len++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return len <= 128;
}

static const char utf8_bom[] = "\xEF\xBB\xBF";

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

static const char *
find (const char *p,
      const char *end,
      const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p + n;
  return NULL;
}

/* The data is not NUL-terminated. */
static gboolean
starts_with (const char *p,
             const char *end,
             const char *word)
{
  gsize n = strlen (word);

  return (gsize) (end - p) >= n && memcmp (p, word, n) == 0;
}

/* Elements an HTML page starts with when it has no <html> (or no doctype). */
static const char *const html_elements[] = {
  "html", "head", "body", "meta", "title", "link", "script", "style", "div", "p", "a",
  "table", "br", "span", "h1", "h2", "h3", "img", "form", "iframe", NULL,
};

AtlasFeedFormat
atlas_feed_sniff (const char *data,
                  gsize       length)
{
  /* The declaration, comments and a doctype come first; 64 KiB is plenty. */
  const char *end = data + MIN (length, 64 * 1024);
  const char *p = data;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    return ATLAS_FEED_FORMAT_XML;
  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    p += 3;

  p = skip_space (p, end);
  if (p == end || *p == '\0')
    return ATLAS_FEED_FORMAT_UNKNOWN;
  if (strchr ("{[\"-0123456789", *p) != NULL || starts_with (p, end, "true") ||
      starts_with (p, end, "false") || starts_with (p, end, "null"))
    return ATLAS_FEED_FORMAT_JSON;

  while (p < end && *p == '<')
    {
      if (p + 4 <= end && memcmp (p, "<!--", 4) == 0)
        p = find (p + 4, end, "-->");
      else if (p + 2 <= end && p[1] == '?')
        p = find (p + 2, end, "?>");
      else if (p + 9 <= end && g_ascii_strncasecmp (p, "<!doctype", 9) == 0)
        {
          const char *name = skip_space (p + 9, end);
          const char *close = memchr (p, '>', end - p);
          const char *subset = memchr (p, '[', end - p);

          if (name + 4 <= end && g_ascii_strncasecmp (name, "html", 4) == 0 &&
              (name + 4 == end || !g_ascii_isalnum (name[4])))
            return ATLAS_FEED_FORMAT_HTML;
          p = subset != NULL && (close == NULL || subset < close) ? find (subset, end, "]") : p;
          p = p ? memchr (p, '>', end - p) : NULL;
          p = p ? p + 1 : NULL;
        }
      else
        {
          const char *name = p + 1;
          const char *name_end = name;
          const char *local;
          g_autofree char *lower = NULL;

          while (name_end < end && (g_ascii_isalnum (*name_end) || strchr (":_-.", *name_end) != NULL))
            name_end++;
          local = name;
          for (const char *q = name; q < name_end; q++)
            if (*q == ':')
              local = q + 1;
          lower = g_ascii_strdown (local, name_end - local);
          return g_strv_contains (html_elements, lower) ? ATLAS_FEED_FORMAT_HTML : ATLAS_FEED_FORMAT_XML;
        }
      if (p == NULL)
        return ATLAS_FEED_FORMAT_XML;
      p = skip_space (p, end);
    }

  return ATLAS_FEED_FORMAT_UNKNOWN;
}

/* The charset parameter of a Content-Type, lower-cased, or NULL. */
static char *
charset_of (const char *content_type)
{
  const char *p;
  gsize len;

  if (content_type == NULL)
    return NULL;
  for (p = content_type; *p; p++)
    if (g_ascii_strncasecmp (p, "charset=", 8) == 0)
      break;
  if (*p == '\0')
    return NULL;
  p += 8;
  if (*p == '"' || *p == '\'')
    p++;
  len = strcspn (p, "\"'; \t");
  if (len == 0 || len > 40)
    return NULL;
  return g_ascii_strdown (p, len);
}

/* One reading, whole or page by page (with `page_func`, when the format
 * allows it: RSS and Atom). Without `page_func`, returns the feed; with it,
 * returns a feed only when the format is read whole, for the caller to hand
 * over, and sets `*paged` when the pages were handed already. */
static AtlasFeed *
read_feed (const char            *data,
           gsize                  length,
           const char            *source_name,
           const char            *content_type,
           const AtlasFeedLimits *limits,
           guint                  page_items,
           AtlasFeedPageFunc      page_func,
           gpointer               page_data,
           gboolean              *paged,
           GError               **error)
{
  AtlasFeedLimits default_limits;
  g_autofree char *charset = NULL;
  AtlasFeedFormat format;
  gsize limit;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (limits == NULL)
    {
      atlas_feed_limits_init (&default_limits);
      limits = &default_limits;
    }
  if (source_name == NULL)
    source_name = _("feed");

  format = atlas_feed_sniff (data, length);
  limit = format == ATLAS_FEED_FORMAT_JSON ? MIN (limits->max_body_bytes, ATLAS_FEED_MAX_JSON_BYTES)
                                           : limits->max_body_bytes;
  if (length > limit)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_TOO_LARGE,
                   _("%s: refused, larger than %zu bytes"), source_name, limit);
      return NULL;
    }

  switch (format)
    {
    case ATLAS_FEED_FORMAT_JSON:
      if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
        data += 3, length -= 3;
      return atlas_json_feed_read (data, length, source_name, limits, error);

    case ATLAS_FEED_FORMAT_XML:
      charset = charset_of (content_type);
      if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
        {
          data += 3, length -= 3;
          g_free (charset);
          charset = g_strdup ("utf-8");
        }
      if (page_func == NULL)
        return atlas_xml_feed_read (data, length, source_name, charset, limits, error);
      *paged = atlas_xml_feed_read_pages (data, length, source_name, charset, limits, page_items,
                                          page_func, page_data, error);
      return NULL;

    case ATLAS_FEED_FORMAT_HTML:
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_WEB_PAGE,
                   _("%s: a web page, not a feed"), source_name);
      return NULL;

    case ATLAS_FEED_FORMAT_UNKNOWN:
    default:
      if (skip_space (data, data + length) == data + length ||
          (length == 3 && memcmp (data, utf8_bom, 3) == 0))
        g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON,
                     _("%s: refused, the file is empty"), source_name);
      else
        g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_UNKNOWN_FORMAT,
                     _("%s: refused, neither a JSON Feed nor RSS or Atom"), source_name);
      return NULL;
    }
}

/* `content_type` is the server's: its charset counts for XML that
 * declares none. */
AtlasFeed *
atlas_feed_read_http (const char            *data,
                      gsize                  length,
                      const char            *source_name,
                      const char            *content_type,
                      const AtlasFeedLimits *limits,
                      GError               **error)
{
  return read_feed (data, length, source_name, content_type, limits, 0, NULL, NULL, NULL, error);
}

/* A feed handed to `page_func` page by page as it is read, so that the
 * first items can be stored while the rest are read: RSS and Atom
 * `page_items` at a time, the other formats whole. The first page carries
 * the feed's own fields. FALSE, with `error` set, when the feed is refused,
 * whatever pages were handed before (a document cut short is known only at
 * its end): the caller then drops what it did with them. */
gboolean
atlas_feed_read_pages (const char            *data,
                       gsize                  length,
                       const char            *source_name,
                       const char            *content_type,
                       const AtlasFeedLimits *limits,
                       guint                  page_items,
                       AtlasFeedPageFunc      page_func,
                       gpointer               user_data,
                       GError               **error)
{
  gboolean paged = FALSE;
  AtlasFeed *whole = read_feed (data, length, source_name, content_type, limits, page_items,
                                page_func, user_data, &paged, error);

  if (whole == NULL)
    return paged;
  page_func (whole, user_data);
  return TRUE;
}

/* A feed read from a file, or from a server that gave no charset. */
AtlasFeed *
atlas_feed_read (const char            *data,
                 gsize                  length,
                 const char            *source_name,
                 const AtlasFeedLimits *limits,
                 GError               **error)
{
  return atlas_feed_read_http (data, length, source_name, NULL, limits, error);
}
