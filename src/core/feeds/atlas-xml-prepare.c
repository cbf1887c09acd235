/* atlas-xml-prepare.c: an XML feed's bytes made ready for libxml2, its encoding settled
 *
 * Two things are done before libxml2 sees a feed, because libxml2 2.9 would
 * get them wrong: the encoding is chosen the way feeds need (and a wrong byte
 * named, not read as Latin-1), and the entity references it would drop after
 * the first error in a document are made character references.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "atlas-xml-prepare.h"

/* The encoding a document's XML declaration names, or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       length)
{
  gsize head = MIN (length, 256);
  g_autofree char *prolog = NULL;
  const char *p, *end;
  char quote;

  if (length < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;
  prolog = g_strndup (data, head);
  end = strstr (prolog, "?>");
  p = strstr (prolog, "encoding");
  if (p == NULL || (end != NULL && p > end))
    return NULL;
  p += strlen ("encoding");
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '=')
    p++;
  quote = *p;
  if (quote != '"' && quote != '\'')
    return NULL;
  end = strchr (p + 1, quote);
  if (end == NULL || end - p > 40)
    return NULL;
  return g_ascii_strdown (p + 1, end - p - 1);
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_str_equal (encoding, "utf-8") || g_str_equal (encoding, "utf8") ||
         g_str_equal (encoding, "us-ascii") || g_str_equal (encoding, "ascii");
}

static gboolean
is_void_element (const char *name,
                 const char *end)
{
  static const char *const void_elements[] = { "br", "hr", "img" };

  for (guint i = 0; i < G_N_ELEMENTS (void_elements); i++)
    {
      gsize n = strlen (void_elements[i]);

      if ((gsize) (end - name) > n && g_ascii_strncasecmp (name, void_elements[i], n) == 0 &&
          (name[n] == '>' || name[n] == '/' || g_ascii_isspace (name[n])))
        return TRUE;
    }
  return FALSE;
}

/* '<', '&' and the control characters that are dropped. */
static const gboolean needs_a_look[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
  [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1,
  [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1,
  [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['&'] = 1, ['<'] = 1,
};

static gsize
copy_through (GString    *out,
              const char *p,
              const char *end,
              const char *close)
{
  const char *found = g_strstr_len (p, end - p, close);
  gsize n = found ? (gsize) (found - p) + strlen (close) : (gsize) (end - p);

  g_string_append_len (out, p, n);
  return n;
}

/* Every entity reference made a character reference: libxml2 2.9 drops the
 * named references (even &amp;) that follow any error in a document, and
 * feeds are full of errors, while it always keeps character references.
 * HTML's names (&nbsp;, &eacute;) become the characters they name, and an
 * "&" that starts no reference (AT&T, a query string) stays an "&".
 * Control characters other than tab and line ends are not XML, and feeds
 * send them anyway (a backspace pasted into a title): they are dropped.
 * HTML's <br>, <hr> and <img> are closed, as they are in HTML: a description
 * with a bare <br> otherwise leaves every tag after it unmatched.
 * CDATA sections and comments are copied as they are. The encoding is one
 * where ASCII bytes stand for themselves, as it is in every one this is
 * used for. */
static char *
repair (const char *data,
        gsize       length,
        gsize      *new_length)
{
  GString *out = g_string_sized_new (length + length / 64);
  const char *end = data + length;
  const char *p = data;

  while (p < end)
    {
      guchar c = *p;

      if (c == '<' && end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p += copy_through (out, p, end, "]]>");
      else if (c == '<' && end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p += copy_through (out, p, end, "-->");
      else if (c == '<' && is_void_element (p + 1, end))
        {
          const char *close = memchr (p, '>', end - p);

          if (close == NULL)
            close = end;
          g_string_append_len (out, p, close - p);
          if (close < end && close[-1] != '/')
            g_string_append_c (out, '/');
          p = close;
        }
      else if (c == '&')
        {
          const char *name = p + 1;
          const char *q = name;

          while (q < end && q - name <= 32 && (g_ascii_isalnum (*q) || (*q == '#' && q == name)))
            q++;
          if (q < end && *q == ';' && q > name && name[0] == '#')
            g_string_append_len (out, p, q + 1 - p);
          else if (q < end && *q == ';' && q > name && g_ascii_isalpha (name[0]))
            {
              g_autofree char *entity = g_strndup (name, q - name);
              static const struct { const char *name; int value; } xml_names[] = {
                { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
              };
              const htmlEntityDesc *html = htmlEntityLookup ((const xmlChar *) entity);
              int value = html ? (int) html->value : 0;

              for (guint i = 0; i < G_N_ELEMENTS (xml_names); i++)
                if (g_str_equal (entity, xml_names[i].name))
                  value = xml_names[i].value;
              if (value != 0)
                g_string_append_printf (out, "&#%d;", value);
              else
                g_string_append_printf (out, "&#38;%s;", entity);
            }
          else
            {
              g_string_append (out, "&#38;");
              q = p;
            }
          p = q + 1;
        }
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        p++;
      else
        {
          /* The plain run up to the next byte that needs a look. */
          const char *run = p++;

          while (p < end && !needs_a_look[(guchar) *p])
            p++;
          g_string_append_len (out, run, p - run);
        }
    }

  *new_length = out->len;
  return g_string_free (out, FALSE);
}

/* The bytes to hand libxml2, always a new buffer, and in `encoding` the
 * name to pass it (NULL to let the document's declaration decide). The
 * declaration names the encoding; HTTP's charset counts only when it does not
 * (servers often send a default that the document contradicts); without
 * either, XML is UTF-8, which is checked here so that a wrong byte is named
 * instead of turning the rest into Latin-1. NULL, with `error` set, when
 * the bytes are not the UTF-8 they must be. */
char *
atlas_xml_prepare (const char   *data,
                   gsize         length,
                   const char   *charset,
                   const char   *source_name,
                   const char  **encoding,
                   gsize        *new_length,
                   GError      **error)
{
  g_autofree char *declared = declared_encoding (data, length);
  gboolean utf16 = length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE);

  *encoding = NULL;
  if (utf16)
    {
      *new_length = length;
      return g_memdup2 (data, length);
    }

  if (declared == NULL && charset != NULL && !is_utf8_name (charset))
    *encoding = charset;
  else if (declared == NULL || is_utf8_name (declared))
    {
      const char *end = NULL;

      *encoding = "UTF-8";
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_BAD_ENCODING,
                       _("%s: refused, byte %zu is not valid UTF-8%s"), source_name, (gsize) (end - data),
                       declared ? _(", the encoding it declares") : "");
          return NULL;
        }
    }
  return repair (data, length, new_length);
}
