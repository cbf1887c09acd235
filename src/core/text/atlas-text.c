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

/* Valid UTF-8 of at most `max_bytes`, without a control character but tab
 * and newline. */
static gboolean
is_clean (const char *text,
          gsize       max_bytes)
{
  const guchar *p = (const guchar *) text;
  const char *end;

  for (; *p; p++)
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
      return FALSE;
  return (gsize) (p - (const guchar *) text) <= max_bytes &&
         g_utf8_validate (text, (const char *) p - text, &end);
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

  /* Most text is clean already: one pass tells, and it is copied whole. */
  if (is_clean (text, max_bytes))
    return g_strdup (text);

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

/* A title for an item that has none (RSS 2.0 lets an item be its
 * description alone): the text's first sentence or line when it is short
 * enough, else its first words up to `max_chars` characters and "…". */
char *
atlas_text_first_words (const char *text,
                        guint       max_chars)
{
  const char *end;
  const char *last_space = NULL;
  guint n = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  for (end = text; *end != '\0' && *end != '\n' && n < max_chars; end = g_utf8_next_char (end), n++)
    {
      if (*end == ' ')
        last_space = end;
      if ((*end == '.' || *end == '!' || *end == '?') && (end[1] == ' ' || end[1] == '\n' || end[1] == '\0'))
        return g_strndup (text, end + 1 - text);
    }
  if (*end == '\0' || *end == '\n')
    return g_strndup (text, end - text);
  if (last_space != NULL && last_space > text)
    end = last_space;
  {
    g_autofree char *words = g_strndup (text, end - text);
    return g_strconcat (words, "…", NULL);
  }
}

