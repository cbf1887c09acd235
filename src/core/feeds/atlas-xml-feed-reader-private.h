#pragma once

/* What the XML feed reader keeps while it reads, shared by the element
 * mapping (atlas-xml-feed-reader.c) and what an item becomes once read
 * (atlas-xml-feed-item.c). */

#include <libxml/parser.h>

#include "atlas-feed-reader.h"

G_BEGIN_DECLS

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
  AtlasFeed             *feed;           /* the feed's own fields, and the items not yet handed */
  const AtlasFeedLimits *limits;
  guint                  page_items;
  AtlasFeedPageFunc      page_func;      /* NULL: the items stay in `feed` */
  gpointer               page_data;
  guint                  pages_handed;
  const char            *source_name;
  Dialect                dialect;
  gboolean               root_closed;
  char                  *root_name;
  gboolean               too_deep;
  gboolean               stopped;        /* not a feed: read no further */
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

/* The innermost open element's frame. */
static inline const Frame *
atlas_xml_current_frame (XmlRead *read)
{
  return &g_array_index (read->frames, Frame, read->frames->len - 1);
}

char *atlas_xml_resolve_link (XmlRead         *read,
                              const char      *link,
                              const char      *base);
void  atlas_xml_add_capped   (XmlRead         *read,
                              GPtrArray       *list,
                              const char      *value,
                              const char      *what);
char *atlas_xml_item_digest  (const AtlasItem *item,
                              gboolean         for_id);
void  atlas_xml_end_item     (XmlRead         *read);
void  atlas_xml_end_author   (XmlRead         *read);
void  atlas_xml_end_field    (XmlRead         *read);

G_END_DECLS
