/* test-xml-feed-reader.c: RSS, RDF and Atom read into the feed structs, and hostile XML refused */
#include <string.h>

#include "atlas-feed-reader.h"
#include "atlas-importer.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"

static AtlasFeed *
read_data_file (const char *name,
                const char *content_type)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AtlasFeed *feed;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  feed = atlas_feed_read_http (contents, length, name, content_type, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static AtlasItem *
item_at (AtlasFeed *feed,
         guint      i)
{
  g_assert_cmpuint (i, <, feed->items->len);
  return g_ptr_array_index (feed->items, i);
}

static void
assert_time (gboolean    set,
             gint64      when,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (set);
  text = atlas_timestamp_to_iso8601 (when);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_list (GPtrArray  *list,
             const char *joined)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (all, "%s%s", i ? "|" : "", (const char *) g_ptr_array_index (list, i));
  g_assert_cmpstr (all->str, ==, joined);
}

static gboolean
has_problem (AtlasFeed  *feed,
             const char *part)
{
  for (guint i = 0; i < feed->problems->len; i++)
    if (strstr (g_ptr_array_index (feed->problems, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_rss2 (void)
{
  g_autoptr(AtlasFeed) feed = read_data_file ("rss2.xml", NULL);
  g_autoptr(AtlasFeed) again = read_data_file ("rss2.xml", NULL);
  AtlasItem *item;

  g_assert_cmpstr (feed->title, ==, "Compute & Power Weekly");
  g_assert_cmpstr (feed->home_page_url, ==, "https://news.example.org/");
  g_assert_cmpstr (feed->feed_url, ==, "https://news.example.org/ai/feed.xml");
  g_assert_cmpstr (feed->next_url, ==, "https://news.example.org/ai/feed.xml?page=2");
  g_assert_cmpstr (feed->language, ==, "en-gb");
  g_assert_cmpuint (feed->items->len, ==, 5);

  item = item_at (feed, 0);
  g_assert_cmpstr (item->id, ==, "newport-campus-2025");
  g_assert_cmpstr (item->url, ==, "https://news.example.org/ai/2025/09/newport-campus");
  g_assert_cmpstr (item->title, ==, "Operator plans a 100 MW campus near Newport");
  g_assert_cmpstr (item->summary, ==, "The site would hold thousands of GPUs.\n\nPower comes first.");
  g_assert_cmpstr (item->text, ==, "Full text: the operator wants 100 MW.\n\nSecond paragraph.");
  assert_time (item->has_published, item->published, "2025-09-16T08:30:00Z");
  g_assert_cmpint (item->published_precision, ==, ATLAS_DATE_PRECISION_DAY);
  assert_list (item->authors, "Jane Doe");
  assert_list (item->tags, "Data centres|Wales");
  g_assert_cmpstr (item->language, ==, "en-gb");
  g_assert_false (item->has_mentions);
  g_assert_nonnull (item->fingerprint);

  /* A title escaped twice, an author as RSS writes one, and pubDate
   * preferred to a dc:date that comes first. */
  item = item_at (feed, 1);
  g_assert_cmpstr (item->id, ==, "https://news.example.org/ai/chip-deal");
  g_assert_cmpstr (item->title, ==, "Chip maker & cloud firm sign a deal");
  g_assert_cmpstr (item->summary, ==, "A multi-year supply agreement.");
  g_assert_null (item->text);
  assert_list (item->authors, "News Desk");
  assert_time (item->has_published, item->published, "2025-09-17T10:00:00Z");

  /* No title: its description's first sentence names it. */
  item = item_at (feed, 2);
  g_assert_cmpstr (item->id, ==, "https://news.example.org/ai/permalink-only");
  g_assert_cmpstr (item->url, ==, "https://news.example.org/ai/permalink-only");
  g_assert_cmpstr (item->title, ==, "No title and no link: the guid is the link.");
  assert_time (item->has_published, item->published, "2025-09-17T16:00:00Z");

  /* No guid, no link: an id made from what the item says, the same at each read. */
  item = item_at (feed, 3);
  g_assert_true (g_str_has_prefix (item->id, "sha256:"));
  g_assert_cmpstr (item->id, ==, item_at (again, 3)->id);
  g_assert_cmpstr (item->fingerprint, ==, item_at (again, 3)->fingerprint);
  g_assert_cmpstr (item->fingerprint, !=, item_at (feed, 2)->fingerprint);

  g_assert_cmpstr (item_at (feed, 4)->id, ==, "newport-campus-2025");
}

static void
test_rdf (void)
{
  g_autoptr(AtlasFeed) feed = read_data_file ("rdf.xml", NULL);
  AtlasItem *item;

  g_assert_cmpstr (feed->version, ==, "rss 1.0");
  g_assert_cmpstr (feed->title, ==, "Grid Notes");
  g_assert_cmpstr (feed->home_page_url, ==, "https://grid.example.net/");
  g_assert_cmpstr (feed->language, ==, "fr");
  g_assert_cmpuint (feed->items->len, ==, 1);

  item = item_at (feed, 0);
  g_assert_cmpstr (item->id, ==, "https://grid.example.net/notes/1");
  g_assert_cmpstr (item->title, ==, "Raccordement d’un centre de données en Écosse");
  g_assert_cmpstr (item->summary, ==, "Le réseau écossais accueille un nouveau site.");
  /* W3C-DTF's month keeps its precision. */
  assert_time (item->has_published, item->published, "2025-09-01T00:00:00Z");
  g_assert_cmpint (item->published_precision, ==, ATLAS_DATE_PRECISION_MONTH);
  assert_list (item->authors, "Marie Martin");
  assert_list (item->tags, "réseau");
  g_assert_cmpstr (item->language, ==, "fr");
}

static void
test_atom (void)
{
  g_autoptr(AtlasFeed) feed = read_data_file ("atom.xml", NULL);
  AtlasItem *item;

  g_assert_cmpstr (feed->version, ==, "atom 1.0");
  g_assert_cmpstr (feed->title, ==, "Infra Journal");
  g_assert_cmpstr (feed->home_page_url, ==, "https://blog.example.com/");
  g_assert_cmpstr (feed->feed_url, ==, "https://blog.example.com/atom.xml");
  g_assert_cmpstr (feed->next_url, ==, "https://blog.example.com/atom.xml?page=2");
  g_assert_cmpstr (feed->language, ==, "en");
  g_assert_cmpuint (feed->items->len, ==, 2);

  item = item_at (feed, 0);
  g_assert_cmpstr (item->id, ==, "tag:blog.example.com,2025:1");
  g_assert_cmpstr (item->title, ==, "Site opens in Norway");
  g_assert_cmpstr (item->url, ==, "https://blog.example.com/posts/norway");
  g_assert_cmpstr (item->summary, ==, "A hydro-powered site opens.");
  g_assert_cmpstr (item->text, ==, "The site runs on hydro power.\n\nIt holds 2,000 <GPUs>.");
  assert_time (item->has_published, item->published, "2025-09-18T07:00:00Z");
  assert_time (item->has_updated, item->updated, "2025-09-18T10:00:00Z");
  assert_list (item->tags, "norway|openings");
  /* The feed's author, not the one of the entry's <source>. */
  assert_list (item->authors, "Feed Author");
  g_assert_cmpstr (item->language, ==, "en");

  item = item_at (feed, 1);
  g_assert_cmpstr (item->title, ==, "Un titre & du texte");
  g_assert_cmpstr (item->url, ==, "https://blog.example.com/posts/2");
  g_assert_cmpstr (item->text, ==, "Plain <text> stays as it is.");
  g_assert_false (item->has_published);
  assert_time (item->has_updated, item->updated, "2025-09-19T08:00:00Z");
  assert_list (item->authors, "Entry Author");
  g_assert_cmpstr (item->language, ==, "fr");
}

static void
test_atom03 (void)
{
  g_autoptr(AtlasFeed) feed = read_data_file ("atom03.xml", NULL);
  AtlasItem *item = item_at (feed, 0);

  g_assert_cmpstr (feed->version, ==, "atom 0.3");
  g_assert_cmpstr (feed->title, ==, "Old Atom");
  g_assert_cmpstr (item->url, ==, "https://old.example.org/2004/01/entry");
  g_assert_cmpstr (item->text, ==, "Escaped HTML.");
  g_assert_cmpstr (item->summary, ==, "Base64 summary");
  assert_time (item->has_published, item->published, "2004-01-01T19:48:21Z");
  assert_time (item->has_updated, item->updated, "2004-01-02T10:00:00Z");
  assert_list (item->authors, "Old Author");
}

static void
test_encodings (void)
{
  g_autoptr(AtlasFeed) latin1 = read_data_file ("latin1.xml", NULL);
  /* The HTTP charset does not override the document's declaration. */
  g_autoptr(AtlasFeed) latin1_mislabelled = read_data_file ("latin1.xml", "text/xml; charset=utf-8");
  g_autoptr(AtlasFeed) cp1252 = read_data_file ("cp1252-undeclared.xml", "application/rss+xml; charset=\"windows-1252\"");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "cp1252-undeclared.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) refused = NULL;
  g_autoptr(AtlasFeed) bom = NULL;
  g_autofree char *with_bom = NULL;
  gsize length;

  g_assert_cmpstr (latin1->title, ==, "Données");
  g_assert_cmpstr (item_at (latin1, 0)->title, ==, "Centre de données à Marseille");
  g_assert_cmpstr (item_at (latin1_mislabelled, 0)->title, ==, "Centre de données à Marseille");
  g_assert_cmpstr (item_at (cp1252, 0)->title, ==, "“Smart” quotes – and €");

  /* Without a charset, XML is UTF-8: the first wrong byte is named. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  refused = atlas_feed_read (contents, length, "cp1252.xml", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_BAD_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 62 is not valid UTF-8"));

  /* A byte-order mark is accepted. */
  with_bom = g_strconcat ("\xEF\xBB\xBF", "<rss version=\"2.0\"><channel><title>BOM</title></channel></rss>", NULL);
  bom = atlas_feed_read (with_bom, strlen (with_bom), "bom.xml", NULL, NULL);
  g_assert_nonnull (bom);
  g_assert_cmpstr (bom->title, ==, "BOM");
}

static void
test_sniff (void)
{
  static const struct { const char *body; AtlasFeedFormat format; } cases[] = {
    { "{\"version\": \"1.1\"}", ATLAS_FEED_FORMAT_JSON },
    { "\xEF\xBB\xBF  {}", ATLAS_FEED_FORMAT_JSON },
    { "<?xml version=\"1.0\"?>\n<!-- c --><rss/>", ATLAS_FEED_FORMAT_XML },
    { "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x\"><rss/>", ATLAS_FEED_FORMAT_XML },
    { "<!DOCTYPE feed [<!ENTITY a \"b\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", ATLAS_FEED_FORMAT_XML },
    { "<rdf:RDF/>", ATLAS_FEED_FORMAT_XML },
    { "<!doctype html><html></html>", ATLAS_FEED_FORMAT_HTML },
    { "\n<!-- a page --><html lang=\"en\">", ATLAS_FEED_FORMAT_HTML },
    { "<head><title>x</title>", ATLAS_FEED_FORMAT_HTML },
    { "Hello, world", ATLAS_FEED_FORMAT_UNKNOWN },
    { "", ATLAS_FEED_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (atlas_feed_sniff (cases[i].body, strlen (cases[i].body)), ==, cases[i].format);
}

static void
test_web_page (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "page.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  feed = atlas_feed_read_http (contents, length, "https://news.example.org/", "application/rss+xml", NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_WEB_PAGE);
  g_assert_cmpstr (error->message, ==, "https://news.example.org/: a web page, not a feed");
}

static void
test_empty_feed (void)
{
  static const char body[] = "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>";
  g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "quiet.xml", NULL, NULL);

  g_assert_nonnull (feed);
  g_assert_cmpuint (feed->items->len, ==, 0);
  g_assert_true (has_problem (feed, "no items"));
}

/* What real feeds get wrong and readers forgive. */
static void
test_repaired (void)
{
  static const char body[] =
    "<rss version=\"2.0\"><channel><title>Fish & Chips &amp; more</title>"
    "<item><title>Caf&eacute;&nbsp;news &unknown; &copy=2</title><link>https://example.org/1?a=1&b=2</link>"
    "<description>ab\bcd<br> &lt;3 <p>unclosed</description></item></channel></rss>";
  g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "lenient.xml", NULL, NULL);

  g_assert_nonnull (feed);
  g_assert_cmpstr (feed->title, ==, "Fish & Chips & more");
  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_cmpstr (item_at (feed, 0)->title, ==, "Café\xC2\xA0news &unknown; &copy=2");
  g_assert_cmpstr (item_at (feed, 0)->url, ==, "https://example.org/1?a=1&b=2");
  /* After an error, a later &lt; is still read. */
  g_assert_cmpstr (item_at (feed, 0)->summary, ==, "abcd\n<3\n\nunclosed");
  g_assert_true (has_problem (feed, "XML errors were repaired"));
}

/* Broken HTML inside a well-formed feed is the HTML converter's affair: the
 * feed is not said to have had XML errors. */
static void
test_html_errors_are_not_xml_errors (void)
{
  static const char body[] =
    "<rss version=\"2.0\"><channel><item><title>t</title>"
    "<description><![CDATA[<p>Fish & chips &bogus <b>unclosed <a href=>x</div>]]></description>"
    "</item></channel></rss>";
  g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "html.xml", NULL, NULL);

  g_assert_nonnull (feed);
  g_assert_cmpstr (item_at (feed, 0)->summary, ==, "Fish & chips &bogus unclosed x");
  g_assert_false (has_problem (feed, "XML errors"));
}

static gboolean
collect_page (AtlasFeed *page,
              gpointer   data)
{
  g_ptr_array_add (data, page);
  return TRUE;
}

/* Read page by page: the first page says what the feed says of itself,
 * every item comes once, in order, and the item limit holds across pages. */
static void
test_pages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "rss2.xml", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_feed_free);
  g_autoptr(GPtrArray) capped = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_feed_free);
  g_autoptr(AtlasFeed) whole = read_data_file ("rss2.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AtlasFeedLimits limits;
  guint items = 0, skipped = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (atlas_feed_read_pages (contents, length, "rss2.xml", NULL, NULL, 2, collect_page, pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 3);
  g_assert_cmpstr (((AtlasFeed *) g_ptr_array_index (pages, 0))->title, ==, "Compute & Power Weekly");
  g_assert_cmpstr (((AtlasFeed *) g_ptr_array_index (pages, 0))->next_url, ==, "https://news.example.org/ai/feed.xml?page=2");
  for (guint p = 0; p < pages->len; p++)
    {
      AtlasFeed *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->items->len; i++, items++)
        {
          AtlasItem *item = item_at (page, i);

          g_assert_cmpstr (item->id, ==, item_at (whole, items)->id);
          g_assert_cmpstr (item->fingerprint, ==, item_at (whole, items)->fingerprint);
          g_assert_cmpstr (item->language, ==, "en-gb");
        }
    }
  g_assert_cmpuint (items, ==, 5);

  atlas_feed_limits_init (&limits);
  limits.max_items = 3;
  g_assert_true (atlas_feed_read_pages (contents, length, "rss2.xml", NULL, &limits, 2, collect_page, capped, NULL));
  items = 0;
  for (guint p = 0; p < capped->len; p++)
    {
      items += ((AtlasFeed *) g_ptr_array_index (capped, p))->items->len;
      skipped += ((AtlasFeed *) g_ptr_array_index (capped, p))->items_skipped;
    }
  g_assert_cmpuint (items, ==, 3);
  g_assert_cmpuint (skipped, ==, 2);

  /* A document cut short is refused at its end, after its first pages. */
  {
    g_autoptr(GPtrArray) cut_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_feed_free);
    g_autoptr(GError) cut_error = NULL;

    g_assert_false (atlas_feed_read_pages (contents, length * 8 / 10, "cut.xml", NULL, NULL, 1, collect_page,
                                           cut_pages, &cut_error));
    g_assert_error (cut_error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_XML);
    g_assert_cmpuint (cut_pages->len, >, 0);
  }
}

/* ---- hostile input ------------------------------------------------------ */

typedef struct
{
  const char *name;
  char       *body;
  gsize       length;
  int         code;
  const char *message;   /* a part of it */
} Hostile;

static char *
billion_laughs (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");

  for (guint i = 1; i < 10; i++)
    g_string_append_printf (doc, "<!ENTITY lol%u \"&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;\">\n",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (doc, "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>"
                        "<item><title>&lol9;</title><link>https://example.org/lol</link></item></channel></rss>");
  return g_string_free (doc, FALSE);
}

static char *
quadratic_blowup (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (doc, 'a');
  g_string_append (doc, "\">]>\n<rss version=\"2.0\"><channel><item><title>x</title><description>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (doc, "&a;");
  g_string_append (doc, "</description><link>https://example.org/a</link></item></channel></rss>");
  return g_string_free (doc, FALSE);
}

static char *
deep (guint depth)
{
  GString *doc = g_string_new ("<rss version=\"2.0\"><channel><item><title>deep</title><description>");

  for (guint i = 0; i < depth; i++)
    g_string_append (doc, "<b>");
  for (guint i = 0; i < depth; i++)
    g_string_append (doc, "</b>");
  g_string_append (doc, "</description></item></channel></rss>");
  return g_string_free (doc, FALSE);
}

static char *
huge_attribute (gsize bytes)
{
  GString *doc = g_string_sized_new (bytes + 200);

  g_string_append (doc, "<rss version=\"2.0\"><channel><item><title>big</title><guid isPermaLink=\"");
  for (gsize i = 0; i < bytes; i++)
    g_string_append_c (doc, 'x');
  g_string_append (doc, "\">g</guid></item></channel></rss>");
  return g_string_free (doc, FALSE);
}

/* Files whose text must never reach the store. */
typedef struct
{
  char *dir;
  char *secret_path;
} Secret;

#define SECRET_TEXT "TOP-SECRET-LOCAL-FILE-TEXT"

static void
secret_init (Secret *secret)
{
  secret->dir = atlas_test_make_dir ();
  secret->secret_path = g_build_filename (secret->dir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (secret->secret_path, SECRET_TEXT, -1, NULL));
}

static void
secret_clear (Secret *secret)
{
  atlas_test_remove_dir (secret->dir);
  g_free (secret->dir);
  g_free (secret->secret_path);
}

static gboolean
feed_mentions (AtlasFeed  *feed,
               const char *text)
{
  if ((feed->title && strstr (feed->title, text)) || has_problem (feed, text))
    return TRUE;
  for (guint i = 0; i < feed->items->len; i++)
    {
      AtlasItem *item = item_at (feed, i);

      if ((item->title && strstr (item->title, text)) || (item->summary && strstr (item->summary, text)) ||
          (item->text && strstr (item->text, text)))
        return TRUE;
    }
  return FALSE;
}

/* External entities, XInclude and a DTD on the network: nothing is
 * fetched or read, and the feed is still read. */
static void
test_nothing_fetched (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *dtd_url = atlas_test_server_url (server, "/evil.dtd");
  g_autofree char *entity_url = atlas_test_server_url (server, "/entity.txt");
  Secret secret;
  char *docs[4];

  atlas_test_server_set_feed (server, "/evil.dtd", "<!ENTITY evil \"" SECRET_TEXT "\">");
  atlas_test_server_set_feed (server, "/entity.txt", SECRET_TEXT);
  secret_init (&secret);

  docs[0] = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">]>"
                             "<rss version=\"2.0\"><channel><title>t &xxe;</title><item><title>&xxe;</title>"
                             "<link>https://example.org/x</link><description>&xxe;</description></item></channel></rss>",
                             secret.secret_path);
  docs[1] = g_strdup_printf ("<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><item>"
                             "<title>x</title><link>https://example.org/x</link><description>"
                             "<xi:include href=\"file://%s\" parse=\"text\"/></description></item></channel></rss>",
                             secret.secret_path);
  docs[2] = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"%s\">"
                             "<rss version=\"2.0\"><channel><item><title>a &evil; b</title>"
                             "<link>https://example.org/x</link></item></channel></rss>", dtd_url);
  docs[3] = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY %% remote SYSTEM \"%s\"> %%remote;"
                             "<!ENTITY net SYSTEM \"%s\">]><rss version=\"2.0\"><channel><item><title>&net;</title>"
                             "<link>https://example.org/x</link></item></channel></rss>", dtd_url, entity_url);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasFeed) feed = atlas_feed_read (docs[i], strlen (docs[i]), "hostile.xml", NULL, &error);

      g_test_message ("document %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (feed->items->len, ==, 1);
      g_assert_false (feed_mentions (feed, SECRET_TEXT));
    }
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    g_free (docs[i]);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/evil.dtd"), ==, 0);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/entity.txt"), ==, 0);
  secret_clear (&secret);
}

static char *
feed_title_of (const char *doc)
{
  g_autoptr(AtlasFeed) feed = atlas_feed_read (doc, strlen (doc), "doc.xml", NULL, NULL);

  return feed ? g_strdup (feed->title) : NULL;
}

/* Entity bombs stay small: declared entities are never expanded, a
 * reference stays the text it was. */
static void
test_entity_bombs (void)
{
  g_autofree char *laughs = billion_laughs ();
  g_autofree char *quadratic = quadratic_blowup ();
  const char *docs[] = { laughs, quadratic };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasFeed) feed = atlas_feed_read (docs[i], strlen (docs[i]), "bomb.xml", NULL, &error);
      gsize stored = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (feed->items->len, ==, 1);
      for (guint j = 0; j < feed->items->len; j++)
        {
          AtlasItem *item = item_at (feed, j);
          stored += (item->title ? strlen (item->title) : 0) + (item->summary ? strlen (item->summary) : 0);
        }
      g_assert_cmpuint (stored, <=, strlen (docs[i]));
    }
  {
    g_autofree char *title = feed_title_of (laughs);
    g_assert_cmpstr (title, ==, "&lol9;");
  }
}

static void
test_refused (void)
{
  g_autofree char *rss = NULL;
  gsize rss_length;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "rss2.xml", NULL);
  Hostile cases[] = {
    { "200,000 nested elements", deep (200000), 0, ATLAS_FEED_ERROR_TOO_DEEP, "nested deeper than 64" },
    { "40 MB attribute", huge_attribute (40 * 1024 * 1024), 0, ATLAS_FEED_ERROR_NOT_XML,
      "a text or attribute past the XML parser’s 10 MB limit" },
    { "70 MB feed", huge_attribute (70 * 1024 * 1024), 0, ATLAS_FEED_ERROR_TOO_LARGE, "larger than 67108864 bytes" },
    { "invalid UTF-8", g_strdup ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>a\xff\xfe</title></channel></rss>"),
      0, ATLAS_FEED_ERROR_BAD_ENCODING, "byte 74 is not valid UTF-8, the encoding it declares" },
    { "invalid Shift_JIS", g_strdup ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss version=\"2.0\"><channel><title>\x82\xa0\x82</title><item><title>x</title></item></channel></rss>"),
      0, ATLAS_FEED_ERROR_NOT_XML, "refused, its bytes do not fit the encoding it declares (input conversion failed" },
    { "truncated", NULL, 0, ATLAS_FEED_ERROR_NOT_XML, "cut short" },
    { "not a feed", g_strdup ("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>"), 0,
      ATLAS_FEED_ERROR_NOT_XML, "not RSS or Atom (its root is <svg>)" },
    { "page without feed links", g_strdup ("<!DOCTYPE html><html><body>Hello</body></html>"), 0,
      ATLAS_FEED_ERROR_WEB_PAGE, "a web page, not a feed" },
    { "plain text", g_strdup ("Hello, this is not a feed."), 0, ATLAS_FEED_ERROR_UNKNOWN_FORMAT, "neither" },
  };

  g_assert_true (g_file_get_contents (path, &rss, &rss_length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].name, "truncated"))
      cases[i].body = g_strndup (rss, rss_length / 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasFeed) feed = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].body);

      g_test_message ("%s", cases[i].name);
      feed = atlas_feed_read (cases[i].body, length, "hostile.xml", NULL, &error);
      g_assert_null (feed);
      g_assert_error (error, ATLAS_FEED_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "hostile.xml: "));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_free (cases[i].body);
    }
}

/* Nothing stored changes when a feed is refused; a duplicate guid keeps the
 * first item. */
static void
test_store (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autofree char *before = atlas_test_snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *laughs = billion_laughs ();
  g_autofree char *truncated = g_strdup ("<rss version=\"2.0\"><channel><title>Cut</title><item><title>half");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "rss2.xml", NULL);
  g_autofree char *rss = NULL;
  g_autoptr(AtlasImportReport) report = NULL;
  gsize length;
  const char *refused[] = { truncated, "<html><body>no links</body></html>", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AtlasImportReport) bad = atlas_import_data (store, refused[i], strlen (refused[i]), "bad.xml", NULL);

      g_assert_nonnull (bad->error);
      g_assert_true (g_str_has_prefix (bad->error, "bad.xml: "));
    }
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_get_contents (path, &rss, &length, NULL));
  report = atlas_import_data (store, rss, length, "rss2.xml", NULL);
  g_assert_null (report->error);
  g_assert_cmpuint (report->added, ==, 4);
  g_assert_cmpuint (report->skipped, ==, 1);
  {
    g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, "SELECT authors FROM articles WHERE item_id = ?1", NULL);

    sqlite3_bind_text (stmt, 1, "newport-campus-2025", -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Jane Doe");
  }

  {
    g_autoptr(AtlasImportReport) bomb = atlas_import_data (store, laughs, strlen (laughs), "bomb.xml", NULL);
    g_assert_null (bomb->error);
  }

  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-feed/rss2", test_rss2);
  g_test_add_func ("/xml-feed/rdf", test_rdf);
  g_test_add_func ("/xml-feed/atom", test_atom);
  g_test_add_func ("/xml-feed/atom03", test_atom03);
  g_test_add_func ("/xml-feed/encodings", test_encodings);
  g_test_add_func ("/xml-feed/sniff", test_sniff);
  g_test_add_func ("/xml-feed/web-page", test_web_page);
  g_test_add_func ("/xml-feed/empty-feed", test_empty_feed);
  g_test_add_func ("/xml-feed/pages", test_pages);
  g_test_add_func ("/xml-feed/repaired", test_repaired);
  g_test_add_func ("/xml-feed/html-errors-are-not-xml-errors", test_html_errors_are_not_xml_errors);
  g_test_add_func ("/xml-feed/nothing-fetched", test_nothing_fetched);
  g_test_add_func ("/xml-feed/entity-bombs", test_entity_bombs);
  g_test_add_func ("/xml-feed/refused", test_refused);
  g_test_add_func ("/xml-feed/store", test_store);

  return g_test_run ();
}
