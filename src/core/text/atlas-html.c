/* atlas-html.c: HTML read with libxml2's HTML parser, as text or for its feed links
 *
 * Feed content is HTML written by anyone: libxml2's parser copes with what
 * browsers cope with (unclosed tags, the whole HTML entity table, stray `<`),
 * where a hand-written scanner kept meeting new cases. It is driven through
 * SAX, so no tree is built: a 10 MB page costs one pass. No HTML is ever
 * rendered; what comes out is plain text.
 */
#include "config.h"

#include "atlas-html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <string.h>

#include "atlas-text.h"

/* libxml2 sets up its globals once, before any two threads parse. */
void
atlas_libxml_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* ---- one SAX pass ------------------------------------------------------- */

typedef struct
{
  void (*start) (gpointer data, const char *name, const char **attributes);
  void (*end)   (gpointer data, const char *name);
  void (*text)  (gpointer data, const char *text, int length);
} HtmlHandlers;

typedef struct
{
  const HtmlHandlers *handlers;
  gpointer            data;
} HtmlPass;

static void
on_start (void           *ctx,
          const xmlChar  *name,
          const xmlChar **attributes)
{
  HtmlPass *pass = ctx;

  if (pass->handlers->start != NULL)
    pass->handlers->start (pass->data, (const char *) name, (const char **) attributes);
}

static void
on_end (void          *ctx,
        const xmlChar *name)
{
  HtmlPass *pass = ctx;

  if (pass->handlers->end != NULL)
    pass->handlers->end (pass->data, (const char *) name);
}

static void
on_text (void          *ctx,
         const xmlChar *text,
         int            length)
{
  HtmlPass *pass = ctx;

  if (pass->handlers->text != NULL)
    pass->handlers->text (pass->data, (const char *) text, length);
}

static void
ignore_error (void        *data,
              xmlErrorPtr  error)
{
}

/* `utf8` says the input is already UTF-8 (a feed's strings are): then a
 * <meta charset> inside it cannot switch the parser to another encoding. */
static void
html_pass (const char         *html,
           gsize               length,
           gboolean            utf8,
           const HtmlHandlers *handlers,
           gpointer            data)
{
  HtmlPass pass = { handlers, data };
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  htmlParserCtxtPtr ctxt;

  if (length == 0 || length > G_MAXINT)
    return;
  atlas_libxml_init ();

  ctxt = htmlCreateMemoryParserCtxt (html, (int) length);
  if (ctxt == NULL)
    return;

  memset (ctxt->sax, 0, sizeof *ctxt->sax);
  ctxt->sax->initialized = 1;
  ctxt->sax->startElement = on_start;
  ctxt->sax->endElement = on_end;
  ctxt->sax->characters = on_text;
  ctxt->sax->cdataBlock = on_text;
  ctxt->sax->ignorableWhitespace = on_text;
  ctxt->userData = &pass;
  htmlCtxtUseOptions (ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED);
  if (utf8)
    xmlSwitchToEncoding (ctxt, xmlFindCharEncodingHandler ("UTF-8"));

  /* HTML's errors are no one's concern, and must not reach a handler the
   * XML feed reader (which calls this for a feed's fields) has set: the
   * handler is libxml2's, one per thread. */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  htmlParseDocument (ctxt);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);

  ctxt->userData = ctxt;
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  ctxt->myDoc = NULL;
  htmlFreeParserCtxt (ctxt);
}

/* ---- HTML to text ------------------------------------------------------- */

static const char *const block_tags[] = {
  "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
  "tr", "table", "blockquote", "section", "article", "aside", "header", "footer", "nav",
  "main", "pre", "hr", "figure", "figcaption", "address", "details", "summary", NULL,
};

/* Code and metadata, never text for a reader. */
static const char *const hidden_tags[] = {
  "script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "math", NULL,
};

typedef struct
{
  GString *out;
  guint    hidden;
  guint    pre;
  gboolean one_line;
} ToText;

static void
trim_trailing_spaces (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/* `breaks` is 1 for a line break, 2 for a paragraph; a run of breaks never
 * grows past a paragraph, and none starts the text. */
static void
append_break (ToText *state,
              guint   breaks)
{
  GString *out = state->out;
  guint have = 0;

  if (state->one_line)
    {
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      return;
    }

  trim_trailing_spaces (out);
  if (out->len == 0)
    return;
  while (have < out->len && out->str[out->len - 1 - have] == '\n')
    have++;
  while (have < breaks)
    {
      g_string_append_c (out, '\n');
      have++;
    }
}

static void
to_text_start (gpointer     data,
               const char  *name,
               const char **attributes)
{
  ToText *state = data;

  if (g_strv_contains (hidden_tags, name))
    state->hidden++;
  else if (state->hidden > 0)
    return;
  else if (g_str_equal (name, "br"))
    append_break (state, 1);
  else if (g_strv_contains (block_tags, name))
    append_break (state, 2);
  if (g_str_equal (name, "pre"))
    state->pre++;
}

static void
to_text_end (gpointer    data,
             const char *name)
{
  ToText *state = data;

  if (g_strv_contains (hidden_tags, name))
    {
      if (state->hidden > 0)
        state->hidden--;
    }
  else if (state->hidden == 0 && g_strv_contains (block_tags, name))
    append_break (state, 2);
  if (g_str_equal (name, "pre") && state->pre > 0)
    state->pre--;
}

static void
to_text_text (gpointer    data,
              const char *text,
              int         length)
{
  ToText *state = data;
  GString *out = state->out;

  if (state->hidden > 0)
    return;

  for (int i = 0; i < length; )
    {
      char c = text[i];

      if (c == '\n' && state->pre > 0 && !state->one_line)
        append_break (state, 1), i++;
      else if (g_ascii_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          i++;
        }
      else
        {
          int run = i;

          while (i < length && !g_ascii_isspace (text[i]))
            i++;
          g_string_append_len (out, text + run, i - run);
        }
    }
}

static const HtmlHandlers to_text_handlers = { to_text_start, to_text_end, to_text_text };

static char *
html_to_text (const char *html,
              gssize      length,
              gboolean    one_line)
{
  ToText state = { 0 };

  if (html == NULL)
    return NULL;
  if (length < 0)
    length = strlen (html);

  state.out = g_string_sized_new (length);
  state.one_line = one_line;
  /* Text without markup or entities (most summaries) needs no parser: its
   * spaces are collapsed as the parser's text would be. */
  if (memchr (html, '<', length) == NULL && memchr (html, '&', length) == NULL)
    to_text_text (&state, html, (int) MIN (length, (gssize) G_MAXINT));
  else
    html_pass (html, length, TRUE, &to_text_handlers, &state);

  while (state.out->len > 0 && g_ascii_isspace (state.out->str[state.out->len - 1]))
    g_string_truncate (state.out, state.out->len - 1);
  return g_string_free (state.out, FALSE);
}

/* Paragraphs and line breaks are kept; script, style and other code dropped;
 * entities decoded; the text of links kept. */
char *
atlas_html_to_text (const char *html,
                    gssize      length)
{
  return html_to_text (html, length, FALSE);
}

/* The same on one line, for a title. */
char *
atlas_html_to_line (const char *html,
                    gssize      length)
{
  return html_to_text (html, length, TRUE);
}

/* ---- feed discovery ----------------------------------------------------- */

static const char *const feed_types[] = {
  "application/rss+xml", "application/atom+xml", "application/feed+json",
  "application/rdf+xml", "application/json", "text/xml", "application/xml", NULL,
};

#define MAX_FEED_LINKS 50

typedef struct
{
  GPtrArray *links;
  char      *base;
  gboolean   base_seen;
} FindLinks;

void
atlas_feed_link_free (AtlasFeedLink *link)
{
  if (link == NULL)
    return;
  g_free (link->url);
  g_free (link->title);
  g_free (link->type);
  g_free (link);
}

static const char *
attribute (const char **attributes,
           const char  *name)
{
  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    if (g_ascii_strcasecmp (attributes[i], name) == 0)
      return attributes[i + 1] ? attributes[i + 1] : "";
  return NULL;
}

static gboolean
rel_has_alternate (const char *rel)
{
  g_auto(GStrv) tokens = NULL;

  if (rel == NULL)
    return FALSE;
  tokens = g_strsplit_set (rel, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], "alternate") == 0)
      return TRUE;
  return FALSE;
}

static char *
resolve (const char *href,
         const char *base)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (href));
  xmlChar *built;
  char *url;

  if (base == NULL)
    return g_steal_pointer (&trimmed);
  built = xmlBuildURI ((const xmlChar *) trimmed, (const xmlChar *) base);
  if (built == NULL)
    return NULL;
  url = g_strdup ((const char *) built);
  xmlFree (built);
  return url;
}

static void
find_links_start (gpointer     data,
                  const char  *name,
                  const char **attributes)
{
  FindLinks *state = data;
  const char *href = attribute (attributes, "href");
  g_autofree char *type = NULL;
  g_autofree char *url = NULL;
  AtlasFeedLink *link;

  if (href == NULL)
    return;

  /* Only the first <base> counts, as in a browser. */
  if (g_str_equal (name, "base"))
    {
      if (!state->base_seen)
        {
          char *base = resolve (href, state->base);

          state->base_seen = TRUE;
          if (base != NULL && atlas_text_is_web_link (base))
            {
              g_free (state->base);
              state->base = base;
            }
          else
            g_free (base);
        }
      return;
    }
  if (!g_str_equal (name, "link") || !rel_has_alternate (attribute (attributes, "rel")))
    return;

  type = g_ascii_strdown (attribute (attributes, "type") ? attribute (attributes, "type") : "", -1);
  g_strstrip (type);
  if (!g_strv_contains (feed_types, type) || state->links->len >= MAX_FEED_LINKS)
    return;

  url = resolve (href, state->base);
  if (url == NULL || !atlas_text_is_web_link (url))
    return;
  for (guint i = 0; i < state->links->len; i++)
    if (g_str_equal (((AtlasFeedLink *) g_ptr_array_index (state->links, i))->url, url))
      return;

  link = g_new0 (AtlasFeedLink, 1);
  link->url = g_steal_pointer (&url);
  link->type = g_steal_pointer (&type);
  if (attribute (attributes, "title") != NULL)
    {
      link->title = atlas_text_clean (attribute (attributes, "title"), 300, NULL);
      g_strstrip (link->title);
      if (*link->title == '\0')
        g_clear_pointer (&link->title, g_free);
    }
  g_ptr_array_add (state->links, link);
}

static const HtmlHandlers find_links_handlers = { find_links_start, NULL, NULL };

/* The feeds a web page links to, in the page's order, without repeats, only
 * http and https ones. */
GPtrArray *
atlas_html_find_feed_links (const char *html,
                            gsize       length,
                            const char *page_url)
{
  FindLinks state = { 0 };

  state.links = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_feed_link_free);
  state.base = g_strdup (page_url);
  html_pass (html, length, FALSE, &find_links_handlers, &state);
  g_free (state.base);
  return state.links;
}
