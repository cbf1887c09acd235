#include <string.h>

#include "atlas-feed-reader.h"

typedef struct
{
  const char *name;
  const char *body;
  int         code;  /* -1: accepted */
} BadFeed;

static const BadFeed refused[] = {
  { "empty body", "", ATLAS_FEED_ERROR_NOT_JSON },
  { "blank body", "   \n", ATLAS_FEED_ERROR_NOT_JSON },
  { "not a feed at all", "Hello, world", ATLAS_FEED_ERROR_UNKNOWN_FORMAT },
  { "truncated JSON", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [", ATLAS_FEED_ERROR_NOT_JSON },
  { "array", "[1, 2, 3]", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "string", "\"hello\"", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "number", "42", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "null", "null", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "no version", "{\"items\": []}", ATLAS_FEED_ERROR_UNKNOWN_VERSION },
  { "unknown version", "{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}", ATLAS_FEED_ERROR_UNKNOWN_VERSION },
  { "version of wrong type", "{\"version\": 1.1, \"items\": []}", ATLAS_FEED_ERROR_UNKNOWN_VERSION },
  { "missing items", "{\"version\": \"https://jsonfeed.org/version/1.1\"}", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "items not an array", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}", ATLAS_FEED_ERROR_NOT_A_FEED },
  { "items null", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": null}", ATLAS_FEED_ERROR_NOT_A_FEED },
  /* json-glib 1.6 leaks what it built when text follows the value. */
  { "text after the value", "\"summary\"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", ATLAS_FEED_ERROR_NOT_JSON },
  { "two objects", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []} {}", ATLAS_FEED_ERROR_NOT_JSON },
  { "word after the value", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []} null", ATLAS_FEED_ERROR_NOT_JSON },
};

static void
test_refused (gconstpointer data)
{
  const BadFeed *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = atlas_feed_read (bad->body, strlen (bad->body), "bad.json", NULL, &error);

  g_assert_null (feed);
  g_assert_error (error, ATLAS_FEED_ERROR, bad->code);
  /* The message names the feed. */
  g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
}

static char *
nested (guint depth)
{
  GString *text = g_string_new ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [], \"x\": ");

  for (guint i = 0; i < depth - 1; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth - 1; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
test_depth (void)
{
  guint refused_depths[] = { 65, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (refused_depths); i++)
    {
      g_autofree char *body = nested (refused_depths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "deep.json", NULL, &error);

      g_assert_null (feed);
      g_assert_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_TOO_DEEP);
    }

  {
    g_autofree char *body = nested (64);
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "deep.json", NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (feed);
  }

  /* Brackets inside strings are text, not nesting. */
  {
    g_autofree char *brackets = g_strnfill (1000, '[');
    g_autofree char *body = g_strdup_printf ("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"%s\", \"items\": []}", brackets);
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasFeed) feed = atlas_feed_read (body, strlen (body), "strings.json", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (feed->title, ==, brackets);
  }
}

static void
test_body_limit (void)
{
  AtlasFeedLimits limits;
  const char *body = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;

  atlas_feed_limits_init (&limits);
  limits.max_body_bytes = 20;
  feed = atlas_feed_read (body, strlen (body), "big.json", &limits, &error);
  g_assert_null (feed);
  g_assert_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_TOO_LARGE);
}

static AtlasFeed *
read_ok (const char *body)
{
  g_autoptr(GError) error = NULL;
  AtlasFeed *feed = atlas_feed_read (body, strlen (body), "ok.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static gboolean
has_problem (AtlasFeed  *feed,
             const char *fragment)
{
  for (guint i = 0; i < feed->problems->len; i++)
    if (strstr (g_ptr_array_index (feed->problems, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_nul_and_utf8 (void)
{
  g_autoptr(AtlasFeed) nul = read_ok ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                                      "[{\"id\": \"a\", \"title\": \"ab\\u0000cd\"}]}");
  g_autoptr(AtlasFeed) escaped = read_ok ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                                          "[{\"id\": \"a\", \"title\": \"back\\\\u0000slash\"}]}");
  g_autoptr(AtlasFeed) surrogate = read_ok ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                                            "[{\"id\": \"a\", \"title\": \"x\\ud800y\"}, {\"id\": \"b\", \"title\": \"\\ud83d\\ude00\"}]}");
  g_autoptr(AtlasFeed) invalid = read_ok ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                                          "[{\"id\": \"a\", \"title\": \"caf\xe9 \xff\xfe ok\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) raw_nul = NULL;
  const char raw[] = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"a\0b\"}]}";
  AtlasItem *item;

  item = g_ptr_array_index (nul->items, 0);
  g_assert_cmpstr (item->title, ==, "ab\xEF\xBF\xBD" "cd");
  g_assert_true (has_problem (nul, "NUL"));

  /* An escaped backslash before "u0000" is text, left alone. */
  item = g_ptr_array_index (escaped->items, 0);
  g_assert_cmpstr (item->title, ==, "back\\u0000slash");

  item = g_ptr_array_index (surrogate->items, 0);
  g_assert_cmpstr (item->title, ==, "x\xEF\xBF\xBDy");
  item = g_ptr_array_index (surrogate->items, 1);
  g_assert_cmpstr (item->title, ==, "\xF0\x9F\x98\x80");

  item = g_ptr_array_index (invalid->items, 0);
  g_assert_true (g_utf8_validate (item->title, -1, NULL));
  g_assert_true (g_str_has_prefix (item->title, "caf"));
  g_assert_true (has_problem (invalid, "UTF-8"));

  raw_nul = atlas_feed_read (raw, sizeof raw - 1, "nul.json", NULL, &error);
  g_assert_null (raw_nul);
  g_assert_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON);
}

static void
test_huge_numbers (void)
{
  g_autoptr(AtlasFeed) feed = read_ok (
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": 123456789012345678901234567890,"
    " \"title\": \"t\", \"_atlas\": {\"events\": ["
    "  {\"date\": \"2025\", \"amount\": {\"value\": 99999999999999999999999, \"currency\": \"USD\"}},"
    "  {\"date\": \"2025\", \"amount\": {\"value\": 1e400, \"currency\": \"USD\"}},"
    "  {\"date\": \"2025\", \"amount\": {\"value\": -99999999999999999999999, \"currency\": \"USD\"}},"
    "  {\"date\": \"2025\", \"amount\": {\"value\": 11000000000, \"currency\": \"GBP\"}}]}},"
    " {\"id\": 42}]}");
  AtlasItem *item;

  /* The item whose id overflowed has no usable id and is skipped; the
   * number id 42 is read as "42". */
  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_cmpuint (feed->items_skipped, ==, 1);
  item = g_ptr_array_index (feed->items, 0);
  g_assert_cmpstr (item->id, ==, "42");
  g_assert_true (has_problem (feed, "too large"));
}

static void
test_amounts_kept_exact (void)
{
  g_autoptr(AtlasFeed) feed = read_ok (
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"a\", \"_atlas\": {\"events\": ["
    "  {\"date\": \"2025\", \"amount\": {\"value\": 99999999999999999999999, \"currency\": \"USD\"}},"
    "  {\"date\": \"2025\", \"amount\": {\"value\": 1e400, \"currency\": \"USD\"}},"
    "  {\"date\": \"2025-09\", \"amount\": {\"value\": 11000000000, \"currency\": \"GBP\"}}]}}]}");
  AtlasItem *item = g_ptr_array_index (feed->items, 0);
  AtlasEventDecl *event;

  g_assert_cmpuint (item->events->len, ==, 3);
  event = g_ptr_array_index (item->events, 0);
  g_assert_false (event->amount.set);
  event = g_ptr_array_index (item->events, 1);
  g_assert_false (event->amount.set);
  event = g_ptr_array_index (item->events, 2);
  g_assert_true (event->amount.set);
  g_assert_cmpfloat (event->amount.value, ==, 11000000000.0);
  g_assert_cmpstr (event->amount.currency, ==, "GBP");
  g_assert_cmpint (event->date.precision, ==, ATLAS_DATE_PRECISION_MONTH);
  g_assert_true (has_problem (feed, "out of range"));
}

static void
test_wrong_types (void)
{
  g_autoptr(AtlasFeed) feed = read_ok (
    "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": 5, \"home_page_url\": [],"
    " \"_atlas\": {\"version\": \"one\", \"entities\": [1, \"x\", {\"id\": \"Bad Id\"}, {\"id\": \"ok\", \"kind\": \"spaceship\","
    "   \"name\": {}, \"country\": \"gb\", \"lat\": \"north\", \"lon\": 2, \"aliases\": [\"A\", 3, null]},"
    "   {\"id\": \"far\", \"lat\": 91, \"lon\": 0}],"
    "   \"relations\": \"none\"},"
    " \"items\": [7, null, \"item\", [], {\"title\": \"no id\"}, {\"id\": \"\"},"
    "  {\"id\": \"a\", \"url\": 3, \"title\": [\"t\"], \"summary\": {}, \"content_text\": 1, \"date_published\": 2025,"
    "   \"tags\": \"x\", \"_atlas\": {\"mentions\": [\"nvidia\", 4, \"NOT AN ID\", \"GB\"], \"events\": {},"
    "   \"relations\": [{\"subject\": \"a\"}, 3, {\"subject\": \"a\", \"object\": \"b\", \"predicate\": \"likes\","
    "   \"amount\": {\"value\": \"lots\", \"currency\": \"GBP\"}, \"quantity\": {\"value\": 3}}]}},"
    "  {\"id\": \"b\", \"_atlas\": \"nothing\", \"date_published\": \"yesterday\"},"
    "  {\"id\": \"c\", \"_atlas\": {\"unknown\": [1, 2, 3], \"events\": [{\"date\": \"2025-13\"}, {\"date\": \"2024-02-30\"},"
    "   {\"date\": \"2024-02-29\", \"kind\": \"party\", \"entities\": [\"x\", \"GB\"]}]}}]}");
  AtlasEntityDecl *entity;
  AtlasRelationDecl *relation;
  AtlasEventDecl *event;
  AtlasItem *item;

  g_assert_null (feed->title);
  g_assert_null (feed->home_page_url);

  g_assert_cmpuint (feed->entities->len, ==, 2);
  entity = g_ptr_array_index (feed->entities, 0);
  g_assert_cmpstr (entity->id, ==, "ok");
  g_assert_cmpstr (entity->kind, ==, "other");
  g_assert_cmpstr (entity->name, ==, "ok");
  g_assert_null (entity->country);
  g_assert_false (entity->has_position);
  g_assert_cmpuint (entity->aliases->len, ==, 1);
  entity = g_ptr_array_index (feed->entities, 1);
  g_assert_false (entity->has_position);
  g_assert_cmpuint (feed->relations->len, ==, 0);

  g_assert_cmpuint (feed->items_skipped, ==, 6);
  g_assert_cmpuint (feed->items->len, ==, 3);

  item = g_ptr_array_index (feed->items, 0);
  g_assert_cmpstr (item->id, ==, "a");
  g_assert_null (item->url);
  g_assert_null (item->title);
  g_assert_null (item->summary);
  g_assert_null (item->text);
  g_assert_false (item->has_published);
  g_assert_cmpuint (item->tags->len, ==, 0);
  g_assert_true (item->has_mentions);
  g_assert_cmpuint (item->mentions->len, ==, 2);
  g_assert_cmpuint (item->events->len, ==, 0);
  g_assert_cmpuint (item->relations->len, ==, 1);
  relation = g_ptr_array_index (item->relations, 0);
  g_assert_cmpstr (relation->predicate, ==, "related_to");
  g_assert_false (relation->amount.set);
  g_assert_false (relation->quantity.set);

  item = g_ptr_array_index (feed->items, 1);
  g_assert_false (item->has_published);
  g_assert_false (item->has_mentions);

  item = g_ptr_array_index (feed->items, 2);
  g_assert_cmpuint (item->events->len, ==, 1);
  event = g_ptr_array_index (item->events, 0);
  g_assert_cmpstr (event->kind, ==, "other");
  g_assert_cmpint (event->date.day, ==, 29);
  g_assert_cmpuint (event->entities->len, ==, 2);

  g_assert_true (feed->problems->len >= 20);
}

static void
test_content_html (void)
{
  g_autoptr(AtlasFeed) feed = read_ok (
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"language\": \"en\", \"items\": [{\"id\": \"a\","
    " \"content_html\": \"<p>Caf&eacute; &amp; <b>bar</b></p><script>alert(1)</script><p>&#233;t&#xE9; &lt;x&gt; &bogus;</p>\"},"
    " {\"id\": \"b\", \"content_html\": \"<p>ignored</p>\", \"content_text\": \"plain wins\"}]}");
  AtlasItem *item = g_ptr_array_index (feed->items, 0);

  g_assert_cmpstr (item->text, ==, "Café & bar\n\nété <x> &bogus;");
  g_assert_cmpstr (item->language, ==, "en");
  item = g_ptr_array_index (feed->items, 1);
  g_assert_cmpstr (item->text, ==, "plain wins");
}

static void
test_limits (void)
{
  AtlasFeedLimits limits;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFeed) feed = NULL;
  const char *body =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
    " {\"id\": \"a\", \"title\": \"0123456789abcdef\", \"_atlas\": {\"mentions\": [\"a\", \"b\", \"c\", \"d\"]}},"
    " {\"id\": \"b\"}, {\"id\": \"c\"}]}";

  atlas_feed_limits_init (&limits);
  limits.max_items = 2;
  limits.max_string_bytes = 10;
  limits.max_list_length = 3;
  feed = atlas_feed_read (body, strlen (body), "limits.json", &limits, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (feed->items->len, ==, 2);
  g_assert_cmpuint (feed->items_skipped, ==, 1);
  g_assert_cmpstr (((AtlasItem *) g_ptr_array_index (feed->items, 0))->title, ==, "0123456789");
  g_assert_cmpuint (((AtlasItem *) g_ptr_array_index (feed->items, 0))->mentions->len, ==, 3);
  g_assert_true (has_problem (feed, "cut to 10 bytes"));
}

static void
test_dates (void)
{
  g_autoptr(AtlasFeed) feed = read_ok (
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
    " {\"id\": \"a\", \"date_published\": \"2025-09-18T09:00:00+01:00\"},"
    " {\"id\": \"b\", \"_atlas\": {\"published\": \"2025-09\"}},"
    " {\"id\": \"c\", \"date_published\": \"2024-01-02\", \"_atlas\": {\"published\": \"2020\"}}]}");
  AtlasItem *item;

  item = g_ptr_array_index (feed->items, 0);
  g_assert_true (item->has_published);
  g_assert_cmpint (item->published, ==, 1758182400);
  g_assert_cmpint (item->published_precision, ==, ATLAS_DATE_PRECISION_DAY);

  item = g_ptr_array_index (feed->items, 1);
  g_assert_true (item->has_published);
  g_assert_cmpint (item->published_precision, ==, ATLAS_DATE_PRECISION_MONTH);
  g_assert_cmpint (item->published, ==, 1756684800);

  /* date_published wins over our coarser extension. */
  item = g_ptr_array_index (feed->items, 2);
  g_assert_cmpint (item->published_precision, ==, ATLAS_DATE_PRECISION_DAY);
  g_assert_cmpint (item->published, ==, 1704153600);
}

/* What JSON Feeds in the wild write for their version: read, with a warning
 * for all but the spec's own forms. */
static void
test_lenient_versions (void)
{
  static const struct { const char *version; gboolean warned; } cases[] = {
    { "https://jsonfeed.org/version/1.1", FALSE },
    { "https://jsonfeed.org/version/1", FALSE },
    { "http://jsonfeed.org/version/1.1/", FALSE },
    { "1.1", TRUE },
    { "1.0", TRUE },
    { "1", TRUE },
    { " 1.1 ", TRUE },
    { "https://www.jsonfeed.org/version/1.1", TRUE },
    { "http://www.jsonfeed.org/version/1/", TRUE },
    { "https://jsonfeed.org/version/1.0", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"version\": \"%s\", \"items\": [{\"id\": \"1\", \"title\": \"t\","
                                               " \"authors\": [{\"name\": \"Ann\"}, {\"url\": \"https://x.example\"}],"
                                               " \"date_modified\": \"2025-09-18T10:00:00Z\"}]}", cases[i].version);
      g_autoptr(AtlasFeed) feed = read_ok (body);
      AtlasItem *item = g_ptr_array_index (feed->items, 0);

      g_test_message ("%s", cases[i].version);
      g_assert_cmpint (has_problem (feed, "“version” should be"), ==, cases[i].warned);
      g_assert_cmpuint (item->authors->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (item->authors, 0), ==, "Ann");
      g_assert_true (item->has_updated);
    }
}

static void
test_corpus (void)
{
  static const char *const files[] = { "00-entities.json", "10-hyperai.json", "20-revue-de-presse.json" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (CORPUS_DIR, files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasFeed) feed = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      feed = atlas_feed_read (contents, length, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (feed->problems->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-reader/refused/%s", refused[i].name);
      g_strdelimit (path + 1, " ", '-');
      g_test_add_data_func (path, &refused[i], test_refused);
    }
  g_test_add_func ("/feed-reader/depth", test_depth);
  g_test_add_func ("/feed-reader/body-limit", test_body_limit);
  g_test_add_func ("/feed-reader/nul-and-utf8", test_nul_and_utf8);
  g_test_add_func ("/feed-reader/huge-numbers", test_huge_numbers);
  g_test_add_func ("/feed-reader/amounts", test_amounts_kept_exact);
  g_test_add_func ("/feed-reader/wrong-types", test_wrong_types);
  g_test_add_func ("/feed-reader/content-html", test_content_html);
  g_test_add_func ("/feed-reader/limits", test_limits);
  g_test_add_func ("/feed-reader/dates", test_dates);
  g_test_add_func ("/feed-reader/corpus", test_corpus);
  g_test_add_func ("/feed-reader/lenient-versions", test_lenient_versions);

  return g_test_run ();
}
