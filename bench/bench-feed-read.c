/* bench-feed-read: reads one feed file into the feed structs and nothing else, for timing the readers
 *
 *   build/bench/bench-feed-read FILE
 *
 * bench-xml-parse.sh times it against libxml2's own `xmllint --stream` on the
 * same file, as whole processes. */
#include <stdio.h>

#include "atlas-feed-reader.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-feed-read FILE\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      (feed = atlas_feed_read (contents, length, argv[1], NULL, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%u items\n", feed->items->len);
  return 0;
}
