/* atlas-text.c: the text rules every string from a feed goes through
 *
 * Matching ("Ecosse" finds "Écosse") needs one folding shared by the tagger and
 * the search box, and anything shown or stored must be valid UTF-8 without NUL
 * or control characters, whatever the feed sent.
 */
#include "atlas-text.h"

#include <string.h>

static void
append_folded_slowly (GString    *out,
                      const char *text,
                      gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFD);
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (stripped, c);
    }
  folded = g_utf8_casefold (stripped->str, stripped->len);
  g_string_append (out, folded);
}

/* Diacritics are dropped by decomposing and skipping the combining marks, then
 * case is folded: the same rule FTS5's `remove_diacritics 2` applies. ASCII
 * is its own decomposition and folds by lowering, so only the runs of other
 * characters take the Unicode path; a combining mark is never ASCII, so it
 * stays in the run of the marks around it. */
char *
atlas_text_fold (const char *text)
{
  GString *out;
  const guchar *p = (const guchar *) text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  while (*p)
    {
      const guchar *start = p;

      if (*p < 0x80)
        {
          for (; *p && *p < 0x80; p++)
            g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        {
          while (*p >= 0x80)
            p++;
          append_folded_slowly (out, (const char *) start, p - start);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (const char *p)
{
  guchar byte = *(const guchar *) p;

  return byte < 0x80 ? g_ascii_isalnum (byte) : g_unichar_isalnum (g_utf8_get_char (p));
}

void
atlas_text_foreach_word (const char    *folded,
                         AtlasWordFunc  func,
                         gpointer       user_data)
{
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !is_word_char (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p && is_word_char (p))
        p = g_utf8_next_char (p);

      if (!func (start, p - start, user_data))
        break;
    }
}

/* Control characters other than tab and newline would reach labels and the
 * terminal; NUL would cut strings short in SQLite's C API. */
char *
atlas_text_clean (const char *text,
                  gsize       max_bytes,
                  gboolean   *truncated)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;

  if (truncated)
    *truncated = FALSE;
  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), max_bytes));

  /* Runs of characters are copied as they are; a carriage return is dropped
   * and another control character but newline and tab becomes a space. Past
   * ASCII, the controls are U+0080 to U+009F, written C2 80 to C2 9F. */
  for (const guchar *p = (const guchar *) valid, *run = p;; )
    {
      gsize len = *p == '\0' ? 0 : g_utf8_skip[*p];
      gboolean control = *p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f);
      gboolean kept = *p != '\0' && (!control || *p == '\n' || *p == '\t');

      if (kept && out->len + (p - run) + len <= max_bytes)
        {
          p += len;
          continue;
        }
      g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      if (kept || (*p != '\r' && out->len + 1 > max_bytes))
        {
          if (truncated)
            *truncated = TRUE;
          break;
        }
      if (*p != '\r')
        g_string_append_c (out, ' ');
      p += len;
      run = p;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
atlas_text_is_web_link (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || *uri == '\0')
    return FALSE;

  /* Only the plain lower-case forms: leading spaces, "HTTP:" or a
   * user:password part are how scheme confusion and phishing start, and no
   * honest feed needs them. */
  if (!g_str_has_prefix (uri, "http://") && !g_str_has_prefix (uri, "https://"))
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return FALSE;
  if (g_uri_get_userinfo (parsed) != NULL)
    return FALSE;
  if (g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    return FALSE;

  return TRUE;
}

/* ---- HTML to plain text ------------------------------------------------- */

typedef struct
{
  const char *name;
  gunichar    c;
} NamedEntity;

static const NamedEntity named_entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "eacute", 0x00E9 }, { "egrave", 0x00E8 }, { "ecirc", 0x00EA },
  { "agrave", 0x00E0 }, { "acirc", 0x00E2 }, { "ccedil", 0x00E7 }, { "icirc", 0x00EE },
  { "ocirc", 0x00F4 }, { "ucirc", 0x00FB }, { "ugrave", 0x00F9 }, { "euml", 0x00EB },
  { "iuml", 0x00EF }, { "Eacute", 0x00C9 }, { "Egrave", 0x00C8 }, { "Agrave", 0x00C0 },
  { "Ccedil", 0x00C7 }, { "laquo", 0x00AB }, { "raquo", 0x00BB }, { "rsquo", 0x2019 },
  { "lsquo", 0x2018 }, { "rdquo", 0x201D }, { "ldquo", 0x201C }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "euro", 0x20AC }, { "pound", 0x00A3 },
  { "copy", 0x00A9 }, { "reg", 0x00AE }, { "trade", 0x2122 }, { "middot", 0x00B7 },
  { "oelig", 0x0153 }, { "OElig", 0x0152 }, { "uuml", 0x00FC }, { "ouml", 0x00F6 },
  { "auml", 0x00E4 }, { "szlig", 0x00DF }, { "ntilde", 0x00F1 },
};

static const char *const block_tags[] = {
  "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
  "tr", "table", "blockquote", "section", "article", "header", "footer",
  "pre", "hr", "figure", "figcaption", "dd", "dt", NULL,
};

static gboolean
tag_is_block (const char *name)
{
  return g_strv_contains (block_tags, name);
}

/* Returns the number of bytes consumed after the '&', or 0 when this is not an
 * entity (then the '&' is kept as text). */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  const char *semi = p;
  gsize len;

  while (*semi && *semi != ';' && semi - p < 12)
    semi++;
  if (*semi != ';')
    return 0;
  len = semi - p;

  if (len >= 2 && p[0] == '#')
    {
      guint64 code;
      char *end = NULL;

      if (p[1] == 'x' || p[1] == 'X')
        code = g_ascii_strtoull (p + 2, &end, 16);
      else
        code = g_ascii_strtoull (p + 1, &end, 10);
      if (end != semi)
        return 0;
      if (code == 0 || code > 0x10FFFF || !g_unichar_validate ((gunichar) code))
        code = 0xFFFD;
      g_string_append_unichar (out, (gunichar) code);
      return len + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      if (strlen (named_entities[i].name) == len &&
          strncmp (named_entities[i].name, p, len) == 0)
        {
          g_string_append_unichar (out, named_entities[i].c);
          return len + 1;
        }
    }

  return 0;
}

static void
append_break (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return;
  if (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    return;
  if (out->str[out->len - 1] == '\n')
    g_string_append_c (out, '\n');
  else
    g_string_append (out, "\n\n");
}

char *
atlas_text_from_html (const char *html)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  if (html == NULL)
    return NULL;

  out = g_string_sized_new (strlen (html));
  p = html;

  while (*p)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *name = NULL;
          const char *n = p + 1;
          gboolean closing = FALSE;
          gsize name_len = 0;

          if (end == NULL)
            break;

          if (g_str_has_prefix (p, "<!--"))
            {
              const char *close = strstr (p + 4, "-->");
              if (close == NULL)
                break;
              p = close + 3;
              continue;
            }

          if (*n == '/')
            closing = TRUE, n++;
          while (g_ascii_isalnum (n[name_len]))
            name_len++;
          name = g_ascii_strdown (n, name_len);

          /* Script and style bodies are code, never text for a reader. */
          if (!closing && (g_str_equal (name, "script") || g_str_equal (name, "style")))
            {
              g_autofree char *close_tag = g_strdup_printf ("</%s", name);
              const char *q = end;

              while ((q = strchr (q, '<')) != NULL &&
                     g_ascii_strncasecmp (q, close_tag, strlen (close_tag)) != 0)
                q++;
              if (q == NULL)
                break;
              end = strchr (q, '>');
              if (end == NULL)
                break;
            }
          else if (tag_is_block (name))
            append_break (out);

          p = end + 1;
        }
      else if (*p == '&')
        {
          gsize used = decode_entity (p + 1, out);

          if (used == 0)
            g_string_append_c (out, '&');
          p += 1 + used;
        }
      else if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
