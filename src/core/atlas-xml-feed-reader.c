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
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "atlas-feed-reader-private.h"
#include "atlas-html.h"
#include "atlas-text.h"

#define NS_ATOM     "http://www.w3.org/2005/Atom"
#define NS_ATOM03   "http://purl.org/atom/ns#"
#define NS_RSS10    "http://purl.org/rss/1.0/"
#define NS_RSS090   "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF      "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_CONTENT  "http://purl.org/rss/1.0/modules/content/"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS  "http://purl.org/dc/terms/"
#define NS_XHTML    "http://www.w3.org/1999/xhtml"

typedef enum
{
  DIALECT_NONE,
  DIALECT_RSS,
  DIALECT_RDF,
  DIALECT_ATOM,
  DIALECT_ATOM03,
} Dialect;

/* Which vocabulary an element belongs to, whatever prefix it was given. */
typedef enum
{
  VOCAB_OTHER,
  VOCAB_RSS,
  VOCAB_ATOM,
  VOCAB_DC,
  VOCAB_DCTERMS,
  VOCAB_CONTENT,
  VOCAB_XHTML,
} Vocab;

/* Where the text of the element being read goes. */
typedef enum
{
  FIELD_NONE,
  FIELD_FEED_TITLE,
  FIELD_FEED_LINK,
  FIELD_FEED_LANGUAGE,
  FIELD_TITLE,
  FIELD_LINK,
  FIELD_GUID,
  FIELD_ATOM_ID,
  FIELD_SUMMARY,
  FIELD_CONTENT,
  FIELD_PUBLISHED,
  FIELD_UPDATED,
  FIELD_RSS_AUTHOR,
  FIELD_CREATOR,
  FIELD_CATEGORY,
  FIELD_LANGUAGE,
  FIELD_AUTHOR_NAME,
  FIELD_AUTHOR_EMAIL,
} Field;

typedef enum
{
  MARKUP_PLAIN,
  MARKUP_MAYBE_HTML,   /* an RSS title: HTML when it looks like it */
  MARKUP_HTML,
  MARKUP_XHTML,
  MARKUP_BASE64,       /* another media type: text when it decodes to some */
  MARKUP_SKIP,
} Markup;

/* Several elements can give an item's publication date; the first in this
 * order wins, wherever it stands in the item. */
typedef enum
{
  RANK_PRIMARY,    /* pubDate, Atom published */
  RANK_DC,         /* dc:date, Atom 0.3 issued */
  RANK_DCTERMS,    /* dcterms:issued, dcterms:created, Atom 0.3 created */
  RANK_NONE,
} DateRank;

typedef struct
{
  char     *guid;
  gboolean  guid_is_permalink;
  char     *atom_id;
  char     *rdf_about;
  char     *link;
  gboolean  link_is_html;
  DateRank  published_rank;
} ItemScratch;

/* What an element inherits: xml:base made absolute, and xml:lang. */
typedef struct
{
  char     *base;
  char     *lang;
  gboolean  owns_base;
  gboolean  owns_lang;
} Frame;

typedef struct
{
  xmlParserCtxtPtr       ctxt;
  GArray                *frames;         /* Frame, one per open element */
  int                    depth;          /* of the element being read, the root's 0 */
  const xmlChar        **attributes;     /* of the element starting, SAX2's five-tuples */
  int                    n_attributes;
  AtlasFeed             *feed;
  const AtlasFeedLimits *limits;
  const char            *source_name;
  Dialect                dialect;
  gboolean               root_closed;
  char                  *root_name;
  gboolean               too_deep;
  int                    ignore_depth;   /* -1, or the depth of a subtree read past */

  AtlasItem             *item;
  int                    item_depth;
  ItemScratch            scratch;
  guint                  items_seen;

  int                    author_depth;   /* -1 outside an Atom author */
  char                  *author_name;
  char                  *author_email;
  GPtrArray             *feed_authors;

  Field                  field;
  int                    field_depth;
  Markup                 markup;
  DateRank               field_rank;
  GString               *buffer;
  gboolean               buffer_full;
  char                  *field_base;

  /* What went wrong, from libxml2's error callback. */
  guint                  n_errors;
  char                  *first_error;
  int                    first_error_line;
  char                  *fatal;
} XmlRead;

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
  else if (read->fatal == NULL &&
      (error->code == XML_ERR_UNSUPPORTED_ENCODING ||
       error->code == XML_ERR_ENTITY_LOOP || error->code == XML_ERR_INTERNAL_ERROR ||
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

static const Frame *
current_frame (XmlRead *read)
{
  return &g_array_index (read->frames, Frame, read->frames->len - 1);
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
  const char *base = current_frame (read)->base;

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

/* ---- links -------------------------------------------------------------- */

/* A link made absolute against xml:base and the document's address, or,
 * for a feed read from a file, the site's own address. */
static char *
resolve_link (XmlRead    *read,
              const char *link,
              const char *base)
{
  const char *against = base;
  xmlChar *built;
  char *url;

  if (link == NULL || *link == '\0')
    return NULL;
  if (against == NULL || !atlas_text_is_web_link (against))
    against = read->feed->home_page_url;
  if (against == NULL || g_uri_is_valid (link, G_URI_FLAGS_NONE, NULL))
    return g_strdup (link);

  built = xmlBuildURI ((const xmlChar *) link, (const xmlChar *) against);
  if (built == NULL)
    return g_strdup (link);
  url = atlas_text_clean ((const char *) built, 8192, NULL);
  xmlFree (built);
  return url;
}

/* <link rel="…" href="…"/> in Atom, or atom:link inside RSS. */
static void
read_atom_link (XmlRead *read)
{
  g_autofree char *href = get_attribute (read, "href");
  g_autofree char *rel = get_attribute (read, "rel");
  g_autofree char *type = get_attribute (read, "type");
  const char *base = current_frame (read)->base;
  g_autofree char *url = NULL;
  gboolean alternate = rel == NULL || *rel == '\0' || g_ascii_strcasecmp (rel, "alternate") == 0;
  gboolean html = type == NULL || g_str_has_prefix (type, "text/html") || g_str_has_prefix (type, "application/xhtml");

  url = resolve_link (read, href, base);
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

/* ---- items -------------------------------------------------------------- */

static void
begin_item (XmlRead *read)
{
  read->items_seen++;
  if (read->feed->items->len >= read->limits->max_items)
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

  if (current_frame (read)->lang != NULL)
    read->item->language = atlas_text_clean (current_frame (read)->lang, 64, NULL);
}

static void
add_capped (XmlRead    *read,
            GPtrArray  *list,
            const char *value,
            const char *what)
{
  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), value))
      return;
  if (list->len >= read->limits->max_list_length)
    {
      if (list->len == read->limits->max_list_length)
        atlas_feed_problem (read->feed, _("item %u: more than %u %s; the rest skipped"),
                            read->items_seen, read->limits->max_list_length, what);
      return;
    }
  g_ptr_array_add (list, g_strdup (value));
}

static void
hash_field (GChecksum  *checksum,
            const char *value)
{
  if (value != NULL)
    g_checksum_update (checksum, (const guchar *) value, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
}

static void
hash_number (GChecksum *checksum,
             gboolean   set,
             gint64     value)
{
  char number[32];

  g_snprintf (number, sizeof number, set ? "%" G_GINT64_FORMAT : "-", value);
  hash_field (checksum, number);
}

/* What the item says once read, so that an unchanged item costs one lookup.
 * With no id at all, the first 32 digits of the same digest, minus the parts
 * a site may change on its own, give a stable one. */
static char *
item_digest (const AtlasItem *item,
             gboolean         for_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  hash_field (checksum, for_id ? NULL : item->id);
  hash_field (checksum, item->url);
  hash_field (checksum, item->title);
  hash_field (checksum, item->summary);
  hash_field (checksum, for_id ? NULL : item->text);
  hash_number (checksum, item->has_published, item->published);
  if (for_id)
    return g_strndup (g_checksum_get_string (checksum), 32);

  hash_number (checksum, TRUE, item->published_precision);
  hash_number (checksum, item->has_updated, item->updated);
  hash_field (checksum, item->language);
  for (guint i = 0; i < item->authors->len; i++)
    hash_field (checksum, g_ptr_array_index (item->authors, i));
  hash_field (checksum, "\x1e");
  for (guint i = 0; i < item->tags->len; i++)
    hash_field (checksum, g_ptr_array_index (item->tags, i));
  return g_strdup (g_checksum_get_string (checksum));
}

static void
end_item (XmlRead *read)
{
  AtlasItem *item = g_steal_pointer (&read->item);
  ItemScratch *scratch = &read->scratch;

  if (item->url == NULL && scratch->link != NULL)
    item->url = g_steal_pointer (&scratch->link);
  if (item->url == NULL && scratch->guid != NULL && scratch->guid_is_permalink &&
      atlas_text_is_web_link (scratch->guid))
    item->url = g_strdup (scratch->guid);

  if (scratch->guid != NULL)
    item->id = g_steal_pointer (&scratch->guid);
  else if (scratch->atom_id != NULL)
    item->id = g_steal_pointer (&scratch->atom_id);
  else if (scratch->rdf_about != NULL)
    item->id = g_steal_pointer (&scratch->rdf_about);
  else if (item->url != NULL)
    item->id = g_strdup (item->url);
  else
    {
      g_autofree char *digest = item_digest (item, TRUE);
      item->id = g_strconcat ("sha256:", digest, NULL);
    }

  /* An Atom entry without authors has its feed's. */
  if (item->authors->len == 0 && read->feed_authors != NULL)
    for (guint i = 0; i < read->feed_authors->len; i++)
      g_ptr_array_add (item->authors, g_strdup (g_ptr_array_index (read->feed_authors, i)));

  g_ptr_array_add (read->feed->items, item);

  g_free (scratch->guid);
  g_free (scratch->atom_id);
  g_free (scratch->rdf_about);
  g_free (scratch->link);
  memset (scratch, 0, sizeof *scratch);
}

/* "editor@example.org (Jane Doe)" or "Jane Doe <editor@example.org>" as
 * RSS writes an author; the name alone is kept. */
static char *
name_of_rss_author (const char *author)
{
  const char *open = strchr (author, '(');
  const char *close = strrchr (author, ')');
  const char *angle = strchr (author, '<');

  if (open != NULL && close != NULL && close > open + 1)
    return g_strstrip (g_strndup (open + 1, close - open - 1));
  if (angle != NULL && angle > author && strchr (angle, '@') != NULL)
    return g_strstrip (g_strndup (author, angle - author));
  return g_strdup (author);
}

static void
end_author (XmlRead *read)
{
  const char *name = read->author_name ? read->author_name : read->author_email;

  if (name != NULL && *name != '\0')
    {
      if (read->item != NULL)
        add_capped (read, read->item->authors, name, _("authors"));
      else
        {
          if (read->feed_authors == NULL)
            read->feed_authors = g_ptr_array_new_with_free_func (g_free);
          if (read->feed_authors->len < read->limits->max_list_length)
            g_ptr_array_add (read->feed_authors, g_strdup (name));
        }
    }
  g_clear_pointer (&read->author_name, g_free);
  g_clear_pointer (&read->author_email, g_free);
  read->author_depth = -1;
}

/* ---- fields ------------------------------------------------------------- */

static gboolean
is_base64 (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        return FALSE;
      n++;
    }
  return n > 0 && n % 4 == 0;
}

/* Replaces base64 by the text it stands for; FALSE (and the buffer left as
 * it was) when it is not base64, or not text once decoded. */
static gboolean
decode_base64 (GString *buffer)
{
  g_autofree guchar *decoded = NULL;
  gsize length = 0;

  if (!is_base64 (buffer->str))
    return FALSE;
  decoded = g_base64_decode (buffer->str, &length);
  if (!g_utf8_validate_len ((const char *) decoded, length, NULL) || memchr (decoded, '\0', length) != NULL)
    return FALSE;
  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, (const char *) decoded, length);
  return TRUE;
}

static char *
field_text (XmlRead *read)
{
  GString *buffer = read->buffer;
  /* Titles and categories are one line of text. */
  gboolean title = read->field == FIELD_TITLE || read->field == FIELD_FEED_TITLE || read->field == FIELD_CATEGORY;
  g_autofree char *text = NULL;
  Markup markup = read->markup;
  gboolean cut = FALSE;
  char *clean;

  if (markup == MARKUP_BASE64)
    markup = decode_base64 (buffer) ? MARKUP_MAYBE_HTML : MARKUP_PLAIN;
  if (markup == MARKUP_MAYBE_HTML)
    markup = strpbrk (buffer->str, "<&") != NULL ? MARKUP_HTML : MARKUP_PLAIN;

  if (markup == MARKUP_HTML || markup == MARKUP_XHTML)
    text = title ? atlas_html_to_line (buffer->str, buffer->len) : atlas_html_to_text (buffer->str, buffer->len);
  else if (title)
    {
      g_auto(GStrv) words = g_strsplit_set (buffer->str, " \t\r\n", -1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_string_append_printf (line, line->len ? " %s" : "%s", words[i]);
      text = g_string_free (g_steal_pointer (&line), FALSE);
    }
  else
    text = g_strdup (buffer->str);

  clean = atlas_text_clean (text, read->limits->max_string_bytes, &cut);
  g_strstrip (clean);
  if (cut || read->buffer_full)
    atlas_feed_problem (read->feed, _("item %u: a text longer than %zu bytes was cut"),
                        read->items_seen, read->limits->max_string_bytes);
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

static void
take (char **slot,
      char  *value)
{
  if (value == NULL)
    return;
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

static void
read_date (XmlRead    *read,
           const char *text,
           gboolean    updated)
{
  AtlasItem *item = read->item;
  AtlasDatePrecision precision;
  gint64 when;

  if (!atlas_feed_date_parse (text, &when, &precision))
    {
      atlas_feed_problem (read->feed, _("item %u: “%s” is not a date; ignored"), read->items_seen, text);
      return;
    }
  if (updated)
    {
      if (!item->has_updated)
        item->has_updated = TRUE, item->updated = when;
      return;
    }
  if (read->field_rank >= read->scratch.published_rank)
    return;
  read->scratch.published_rank = read->field_rank;
  item->has_published = TRUE;
  item->published = when;
  item->published_precision = precision;
}

static void
end_field (XmlRead *read)
{
  g_autofree char *text = read->markup == MARKUP_SKIP ? NULL : field_text (read);
  AtlasItem *item = read->item;
  AtlasFeed *feed = read->feed;
  Field field = read->field;

  read->field = FIELD_NONE;
  if (text == NULL)
    return;

  switch (field)
    {
    case FIELD_FEED_TITLE:
      take (&feed->title, g_steal_pointer (&text));
      break;
    case FIELD_FEED_LINK:
      if (feed->home_page_url == NULL)
        feed->home_page_url = resolve_link (read, text, read->field_base);
      break;
    case FIELD_FEED_LANGUAGE:
      take (&feed->language, g_steal_pointer (&text));
      break;
    case FIELD_TITLE:
      take (&item->title, g_steal_pointer (&text));
      break;
    case FIELD_LINK:
      if (read->scratch.link == NULL)
        read->scratch.link = resolve_link (read, text, read->field_base);
      break;
    case FIELD_GUID:
      take (&read->scratch.guid, g_steal_pointer (&text));
      break;
    case FIELD_ATOM_ID:
      /* An IRI like any other: a relative one stands on xml:base. */
      if (!g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) && read->field_base != NULL)
        take (&read->scratch.atom_id, resolve_link (read, text, read->field_base));
      else
        take (&read->scratch.atom_id, g_steal_pointer (&text));
      break;
    case FIELD_SUMMARY:
      take (&item->summary, g_steal_pointer (&text));
      break;
    case FIELD_CONTENT:
      take (&item->text, g_steal_pointer (&text));
      break;
    case FIELD_PUBLISHED:
      read_date (read, text, FALSE);
      break;
    case FIELD_UPDATED:
      read_date (read, text, TRUE);
      break;
    case FIELD_RSS_AUTHOR:
      {
        g_autofree char *name = name_of_rss_author (text);
        add_capped (read, item->authors, name, _("authors"));
      }
      break;
    case FIELD_CREATOR:
      add_capped (read, item->authors, text, _("authors"));
      break;
    case FIELD_CATEGORY:
      add_capped (read, item->tags, text, _("categories"));
      break;
    case FIELD_LANGUAGE:
      g_free (item->language);
      item->language = g_steal_pointer (&text);
      break;
    case FIELD_AUTHOR_NAME:
      take (&read->author_name, g_steal_pointer (&text));
      break;
    case FIELD_AUTHOR_EMAIL:
      take (&read->author_email, g_steal_pointer (&text));
      break;
    case FIELD_NONE:
    default:
      break;
    }
}

/* ---- elements ----------------------------------------------------------- */

static gboolean
begin_root (XmlRead    *read,
            const char *name,
            const char *ns)
{
  const char *lang = current_frame (read)->lang;

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
  g_autofree char *url = href ? resolve_link (read, href, current_frame (read)->base) : NULL;

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

      add_capped (read, read->item->tags, term && *term ? term : label, _("categories"));
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
        end_field (read);
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
    end_author (read);
  else if (read->item != NULL && depth == read->item_depth)
    end_item (read);
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

/* ---- encodings ---------------------------------------------------------- */

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
      else
        {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            g_string_append_c (out, c);
          p++;
        }
    }

  *new_length = out->len;
  return g_string_free (out, FALSE);
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

AtlasFeed *
atlas_xml_feed_read (const char            *data,
                     gsize                  length,
                     const char            *source_name,
                     const char            *charset,
                     const AtlasFeedLimits *limits,
                     GError               **error)
{
  g_autoptr(AtlasFeed) feed = atlas_feed_new ();
  g_autofree char *declared = declared_encoding (data, length);
  g_autofree char *cleaned = NULL;
  const char *encoding = NULL;
  gboolean utf16 = length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE);
  Frame document = { 0 };
  XmlRead read = { 0 };

  atlas_libxml_init ();

  /* The declaration names the encoding; HTTP's charset counts only when it
   * does not (servers often send a default that the document contradicts);
   * without either, XML is UTF-8, which is checked here so that a wrong
   * byte is named instead of turning the rest into Latin-1. */
  if (declared != NULL && !is_utf8_name (declared))
    encoding = NULL;
  else if (declared == NULL && charset != NULL && !is_utf8_name (charset) && !utf16)
    encoding = charset;
  else if (!utf16)
    {
      const char *end = NULL;

      encoding = "UTF-8";
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_BAD_ENCODING,
                       _("%s: refused, byte %zu is not valid UTF-8%s"), source_name, (gsize) (end - data),
                       declared ? _(", the encoding it declares") : "");
          return NULL;
        }
    }
  if (!utf16)
    {
      gsize new_length;

      cleaned = repair (data, length, &new_length);
      data = cleaned;
      length = new_length;
    }

  read.feed = feed;
  read.limits = limits;
  read.source_name = source_name;
  read.ignore_depth = -1;
  read.author_depth = -1;
  read.buffer = g_string_new (NULL);
  read.frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16);
  g_array_set_clear_func (read.frames, clear_frame);
  if (atlas_text_is_web_link (source_name))
    document.base = g_strdup (source_name), document.owns_base = TRUE;
  g_array_append_val (read.frames, document);

  read.ctxt = xmlNewParserCtxt ();
  if (read.ctxt == NULL)
    {
      xml_read_clear (&read);
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_XML,
                   _("%s: refused, the XML parser could not start"), source_name);
      return NULL;
    }
  set_handlers (read.ctxt->sax);
  read.ctxt->_private = &read;
  /* The handler is libxml2's per thread: set for this parse only. */
  xmlSetStructuredErrorFunc (&read, on_error_without_context);
  xmlCtxtReadMemory (read.ctxt, data, (int) MIN (length, (gsize) G_MAXINT), NULL, encoding,
                     XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOWARNING);
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
  else if (read.fatal == NULL && !read.root_closed && !ends_with_root_end_tag (&read, data, length))
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
  if (feed->items->len == 0 && feed->items_skipped == 0)
    atlas_feed_problem (feed, _("feed: no items"));

  for (guint i = 0; i < feed->items->len; i++)
    {
      AtlasItem *item = g_ptr_array_index (feed->items, i);

      if (item->language == NULL && feed->language != NULL)
        item->language = g_strdup (feed->language);
      item->fingerprint = item_digest (item, FALSE);
    }

  xml_read_clear (&read);
  return g_steal_pointer (&feed);
}
