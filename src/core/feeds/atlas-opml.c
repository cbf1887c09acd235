/* atlas-opml.c: the subscription list every feed reader exchanges
 *
 * Read with GMarkup, which knows no external entities or DTDs, so a hostile
 * OPML file cannot make it fetch or expand anything. Folders (nested
 * outlines) are flattened; an outline without xmlUrl is a folder.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-opml.h"
#include "atlas-text.h"

void
atlas_opml_outline_free (AtlasOpmlOutline *outline)
{
  if (outline == NULL)
    return;
  g_free (outline->url);
  g_free (outline->title);
  g_free (outline);
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  GPtrArray *outlines = user_data;
  const char *url, *title;
  AtlasOpmlOutline *outline;

  if (g_strcmp0 (element, "outline") != 0)
    return;
  url = attribute (names, values, "xmlUrl");
  if (url == NULL)
    return;

  title = attribute (names, values, "title");
  if (title == NULL || *title == '\0')
    title = attribute (names, values, "text");

  outline = g_new0 (AtlasOpmlOutline, 1);
  outline->url = atlas_text_clean (url, 2048, NULL);
  g_strstrip (outline->url);
  outline->title = title ? atlas_text_clean (title, 1024, NULL) : NULL;
  g_ptr_array_add (outlines, outline);
}

GPtrArray *
atlas_opml_parse (const char  *text,
                  gssize       length,
                  GError     **error)
{
  static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_opml_outline_free);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8, _("The OPML file is not valid UTF-8"));
      return NULL;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, outlines, NULL);
  if (!g_markup_parse_context_parse (context, text, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, G_MARKUP_ERROR, local_error->code, _("Not an OPML file: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&outlines);
}

char *
atlas_opml_write (GPtrArray *outlines)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<opml version=\"2.0\">\n"
                                "  <head>\n"
                                "    <title>Compute Atlas subscriptions</title>\n"
                                "  </head>\n"
                                "  <body>\n");

  for (guint i = 0; i < outlines->len; i++)
    {
      const AtlasOpmlOutline *outline = g_ptr_array_index (outlines, i);
      g_autofree char *url = g_markup_escape_text (outline->url, -1);
      g_autofree char *title = g_markup_escape_text (outline->title ? outline->title : outline->url, -1);

      g_string_append_printf (text, "    <outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\"/>\n",
                              title, title, url);
    }

  g_string_append (text, "  </body>\n</opml>\n");
  return g_string_free (text, FALSE);
}
