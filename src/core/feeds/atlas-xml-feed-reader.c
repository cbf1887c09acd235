/* atlas-xml-feed-reader.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 into the structs the JSON reader fills
 *
 * libxml2's SAX2 parser walks the document once and builds no tree, so a
 * 10 MB feed is never a tree in memory: each element is mapped as it comes to
 * the field it fills, and an item is handed over whole when it ends. (Its
 * xmlTextReader was tried first: it stops at the first well-formedness error,
 * and real feeds have them.) Feeds are written by anyone, so the parser
 * recovers from the errors browsers forgive (a bare `&`, an undeclared
 * `&nbsp;`), and refuses what would make the text wrong or the parse
 * dangerous: bytes not valid in the document's encoding, a document cut
 * short, nesting past the depth limit. Nothing is ever fetched: no DTD, no
 * external entity, no XInclude; and no handler records the entities a
 * document declares, so none is ever expanded and an entity bomb stays a few
 * bytes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/uri.h>
#include <string.h>

#include "atlas-feed-reader-private.h"
#include "atlas-html.h"
#include "atlas-text.h"
#include "atlas-xml-feed-reader-private.h"
#include "atlas-xml-prepare.h"

/* ---- errors ------------------------------------------------------------- */

static void
record_error (XmlRead     *read,
              xmlErrorPtr  error)
{
  g_autofree char *message = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  message = atlas_text_clean (error->message ? error->message : "", 300, NULL);
  g_strstrip (message);

  /* These would leave wrong text or an unbounded parse: refused. The others
   * (a stray "<", tags that do not match) are repaired. */
  if (read->fatal == NULL &&
      (error->domain == XML_FROM_I18N || error->domain == XML_FROM_IO || error->code == XML_ERR_INVALID_ENCODING))
    read->fatal = g_strdup_printf (_("its bytes do not fit the encoding it declares (%s)"), message);
  else if (read->fatal == NULL && error->code == XML_ERR_INTERNAL_ERROR)
    read->fatal = g_strdup_printf (_("a text or attribute past the XML parser’s 10 MB limit (line %d: %s)"),
                                   error->line, message);
  else if (read->fatal == NULL &&
      (error->code == XML_ERR_UNSUPPORTED_ENCODING ||
       error->code == XML_ERR_ENTITY_LOOP ||
       error->code == XML_ERR_DOCUMENT_EMPTY || error->code == XML_ERR_NO_MEMORY))
    read->fatal = g_strdup_printf (_("line %d: %s"), error->line, message);

  if (read->n_errors++ == 0)
    {
      read->first_error = g_steal_pointer (&message);
      read->first_error_line = error->line;
    }
}

static XmlRead *read_of (void *ctx);

/* Errors of the parser context. */
static void
on_error (void        *ctx,
          xmlErrorPtr  error)
{
  XmlRead *read = read_of (ctx);

  if (read != NULL)
    record_error (read, error);
}

/* Errors raised without a context: the encoder's, the input's. */
static void
on_error_without_context (void        *data,
                          xmlErrorPtr  error)
{
  record_error (data, error);
}

static void
refuse (XmlRead    *read,
        const char *reason)
{
  if (read->fatal == NULL)
    read->fatal = g_strdup (reason);
}

/* ---- where elements belong ---------------------------------------------- */

static Vocab
vocab_of (const char *ns,
          Dialect     dialect)
{
  if (ns == NULL || *ns == '\0')
    return dialect == DIALECT_ATOM || dialect == DIALECT_ATOM03 ? VOCAB_ATOM : VOCAB_RSS;
  if (g_str_equal (ns, NS_ATOM) || g_str_equal (ns, NS_ATOM03))
    return VOCAB_ATOM;
  if (g_str_equal (ns, NS_RSS10) || g_str_equal (ns, NS_RSS090))
    return VOCAB_RSS;
  if (g_str_equal (ns, NS_DC))
    return VOCAB_DC;
  if (g_str_equal (ns, NS_DCTERMS))
    return VOCAB_DCTERMS;
  if (g_str_equal (ns, NS_CONTENT))
    return VOCAB_CONTENT;
  if (g_str_equal (ns, NS_XHTML))
    return VOCAB_XHTML;
  return VOCAB_OTHER;
}

/* An attribute's value as SAX2 gives it: not NUL-terminated, and with the
 * "&" of an "&amp;" kept as "&#38;" (entities are not substituted). */
static char *
attribute_value (const xmlChar *start,
                 const xmlChar *end)
{
  g_autofree char *raw = g_strndup ((const char *) start, end - start);
  g_auto(GStrv) parts = g_strsplit (raw, "&#38;", -1);
  g_autofree char *joined = g_strjoinv ("&", parts);
  char *copy = atlas_text_clean (joined, 8192, NULL);

  return g_strstrip (copy);
}

static char *
get_attribute_ns (XmlRead    *read,
                  const char *name,
                  const char *ns)
{
  for (int i = 0; i < read->n_attributes; i++)
    {
      const xmlChar **a = read->attributes + 5 * i;

      if (g_str_equal ((const char *) a[0], name) &&
          (ns == NULL ? a[2] == NULL : (a[2] != NULL && g_str_equal ((const char *) a[2], ns))))
        return attribute_value (a[3], a[4]);
    }
  return NULL;
}

static char *
get_attribute (XmlRead    *read,
               const char *name)
{
  return get_attribute_ns (read, name, NULL);
}

/* Atom's text constructs (type="text|html|xhtml" or a MIME type) and Atom
 * 0.3's mode="escaped|xml|base64". */
static Markup
atom_markup (XmlRead *read)
{
  g_autofree char *type = get_attribute (read, "type");
  g_autofree char *mode = get_attribute (read, "mode");
  gboolean html;

  if (type != NULL)
    {
      char *lower = g_ascii_strdown (type, -1);
      g_free (type);
      type = lower;
    }
  html = type != NULL && (g_str_equal (type, "html") || g_str_equal (type, "text/html"));

  if (mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0)
    return MARKUP_BASE64;
  if (type == NULL || g_str_equal (type, "text") || g_str_equal (type, "text/plain"))
    return mode != NULL && g_ascii_strcasecmp (mode, "xml") == 0 ? MARKUP_XHTML : MARKUP_PLAIN;
  if (html || (mode != NULL && g_ascii_strcasecmp (mode, "escaped") == 0))
    return MARKUP_HTML;
  /* XHTML, or another XML media type: inline markup whose text is kept. */
  if (g_str_equal (type, "xhtml") || g_str_has_suffix (type, "+xml") || g_str_has_suffix (type, "/xml"))
    return MARKUP_XHTML;
  if (g_str_has_prefix (type, "text/"))
    return MARKUP_PLAIN;
  /* Another media type: base64 by RFC 4287. */
  return MARKUP_BASE64;
}

static void
begin_field (XmlRead  *read,
             Field     field,
             Markup    markup,
             DateRank  rank)
{
  const char *base = atlas_xml_current_frame (read)->base;

  read->field = field;
  read->field_depth = read->depth;
  read->markup = markup;
  read->field_rank = rank;
  read->buffer_full = FALSE;
  g_string_truncate (read->buffer, 0);
  g_free (read->field_base);
  read->field_base = base ? g_strdup ((const char *) base) : NULL;
}

static void
ignore_subtree (XmlRead *read)
{
  read->ignore_depth = read->depth;
}

/* ---- links and items ------------------------------------------------- */

/* <link rel="…" href="…"/> in Atom, or atom:link inside RSS. */
static void
read_atom_link (XmlRead *read)
{
  g_autofree char *href = get_attribute (read, "href");
  g_autofree char *rel = get_attribute (read, "rel");
  g_autofree char *type = get_attribute (read, "type");
  const char *base = atlas_xml_current_frame (read)->base;
  g_autofree char *url = NULL;
  gboolean alternate = rel == NULL || *rel == '\0' || g_ascii_strcasecmp (rel, "alternate") == 0;
  gboolean html = type == NULL || g_str_has_prefix (type, "text/html") || g_str_has_prefix (type, "application/xhtml");

  url = atlas_xml_resolve_link (read, href, base);
  if (url == NULL)
    return;

  if (read->item != NULL)
    {
      /* The first alternate link, unless a later one is the HTML page. */
      if (alternate && (read->scratch.link == NULL || (html && !read->scratch.link_is_html)))
        {
          g_free (read->scratch.link);
          read->scratch.link = g_steal_pointer (&url);
          read->scratch.link_is_html = html;
        }
      return;
    }

  if (alternate && read->feed->home_page_url == NULL)
    read->feed->home_page_url = g_steal_pointer (&url);
  else if (rel != NULL && g_ascii_strcasecmp (rel, "self") == 0 && read->feed->feed_url == NULL)
    read->feed->feed_url = g_steal_pointer (&url);
  else if (rel != NULL && g_ascii_strcasecmp (rel, "next") == 0 && read->feed->next_url == NULL)
    read->feed->next_url = g_steal_pointer (&url);
}

static void
begin_item (XmlRead *read)
{
  /* Counted over the pages already handed over too. */
  if (++read->items_seen > read->limits->max_items)
    {
      read->feed->items_skipped++;
      ignore_subtree (read);
      return;
    }
  read->item = atlas_item_new ();
  read->item_depth = read->depth;
  memset (&read->scratch, 0, sizeof read->scratch);
  read->scratch.guid_is_permalink = TRUE;
  read->scratch.published_rank = RANK_NONE;
  read->scratch.rdf_about = get_attribute_ns (read, "about", NS_RDF);

  if (atlas_xml_current_frame (read)->lang != NULL)
    read->item->language = atlas_text_clean (atlas_xml_current_frame (read)->lang, 64, NULL);
}

/* ---- elements ----------------------------------------------------------- */

static gboolean
begin_root (XmlRead    *read,
            const char *name,
            const char *ns)
{
  const char *lang = atlas_xml_current_frame (read)->lang;

  if (g_ascii_strcasecmp (name, "rss") == 0 || g_str_equal (name, "channel"))
    read->dialect = DIALECT_RSS;
  else if (g_str_equal (name, "RDF"))
    read->dialect = DIALECT_RDF;
  else if (g_str_equal (name, "feed") && ns != NULL && g_str_equal (ns, NS_ATOM03))
    read->dialect = DIALECT_ATOM03;
  else if (g_str_equal (name, "feed"))
    read->dialect = DIALECT_ATOM;
  else
    {
      g_autofree char *shown = atlas_text_clean (name, 60, NULL);
      g_autofree char *reason = g_strdup_printf (_("an XML document, but not RSS or Atom (its root is <%s>)"), shown);

      read->feed->version = g_strdup ("xml");
      refuse (read, reason);
      return FALSE;
    }

  read->feed->version = g_strdup (read->dialect == DIALECT_RSS ? "rss" :
                                  read->dialect == DIALECT_RDF ? "rss 1.0" :
                                  read->dialect == DIALECT_ATOM ? "atom 1.0" : "atom 0.3");
  if (lang != NULL && *lang != '\0')
    read->feed->language = atlas_text_clean ((const char *) lang, 64, NULL);
  return TRUE;
}

/* <link>address</link>, or, as some feeds write it, <link href="…"/>, which
 * is the more deliberate of the two when both are there. */
static void
begin_rss_link (XmlRead  *read,
                gboolean  in_item)
{
  g_autofree char *href = get_attribute (read, "href");
  g_autofree char *url = href ? atlas_xml_resolve_link (read, href, atlas_xml_current_frame (read)->base) : NULL;

  if (url == NULL)
    {
      begin_field (read, in_item ? FIELD_LINK : FIELD_FEED_LINK, MARKUP_PLAIN, RANK_NONE);
      return;
    }
  if (in_item)
    {
      g_free (read->scratch.link);
      read->scratch.link = g_steal_pointer (&url);
    }
  else
    {
      g_free (read->feed->home_page_url);
      read->feed->home_page_url = g_steal_pointer (&url);
    }
}

static void
begin_rss_element (XmlRead    *read,
                   const char *name)
{
  gboolean in_item = read->item != NULL;

  if (g_str_equal (name, "item"))
    {
      if (!in_item)
        begin_item (read);
    }
  else if (g_str_equal (name, "image") || g_ascii_strcasecmp (name, "textinput") == 0 ||
           g_str_equal (name, "items") || g_str_equal (name, "source") || g_str_equal (name, "cloud"))
    ignore_subtree (read);
  else if (g_str_equal (name, "title"))
    begin_field (read, in_item ? FIELD_TITLE : FIELD_FEED_TITLE, MARKUP_MAYBE_HTML, RANK_NONE);
  else if (g_str_equal (name, "link"))
    begin_rss_link (read, in_item);
  else if (g_str_equal (name, "language") && !in_item)
    begin_field (read, FIELD_FEED_LANGUAGE, MARKUP_PLAIN, RANK_NONE);
  else if (!in_item)
    return;
  else if (g_str_equal (name, "description"))
    begin_field (read, FIELD_SUMMARY, MARKUP_HTML, RANK_NONE);
  else if (g_str_equal (name, "guid"))
    {
      g_autofree char *permalink = get_attribute (read, "isPermaLink");

      read->scratch.guid_is_permalink = permalink == NULL || g_ascii_strcasecmp (permalink, "false") != 0;
      begin_field (read, FIELD_GUID, MARKUP_PLAIN, RANK_NONE);
    }
  else if (g_str_equal (name, "pubDate"))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_PRIMARY);
  else if (g_str_equal (name, "author"))
    begin_field (read, FIELD_RSS_AUTHOR, MARKUP_PLAIN, RANK_NONE);
  else if (g_str_equal (name, "category"))
    begin_field (read, FIELD_CATEGORY, MARKUP_MAYBE_HTML, RANK_NONE);
}

static void
begin_atom_element (XmlRead    *read,
                    const char *name)
{
  gboolean in_item = read->item != NULL;

  if (read->author_depth >= 0)
    {
      if (g_str_equal (name, "name"))
        begin_field (read, FIELD_AUTHOR_NAME, MARKUP_PLAIN, RANK_NONE);
      else if (g_str_equal (name, "email"))
        begin_field (read, FIELD_AUTHOR_EMAIL, MARKUP_PLAIN, RANK_NONE);
      return;
    }

  if (g_str_equal (name, "entry"))
    {
      if (!in_item)
        begin_item (read);
    }
  else if (g_str_equal (name, "source") || g_str_equal (name, "contributor"))
    ignore_subtree (read);
  else if (g_str_equal (name, "author"))
    read->author_depth = read->depth;
  else if (g_str_equal (name, "link"))
    read_atom_link (read);
  else if (g_str_equal (name, "title"))
    begin_field (read, in_item ? FIELD_TITLE : FIELD_FEED_TITLE, atom_markup (read), RANK_NONE);
  else if (!in_item)
    return;
  else if (g_str_equal (name, "id"))
    begin_field (read, FIELD_ATOM_ID, MARKUP_PLAIN, RANK_NONE);
  else if (g_str_equal (name, "summary"))
    begin_field (read, FIELD_SUMMARY, atom_markup (read), RANK_NONE);
  else if (g_str_equal (name, "content"))
    {
      g_autofree char *src = get_attribute (read, "src");
      begin_field (read, FIELD_CONTENT, src != NULL ? MARKUP_SKIP : atom_markup (read), RANK_NONE);
    }
  else if (g_str_equal (name, "published"))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_PRIMARY);
  else if (g_str_equal (name, "issued"))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_DC);
  else if (g_str_equal (name, "created"))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_DCTERMS);
  else if (g_str_equal (name, "updated") || g_str_equal (name, "modified"))
    begin_field (read, FIELD_UPDATED, MARKUP_PLAIN, RANK_NONE);
  else if (g_str_equal (name, "category"))
    {
      g_autofree char *term = get_attribute (read, "term");
      g_autofree char *label = get_attribute (read, "label");

      atlas_xml_add_capped (read, read->item->tags, term && *term ? term : label, _("categories"));
    }
}

/* Dublin Core and the content module, in RSS, RDF and Atom alike. */
static void
begin_module_element (XmlRead    *read,
                      Vocab       vocab,
                      const char *name)
{
  gboolean in_item = read->item != NULL;

  if (vocab == VOCAB_DC && g_str_equal (name, "language"))
    begin_field (read, in_item ? FIELD_LANGUAGE : FIELD_FEED_LANGUAGE, MARKUP_PLAIN, RANK_NONE);
  else if (!in_item || read->author_depth >= 0)
    return;
  else if (vocab == VOCAB_CONTENT && g_str_equal (name, "encoded"))
    begin_field (read, FIELD_CONTENT, MARKUP_HTML, RANK_NONE);
  else if (vocab == VOCAB_XHTML && g_str_equal (name, "body"))
    begin_field (read, FIELD_CONTENT, MARKUP_XHTML, RANK_NONE);
  else if (vocab == VOCAB_DC && g_str_equal (name, "creator"))
    begin_field (read, FIELD_CREATOR, MARKUP_PLAIN, RANK_NONE);
  else if (vocab == VOCAB_DC && g_str_equal (name, "subject"))
    begin_field (read, FIELD_CATEGORY, MARKUP_MAYBE_HTML, RANK_NONE);
  else if (vocab == VOCAB_DC && g_str_equal (name, "date"))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_DC);
  else if (vocab == VOCAB_DCTERMS && (g_str_equal (name, "issued") || g_str_equal (name, "created")))
    begin_field (read, FIELD_PUBLISHED, MARKUP_PLAIN, RANK_DCTERMS);
  else if (vocab == VOCAB_DCTERMS && g_str_equal (name, "modified"))
    begin_field (read, FIELD_UPDATED, MARKUP_PLAIN, RANK_NONE);
}

static void
begin_element (XmlRead    *read,
               const char *name,
               const char *ns)
{
  Vocab vocab;

  /* Markup inside a field: kept as tags for the HTML converter, so that
   * paragraphs survive in naked or XHTML content. */
  if (read->field != FIELD_NONE)
    {
      if (read->markup == MARKUP_HTML || read->markup == MARKUP_XHTML || read->markup == MARKUP_MAYBE_HTML)
        g_string_append_printf (read->buffer, "<%s>", name);
      return;
    }
  if (read->ignore_depth >= 0)
    return;

  if (read->dialect == DIALECT_NONE)
    {
      if (begin_root (read, name, ns))
        return;
      read->stopped = TRUE;
      xmlStopParser (read->ctxt);
      return;
    }

  vocab = vocab_of (ns, read->dialect);
  if (vocab == VOCAB_RSS)
    begin_rss_element (read, name);
  else if (vocab == VOCAB_ATOM)
    begin_atom_element (read, name);
  else if (vocab != VOCAB_OTHER)
    begin_module_element (read, vocab, name);
}

static void
end_element (XmlRead    *read,
             const char *name)
{
  int depth = read->depth;

  if (depth == 0)
    read->root_closed = TRUE;

  if (read->field != FIELD_NONE)
    {
      if (depth == read->field_depth)
        atlas_xml_end_field (read);
      else if (read->markup == MARKUP_HTML || read->markup == MARKUP_XHTML || read->markup == MARKUP_MAYBE_HTML)
        g_string_append_printf (read->buffer, "</%s>", name);
      return;
    }
  if (read->ignore_depth >= 0)
    {
      if (depth == read->ignore_depth)
        read->ignore_depth = -1;
      return;
    }
  if (read->author_depth == depth)
    atlas_xml_end_author (read);
  else if (read->item != NULL && depth == read->item_depth)
    atlas_xml_end_item (read);
}

static void
append_text (XmlRead    *read,
             const char *value,
             int         length)
{
  /* Room for the markup around the text the field will keep. */
  gsize room = read->limits->max_string_bytes * 4;

  if (read->field == FIELD_NONE || read->markup == MARKUP_SKIP || read->buffer_full)
    return;
  if (read->buffer->len + length > room)
    {
      read->buffer_full = TRUE;
      return;
    }
  if (read->markup == MARKUP_XHTML)
    {
      g_autofree char *escaped = g_markup_escape_text (value, length);
      g_string_append (read->buffer, escaped);
    }
  else
    g_string_append_len (read->buffer, value, length);
}

/* When tags inside a field do not match (a bare <p> in a description), the
 * parser never closes the root; a document cut short is one that does not
 * end with the root's end tag either. */
static gboolean
ends_with_root_end_tag (XmlRead    *read,
                        const char *data,
                        gsize       length)
{
  g_autofree char *tag = g_strdup_printf ("</%s", read->root_name);
  const char *end = data + length;
  const char *last;

  while (end > data && g_ascii_isspace (end[-1]))
    end--;
  if (end == data || end[-1] != '>')
    return FALSE;
  last = g_strrstr_len (data, end - data, "</");
  return last != NULL && g_str_has_prefix (last, tag) &&
         (last[strlen (tag)] == '>' || g_ascii_isspace (last[strlen (tag)]));
}

/* ---- pages ------------------------------------------------------------- */

/* The items read so far get their feed's language when they have none, and
 * their digest, which covers it. */
static void
finish_items (XmlRead *read)
{
  GPtrArray *items = read->feed->items;

  for (guint i = 0; i < items->len; i++)
    {
      AtlasItem *item = g_ptr_array_index (items, i);

      if (item->language == NULL && read->feed->language != NULL)
        item->language = g_strdup (read->feed->language);
      item->fingerprint = atlas_xml_item_digest (item, FALSE);
    }
}

/* Hands the items read so far to the caller as a page: the first page also
 * carries what the feed says of itself; `read->feed` keeps that, to resolve
 * and default the items still to come. */
static void
hand_over (XmlRead *read)
{
  AtlasFeed *feed = read->feed;
  AtlasFeed *page = atlas_feed_new ();

  finish_items (read);
  if (read->pages_handed++ == 0)
    {
      page->version = g_strdup (feed->version);
      page->title = g_strdup (feed->title);
      page->home_page_url = g_strdup (feed->home_page_url);
      page->feed_url = g_strdup (feed->feed_url);
      page->language = g_strdup (feed->language);
      page->next_url = g_strdup (feed->next_url);
    }
  g_ptr_array_extend_and_steal (page->items, g_steal_pointer (&feed->items));
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_item_free);
  page->items_skipped = feed->items_skipped;
  feed->items_skipped = 0;
  g_ptr_array_extend_and_steal (page->problems, g_steal_pointer (&feed->problems));
  feed->problems = g_ptr_array_new_with_free_func (g_free);

  if (!read->page_func (page, read->page_data))
    {
      read->stopped = TRUE;
      xmlStopParser (read->ctxt);
    }
}

/* ---- SAX2 callbacks ----------------------------------------------------- */

/* The state rides on the parser context, so that a call made by a context
 * libxml2 derives from it (to check an entity's text) is told apart and
 * ignored. */
static XmlRead *
read_of (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  XmlRead *read = ctxt->_private;

  return read != NULL && read->ctxt == ctxt ? read : NULL;
}

static void
push_frame (XmlRead        *read,
            const xmlChar **attributes,
            int             n_attributes)
{
  Frame frame = g_array_index (read->frames, Frame, read->frames->len - 1);

  frame.owns_base = frame.owns_lang = FALSE;
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] == NULL || !g_str_equal ((const char *) a[2], (const char *) XML_XML_NAMESPACE))
        continue;
      /* A broken document may repeat an attribute: the last one counts. */
      if (g_str_equal ((const char *) a[0], "lang"))
        {
          if (frame.owns_lang)
            g_free (frame.lang);
          frame.lang = attribute_value (a[3], a[4]);
          frame.owns_lang = TRUE;
        }
      else if (g_str_equal ((const char *) a[0], "base"))
        {
          g_autofree char *value = attribute_value (a[3], a[4]);
          xmlChar *built = frame.base ? xmlBuildURI ((const xmlChar *) value, (const xmlChar *) frame.base) : NULL;
          char *base = built ? g_strdup ((const char *) built) : g_strdup (value);

          if (frame.owns_base)
            g_free (frame.base);
          frame.base = base;
          frame.owns_base = TRUE;
          xmlFree (built);
        }
    }
  g_array_append_val (read->frames, frame);
}

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  if (frame->owns_base)
    g_free (frame->base);
  if (frame->owns_lang)
    g_free (frame->lang);
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  XmlRead *read = read_of (ctx);

  if (read == NULL || read->fatal != NULL)
    return;

  read->depth = read->frames->len - 1;
  if ((guint) read->depth > read->limits->max_depth)
    {
      read->too_deep = TRUE;
      xmlStopParser (read->ctxt);
      return;
    }
  push_frame (read, attributes, n_attributes);
  read->attributes = attributes;
  read->n_attributes = n_attributes;
  if (read->depth == 0)
    read->root_name = prefix ? g_strdup_printf ("%s:%s", prefix, local_name) : g_strdup ((const char *) local_name);
  begin_element (read, (const char *) local_name, (const char *) uri);
  read->attributes = NULL;
  read->n_attributes = 0;
}

static void
on_end_element (void          *ctx,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  XmlRead *read = read_of (ctx);

  if (read == NULL || read->fatal != NULL || read->frames->len < 2)
    return;
  read->depth = read->frames->len - 2;
  end_element (read, (const char *) local_name);
  g_array_set_size (read->frames, read->frames->len - 1);
  if (read->page_func != NULL && read->feed->items->len >= read->page_items && !read->stopped)
    hand_over (read);
}

static void
on_text (void          *ctx,
         const xmlChar *text,
         int            length)
{
  XmlRead *read = read_of (ctx);

  if (read != NULL && read->fatal == NULL)
    append_text (read, (const char *) text, length);
}

/* ---- the whole document ------------------------------------------------- */

static void
xml_read_clear (XmlRead *read)
{
  if (read->item != NULL)
    {
      g_free (read->scratch.guid);
      g_free (read->scratch.atom_id);
      g_free (read->scratch.rdf_about);
      g_free (read->scratch.link);
    }
  g_clear_pointer (&read->item, atlas_item_free);
  g_clear_pointer (&read->feed_authors, g_ptr_array_unref);
  g_clear_pointer (&read->frames, g_array_unref);
  if (read->buffer != NULL)
    g_string_free (read->buffer, TRUE);
  g_free (read->author_name);
  g_free (read->author_email);
  g_free (read->field_base);
  g_free (read->first_error);
  g_free (read->fatal);
  g_free (read->root_name);
  if (read->ctxt != NULL)
    {
      if (read->ctxt->myDoc != NULL)
        xmlFreeDoc (read->ctxt->myDoc);
      read->ctxt->myDoc = NULL;
      xmlFreeParserCtxt (read->ctxt);
    }
}

/* Only what the reader needs: no handler records a DTD's declarations, so
 * no entity is known, none expanded, and no external subset is loaded. */
static void
set_handlers (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_text;
  sax->cdataBlock = on_text;
  sax->serror = on_error;
}

/* What the parser is given at a time. */
#define PUSH_CHUNK (256 * 1024)

/* Reads the whole document; with `page_func`, hands its items over
 * `page_items` at a time as it goes, and returns the last page (the first
 * when there was only one) for the caller to hand over itself. */
static AtlasFeed *
read_document (const char            *data,
               gsize                  length,
               const char            *source_name,
               const char            *charset,
               const AtlasFeedLimits *limits,
               guint                  page_items,
               AtlasFeedPageFunc      page_func,
               gpointer               page_data,
               GError               **error)
{
  g_autoptr(AtlasFeed) feed = atlas_feed_new ();
  g_autofree char *prepared = NULL;
  const char *encoding = NULL;
  Frame document = { 0 };
  XmlRead read = { 0 };
  xmlSAXHandler sax;

  atlas_libxml_init ();

  prepared = atlas_xml_prepare (data, length, charset, source_name, &encoding, &length, error);
  if (prepared == NULL)
    return NULL;

  read.feed = feed;
  read.limits = limits;
  read.source_name = source_name;
  read.page_items = MAX (page_items, 1);
  read.page_func = page_func;
  read.page_data = page_data;
  read.ignore_depth = -1;
  read.author_depth = -1;
  read.buffer = g_string_new (NULL);
  read.frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16);
  g_array_set_clear_func (read.frames, clear_frame);
  if (atlas_text_is_web_link (source_name))
    document.base = g_strdup (source_name), document.owns_base = TRUE;
  g_array_append_val (read.frames, document);

  /* Fed in chunks, libxml2 lets go of what it has read: from one buffer,
   * it refuses a document past 10 MB ("Huge input lookup"). */
  set_handlers (&sax);
  read.ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, NULL);
  if (read.ctxt == NULL)
    {
      xml_read_clear (&read);
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_XML,
                   _("%s: refused, the XML parser could not start"), source_name);
      return NULL;
    }
  xmlCtxtUseOptions (read.ctxt, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOWARNING);
  if (encoding != NULL)
    xmlCtxtResetPush (read.ctxt, NULL, 0, NULL, encoding);
  read.ctxt->_private = &read;

  /* The handler is libxml2's per thread: set for this parse only. */
  xmlSetStructuredErrorFunc (&read, on_error_without_context);
  for (gsize done = 0; done < length && read.fatal == NULL && !read.too_deep && !read.stopped; done += PUSH_CHUNK)
    xmlParseChunk (read.ctxt, prepared + done, (int) MIN (PUSH_CHUNK, length - done), 0);
  if (read.fatal == NULL && !read.too_deep && !read.stopped)
    xmlParseChunk (read.ctxt, NULL, 0, 1);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (read.too_deep)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_TOO_DEEP,
                   _("%s: refused, nested deeper than %u elements"), source_name, limits->max_depth);
      xml_read_clear (&read);
      return NULL;
    }
  if (read.fatal == NULL && read.dialect == DIALECT_NONE)
    refuse (&read, read.first_error ? read.first_error : _("not XML"));
  else if (read.fatal == NULL && !read.root_closed && !read.stopped && !ends_with_root_end_tag (&read, prepared, length))
    refuse (&read, _("the document is cut short"));

  if (read.fatal != NULL)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_XML,
                   _("%s: refused, %s"), source_name, read.fatal);
      xml_read_clear (&read);
      return NULL;
    }

  if (read.n_errors > 0)
    atlas_feed_problem (feed, _("feed: %u XML errors were repaired (the first, line %d: %s)"),
                        read.n_errors, read.first_error_line, read.first_error);
  if (read.items_seen == 0)
    atlas_feed_problem (feed, _("feed: no items"));
  finish_items (&read);

  xml_read_clear (&read);
  return g_steal_pointer (&feed);
}

AtlasFeed *
atlas_xml_feed_read (const char            *data,
                     gsize                  length,
                     const char            *source_name,
                     const char            *charset,
                     const AtlasFeedLimits *limits,
                     GError               **error)
{
  return read_document (data, length, source_name, charset, limits, 0, NULL, NULL, error);
}

/* A document read `page_items` at a time, each page handed to `page_func`
 * as soon as it is read; FALSE, with `error` set, when the document turned
 * out to be refused, whatever pages were handed before (a document cut
 * short is found so at its end). */
gboolean
atlas_xml_feed_read_pages (const char            *data,
                           gsize                  length,
                           const char            *source_name,
                           const char            *charset,
                           const AtlasFeedLimits *limits,
                           guint                  page_items,
                           AtlasFeedPageFunc      page_func,
                           gpointer               page_data,
                           GError               **error)
{
  AtlasFeed *last = read_document (data, length, source_name, charset, limits, page_items,
                                   page_func, page_data, error);

  if (last == NULL)
    return FALSE;
  page_func (last, page_data);
  return TRUE;
}
