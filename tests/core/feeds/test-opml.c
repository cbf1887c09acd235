#include "atlas-opml.h"

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_opml_outline_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char *const titles[] = { "AT&T <Infra> \"news\" & 'more'", NULL, "Écosse — données" };
  static const char *const urls[] = { "https://a.example/feed.json?x=1&y=<2>", "http://b.example/f", "https://c.example/" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      AtlasOpmlOutline *outline = g_new0 (AtlasOpmlOutline, 1);
      outline->url = g_strdup (urls[i]);
      outline->title = g_strdup (titles[i]);
      g_ptr_array_add (outlines, outline);
    }

  text = atlas_opml_write (outlines);
  back = atlas_opml_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  for (guint i = 0; i < back->len; i++)
    {
      const AtlasOpmlOutline *outline = g_ptr_array_index (back, i);

      g_assert_cmpstr (outline->url, ==, urls[i]);
      /* A feed without a title is exported under its address. */
      g_assert_cmpstr (outline->title, ==, titles[i] ? titles[i] : urls[i]);
    }
}

static void
test_other_readers (void)
{
  const char *text =
    "<?xml version=\"1.0\"?>\n<opml version=\"1.0\"><head><title>x</title></head><body>"
    "<outline text=\"Folder\"><outline text=\"Inner\" type=\"rss\" xmlUrl=\"https://a.example/1\"/>"
    "<outline TEXT=\"Upper\" XMLURL=\"https://a.example/2\"/></outline>"
    "<outline title=\"Only title\" xmlUrl=\"  https://a.example/3  \"/>"
    "<outline text=\"no url\"/></body></opml>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlines = atlas_opml_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (outlines->len, ==, 3);
  g_assert_cmpstr (((AtlasOpmlOutline *) g_ptr_array_index (outlines, 0))->title, ==, "Inner");
  g_assert_cmpstr (((AtlasOpmlOutline *) g_ptr_array_index (outlines, 1))->url, ==, "https://a.example/2");
  g_assert_cmpstr (((AtlasOpmlOutline *) g_ptr_array_index (outlines, 2))->url, ==, "https://a.example/3");
}

static void
test_hostile (void)
{
  static const char *const bad[] = {
    "",
    "not xml at all",
    "<opml><body><outline xmlUrl=\"https://a.example/\"></body>",
    "<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><opml><body>"
    "<outline text=\"&xxe;\" xmlUrl=\"https://a.example/\"/></body></opml>",
    "<opml><body><outline text=\"\xff\xfe\" xmlUrl=\"https://a.example/\"/></body></opml>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) outlines = atlas_opml_parse (bad[i], -1, &error);

      g_assert_null (outlines);
      g_assert_error (error, G_MARKUP_ERROR, error->code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opml/round-trip", test_round_trip);
  g_test_add_func ("/opml/other-readers", test_other_readers);
  g_test_add_func ("/opml/hostile", test_hostile);

  return g_test_run ();
}
