/* fuzz-feed-reader: libFuzzer entry point for the feed readers (JSON Feed, RSS, RDF, Atom) and feed discovery
 *
 * Built with -Dfuzzing=true under clang for libFuzzer, and always as a plain
 * program (fuzz-replay.c) that replays the seed corpus and every crash ever
 * found, so that a fixed crash stays fixed in the normal test run.
 */
#include <glib.h>
#include <stdint.h>

#include "atlas-feed-reader.h"
#include "atlas-html.h"
#include "atlas-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  g_autoptr(GPtrArray) links = NULL;
  AtlasFeedLimits limits;

  /* The same bytes as a web page whose feeds are looked for: only web links
   * come out. */
  links = atlas_html_find_feed_links ((const char *) data, size, "https://example.org/news/");
  for (guint i = 0; i < links->len; i++)
    g_assert_true (atlas_text_is_web_link (((AtlasFeedLink *) g_ptr_array_index (links, i))->url));

  /* Small limits keep each run fast; the code paths are the same. */
  atlas_feed_limits_init (&limits);
  limits.max_body_bytes = 1024 * 1024;
  limits.max_items = 200;
  limits.max_list_length = 50;
  limits.max_string_bytes = 64 * 1024;

  feed = atlas_feed_read ((const char *) data, size, "fuzz", &limits, &error);
  if (feed == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* What the reader hands on must be clean, whatever came in. */
  for (guint i = 0; i < feed->items->len; i++)
    {
      const AtlasItem *item = g_ptr_array_index (feed->items, i);

      g_assert_true (g_utf8_validate (item->id, -1, NULL));
      g_assert_true (item->title == NULL || g_utf8_validate (item->title, -1, NULL));
      g_assert_true (item->text == NULL || g_utf8_validate (item->text, -1, NULL));
      g_assert_true (item->summary == NULL || g_utf8_validate (item->summary, -1, NULL));
      for (guint j = 0; j < item->authors->len; j++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (item->authors, j), -1, NULL));
      g_assert_nonnull (item->fingerprint);
    }
  return 0;
}
