/* test-html.c: HTML as text, and the feeds a web page links to */
#include <string.h>

#include "atlas-html.h"

static void
test_to_text (void)
{
  static const struct { const char *html; const char *text; } cases[] = {
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "a<br>b<br/>c", "a\nb\nc" },
    { "<ul><li>x</li><li>y</li></ul>", "x\n\ny" },
    { "5 &lt; 6 &amp;&amp; 7 &gt; 2", "5 < 6 && 7 > 2" },
    { "&#x1F600; &#128512;", "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80" },
    { "<style>p { color: red }</style><SCRIPT>evil()</SCRIPT>kept", "kept" },
    { "<!-- hidden --> shown", "shown" },
    { "  lots   of\n\n  space ", "lots of space" },
    { "<p>unclosed", "unclosed" },
    { "Caf&eacute; cr&egrave;me &ndash; &hellip;&nbsp;fin", "Café crème – …\xC2\xA0" "fin" },
    { "Read <a href=\"https://example.org/\">the report</a>.", "Read the report." },
    { "<pre>line 1\nline 2</pre>after", "line 1\nline 2\n\nafter" },
    { "<div><p>nested</p></div><h2>Title</h2>text", "nested\n\nTitle\n\ntext" },
    { "<noscript>no</noscript><template>t</template><iframe>f</iframe>yes", "yes" },
    { "AT&T and a < b", "AT&T and a < b" },
    /* A <meta charset> inside a feed's text cannot make UTF-8 read as Latin-1. */
    { "<meta charset=\"iso-8859-1\"><p>Île-de-France</p>", "Île-de-France" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_html_to_text (cases[i].html, -1);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_to_line (void)
{
  g_autofree char *line = atlas_html_to_line ("<p>NVIDIA &amp; the UK</p><p>build <b>AI</b> factories</p>", -1);

  g_assert_cmpstr (line, ==, "NVIDIA & the UK build AI factories");
}

/* A long document goes through in one pass, without recursion limits. */
static void
test_deep_and_long (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<div><span>");
  g_string_append (html, "deep");
  text = atlas_html_to_text (html->str, html->len);
  g_assert_nonnull (strstr (text, "deep"));
}

static void
test_feed_links (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Site</title>"
    "<base href=\"https://news.example.org/section/\">"
    "<link rel=\"stylesheet\" href=\"/style.css\">"
    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All news\" href=\"feed.xml\">"
    "<link rel=\"Alternate\" type=\"application/atom+xml\" title=\"  \" href=\"/atom\">"
    "<LINK REL=\"alternate home\" TYPE=\"application/feed+json\" HREF=\"https://news.example.org/feed.json\">"
    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
    "<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">"
    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"ftp://news.example.org/feed\">"
    "</head><body><p>Hello</p></body></html>";
  g_autoptr(GPtrArray) links = atlas_html_find_feed_links (page, strlen (page), "https://news.example.org/");
  const AtlasFeedLink *link;

  g_assert_cmpuint (links->len, ==, 3);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpstr (link->url, ==, "https://news.example.org/section/feed.xml");
  g_assert_cmpstr (link->title, ==, "All news");
  g_assert_cmpstr (link->type, ==, "application/rss+xml");
  link = g_ptr_array_index (links, 1);
  g_assert_cmpstr (link->url, ==, "https://news.example.org/atom");
  g_assert_null (link->title);
  link = g_ptr_array_index (links, 2);
  g_assert_cmpstr (link->url, ==, "https://news.example.org/feed.json");
  g_assert_cmpstr (link->type, ==, "application/feed+json");
}

static void
test_no_feed_links (void)
{
  static const char page[] = "<html><body><a href=\"/feed.xml\">RSS</a></body></html>";
  g_autoptr(GPtrArray) links = atlas_html_find_feed_links (page, strlen (page), "https://example.org/");
  g_autoptr(GPtrArray) none = atlas_html_find_feed_links ("", 0, "https://example.org/");

  g_assert_cmpuint (links->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/to-text", test_to_text);
  g_test_add_func ("/html/to-line", test_to_line);
  g_test_add_func ("/html/deep-and-long", test_deep_and_long);
  g_test_add_func ("/html/feed-links", test_feed_links);
  g_test_add_func ("/html/no-feed-links", test_no_feed_links);

  return g_test_run ();
}
