/* atlas-xml-feed-item.c: what an RSS item or Atom entry becomes once read: its text, dates, authors, links and id
 *
 * The reader (atlas-xml-feed-reader.c) says which element fills which field;
 * here a field's text is made what the app keeps (markup made text, base64
 * decoded, dates read, "mail (Name)" made a name), and an item ends with an
 * id, a link and a digest, whatever its feed left out.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/uri.h>
#include <string.h>

#include "atlas-html.h"
#include "atlas-text.h"
#include "atlas-xml-feed-reader-private.h"

/* How much of an untitled item's text names it. */
#define UNTITLED_TITLE_CHARS 100

/* ---- links -------------------------------------------------------------- */

/* A link made absolute against xml:base and the document's address, or,
 * for a feed read from a file, the site's own address. */
char *
atlas_xml_resolve_link (XmlRead    *read,
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

/* ---- items -------------------------------------------------------------- */

/* Adds `value` to an item's authors or categories once, up to the limit a
 * list may have. */
void
atlas_xml_add_capped (XmlRead    *read,
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
char *
atlas_xml_item_digest (const AtlasItem *item,
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

void
atlas_xml_end_item (XmlRead *read)
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
      g_autofree char *digest = atlas_xml_item_digest (item, TRUE);
      item->id = g_strconcat ("sha256:", digest, NULL);
    }

  /* An RSS item may be its description alone: its first words name it. */
  if (item->title == NULL)
    item->title = atlas_text_first_words (item->summary ? item->summary : item->text, UNTITLED_TITLE_CHARS);

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

void
atlas_xml_end_author (XmlRead *read)
{
  const char *name = read->author_name ? read->author_name : read->author_email;

  if (name != NULL && *name != '\0')
    {
      if (read->item != NULL)
        atlas_xml_add_capped (read, read->item->authors, name, _("authors"));
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

void
atlas_xml_end_field (XmlRead *read)
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
        feed->home_page_url = atlas_xml_resolve_link (read, text, read->field_base);
      break;
    case FIELD_FEED_LANGUAGE:
      take (&feed->language, g_steal_pointer (&text));
      break;
    case FIELD_TITLE:
      take (&item->title, g_steal_pointer (&text));
      break;
    case FIELD_LINK:
      if (read->scratch.link == NULL)
        read->scratch.link = atlas_xml_resolve_link (read, text, read->field_base);
      break;
    case FIELD_GUID:
      take (&read->scratch.guid, g_steal_pointer (&text));
      break;
    case FIELD_ATOM_ID:
      /* An IRI like any other: a relative one stands on xml:base. */
      if (!g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) && read->field_base != NULL)
        take (&read->scratch.atom_id, atlas_xml_resolve_link (read, text, read->field_base));
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
        atlas_xml_add_capped (read, item->authors, name, _("authors"));
      }
      break;
    case FIELD_CREATOR:
      atlas_xml_add_capped (read, item->authors, text, _("authors"));
      break;
    case FIELD_CATEGORY:
      atlas_xml_add_capped (read, item->tags, text, _("categories"));
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
