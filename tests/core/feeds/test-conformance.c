/* test-conformance.c: our readers against gofeed's parser fixtures (../shared/conformance/gofeed)
 *
 * Each fixture's input is read with atlas_feed_read() and compared with what
 * gofeed made of it, on the fields this app keeps: id, link, title, summary
 * and content (as text: both sides go through the same HTML-to-text, since
 * gofeed keeps markup and the app never does), published and updated,
 * authors, categories, and the feed's title, link and language. A field the
 * expected result leaves out is not compared. The fixtures are not part of
 * this project (MIT, from another one): the test skips when they are absent,
 * as in a clone outside this setup.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "atlas-feed-reader.h"
#include "atlas-html.h"

/* At least this share of each format's fixtures must agree. */
#define TARGET 0.95

typedef struct
{
  GString *why;   /* the disagreements, empty when all agree */
} Check;

static char *
fixtures_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "conformance", "gofeed", "testdata", "parser", NULL);
}

static char *
collapse (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n\xC2\xA0", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, out->len ? " %s" : "%s", words[i]);
  return g_string_free (out, FALSE);
}

/* gofeed's value as a reader sees it: markup made text, spaces collapsed.
 * Ours is text already. */
static char *
as_text (const char *value)
{
  g_autofree char *text = value ? atlas_html_to_text (value, -1) : NULL;

  return collapse (text);
}

static void
compare_text (Check      *check,
              const char *what,
              const char *ours,
              const char *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (expected == NULL)
    return;
  a = collapse (ours);
  b = as_text (expected);
  if (!g_str_equal (a, b))
    g_string_append_printf (check->why, " %s: “%s” ≠ “%s”;", what, a, b);
}

static void
compare_exact (Check      *check,
               const char *what,
               const char *ours,
               const char *expected)
{
  g_autofree char *b = expected ? collapse (expected) : NULL;

  if (expected != NULL && g_strcmp0 (ours, b) != 0)
    g_string_append_printf (check->why, " %s: “%s” ≠ “%s”;", what, ours ? ours : "(none)", b);
}

static void
compare_time (Check      *check,
              const char *what,
              gboolean    set,
              gint64      ours,
              const char *expected)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = expected ? g_date_time_new_from_iso8601 (expected, utc) : NULL;

  if (parsed == NULL)
    return;
  if (!set || ours != g_date_time_to_unix (parsed))
    {
      g_autoptr(GDateTime) mine = set ? g_date_time_new_from_unix_utc (ours) : NULL;
      g_autofree char *shown = mine ? g_date_time_format_iso8601 (mine) : g_strdup ("(none)");

      g_string_append_printf (check->why, " %s: %s ≠ %s;", what, shown, expected);
    }
}

static void
compare_list (Check      *check,
              const char *what,
              GPtrArray  *ours,
              GPtrArray  *expected)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  if (expected == NULL)
    return;
  for (guint i = 0; i < ours->len; i++)
    {
      g_autofree char *text = collapse (g_ptr_array_index (ours, i));
      g_string_append_printf (a, "%s|", text);
    }
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *text = as_text (g_ptr_array_index (expected, i));
      g_string_append_printf (b, "%s|", text);
    }
  if (!g_str_equal (a->str, b->str))
    g_string_append_printf (check->why, " %s: [%s] ≠ [%s];", what, a->str, b->str);
}

/* ---- reading gofeed's results ------------------------------------------- */

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A text construct: a string, or Atom's { "value": … }. */
static const char *
text_member (JsonObject *object,
             const char *member)
{
  const char *text = string_member (object, member);

  return text ? text : string_member (object_member (object, member), "value");
}

/* The strings `key` holds in each object of an array (or the array's own
 * strings when `key` is NULL); NULL when the array is absent. */
static GPtrArray *
strings_of (JsonArray  *array,
            const char *key)
{
  GPtrArray *out;

  if (array == NULL)
    return NULL;
  out = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *value = NULL;

      if (key == NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        value = json_node_get_string (node);
      else if (key != NULL && JSON_NODE_HOLDS_OBJECT (node))
        value = string_member (json_node_get_object (node), key);
      if (value != NULL)
        g_ptr_array_add (out, (gpointer) value);
    }
  return out;
}

/* Atom's alternate link: the first whose rel is "alternate" or absent. */
static const char *
alternate_link (JsonArray *links)
{
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *node = json_array_get_element (links, i);
      JsonObject *link = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *rel = string_member (link, "rel");

      if (link != NULL && (rel == NULL || g_str_equal (rel, "alternate")))
        return string_member (link, "href");
    }
  return NULL;
}

static void
compare_rss_item (Check      *check,
                  AtlasItem  *item,
                  JsonObject *expected)
{
  JsonObject *dc = object_member (expected, "dublinCore");
  g_autoptr(GPtrArray) categories = strings_of (array_member (expected, "categories"), "value");
  g_autoptr(GPtrArray) creators = strings_of (array_member (dc, "creator"), NULL);
  const char *author = string_member (expected, "author");

  compare_exact (check, "id", item->id, string_member (object_member (expected, "guid"), "value"));
  compare_exact (check, "link", item->url, string_member (expected, "link"));
  compare_text (check, "title", item->title, string_member (expected, "title"));
  compare_text (check, "summary", item->summary, string_member (expected, "description"));
  compare_text (check, "content", item->text, string_member (expected, "content"));
  compare_time (check, "published", item->has_published, item->published, string_member (expected, "pubDateParsed"));
  compare_list (check, "categories", item->tags, categories);
  /* RSS writes "email (Name)": the name is what the app keeps. */
  if (author != NULL && (item->authors->len == 0 || strstr (author, g_ptr_array_index (item->authors, 0)) == NULL))
    g_string_append_printf (check->why, " author: not from “%s”;", author);
  if (author == NULL)
    compare_list (check, "authors", item->authors, creators);
}

static void
compare_atom_entry (Check      *check,
                    AtlasItem  *item,
                    JsonObject *expected,
                    GPtrArray  *feed_authors)
{
  g_autoptr(GPtrArray) categories = strings_of (array_member (expected, "categories"), "term");
  g_autoptr(GPtrArray) authors = strings_of (array_member (expected, "authors"), "name");

  compare_exact (check, "id", item->id, string_member (expected, "id"));
  compare_exact (check, "link", item->url, alternate_link (array_member (expected, "links")));
  compare_text (check, "title", item->title, text_member (expected, "title"));
  compare_text (check, "summary", item->summary, text_member (expected, "summary"));
  compare_text (check, "content", item->text, text_member (expected, "content"));
  compare_time (check, "published", item->has_published, item->published, string_member (expected, "publishedParsed"));
  compare_time (check, "updated", item->has_updated, item->updated, string_member (expected, "updatedParsed"));
  compare_list (check, "categories", item->tags, categories);
  /* An entry without authors has its feed's (RFC 4287, 4.2.1); gofeed
   * leaves that to its caller. */
  compare_list (check, "authors", item->authors, authors && authors->len ? authors : feed_authors);
}

static void
compare_json_item (Check      *check,
                   AtlasItem  *item,
                   JsonObject *expected)
{
  g_autoptr(GPtrArray) authors = strings_of (array_member (expected, "authors"), "name");
  g_autoptr(GPtrArray) tags = strings_of (array_member (expected, "tags"), NULL);
  const char *content = string_member (expected, "content_text");

  if (authors == NULL && object_member (expected, "author") != NULL)
    {
      authors = g_ptr_array_new ();
      g_ptr_array_add (authors, (gpointer) string_member (object_member (expected, "author"), "name"));
    }
  compare_exact (check, "id", item->id, string_member (expected, "id"));
  compare_exact (check, "link", item->url, string_member (expected, "url"));
  compare_text (check, "title", item->title, string_member (expected, "title"));
  compare_text (check, "summary", item->summary, string_member (expected, "summary"));
  compare_text (check, "content", item->text, content ? content : string_member (expected, "content_html"));
  compare_time (check, "published", item->has_published, item->published, string_member (expected, "date_published"));
  compare_time (check, "updated", item->has_updated, item->updated, string_member (expected, "date_modified"));
  compare_list (check, "tags", item->tags, tags);
  compare_list (check, "authors", item->authors, authors);
}

typedef enum { FORMAT_RSS, FORMAT_ATOM, FORMAT_JSON } Format;

static void
compare_feed (Check      *check,
              Format      format,
              AtlasFeed  *feed,
              JsonObject *expected)
{
  JsonArray *items = array_member (expected, format == FORMAT_ATOM ? "entries" : "items");
  g_autoptr(GPtrArray) feed_authors = strings_of (array_member (expected, "authors"), "name");
  guint n = items ? json_array_get_length (items) : 0;

  compare_text (check, "feed title", feed->title, text_member (expected, "title"));
  if (format == FORMAT_RSS)
    compare_exact (check, "feed link", feed->home_page_url, string_member (expected, "link"));
  else if (format == FORMAT_ATOM)
    compare_exact (check, "feed link", feed->home_page_url, alternate_link (array_member (expected, "links")));
  else
    compare_exact (check, "feed link", feed->home_page_url, string_member (expected, "home_page_url"));
  compare_exact (check, "language", feed->language, string_member (expected, "language"));

  if (n != feed->items->len)
    {
      g_string_append_printf (check->why, " items: %u ≠ %u;", feed->items->len, n);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      AtlasItem *item = g_ptr_array_index (feed->items, i);

      if (format == FORMAT_RSS)
        compare_rss_item (check, item, entry);
      else if (format == FORMAT_ATOM)
        compare_atom_entry (check, item, entry, feed_authors);
      else
        compare_json_item (check, item, entry);
    }
}

/* ---- the fixtures ------------------------------------------------------- */

static void
run_format (const char *folder,
            Format      format)
{
  g_autofree char *root = fixtures_dir ();
  g_autofree char *dir_path = g_build_filename (root, folder, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint agreed = 0, total = 0;
  const char *name;

  if (!g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("no conformance fixtures at %s (they come with this project's shared folder)", dir_path);
      g_test_skip (message);
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean input = format == FORMAT_JSON ? g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, "_expected.json")
                                             : g_str_has_suffix (name, ".xml");
      if (input)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *input = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (input, strrchr (input, '.') - input);
      g_autofree char *input_path = g_build_filename (dir_path, input, NULL);
      g_autofree char *expected_name = g_strconcat (stem, format == FORMAT_JSON ? "_expected.json" : ".json", NULL);
      g_autofree char *expected_path = g_build_filename (dir_path, expected_name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(AtlasFeed) feed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      Check check = { g_string_new (NULL) };
      JsonNode *root_node;
      gsize length;

      if (!g_file_test (expected_path, G_FILE_TEST_EXISTS))
        {
          g_string_free (check.why, TRUE);
          continue;
        }
      total++;
      g_assert_true (g_file_get_contents (input_path, &contents, &length, NULL));
      feed = atlas_feed_read (contents, length, input, NULL, &error);
      if (!json_parser_load_from_file (parser, expected_path, NULL) ||
          (root_node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
        g_string_append (check.why, " the expected result is not a JSON object;");
      else if (feed == NULL)
        g_string_append_printf (check.why, " refused: %s;", error->message);
      else
        compare_feed (&check, format, feed, json_node_get_object (root_node));

      if (check.why->len == 0)
        agreed++;
      else
        g_test_message ("%s/%s disagrees:%s", folder, input, check.why->str);
      g_string_free (check.why, TRUE);
    }

  g_test_message ("%s: %u of %u fixtures agree (%.1f%%)", folder, agreed, total, total ? 100.0 * agreed / total : 0);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpfloat ((double) agreed / total, >=, TARGET);
}

static void
test_rss (void)
{
  run_format ("rss", FORMAT_RSS);
}

static void
test_atom (void)
{
  run_format ("atom", FORMAT_ATOM);
}

static void
test_json (void)
{
  run_format ("json", FORMAT_JSON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conformance/rss", test_rss);
  g_test_add_func ("/conformance/atom", test_atom);
  g_test_add_func ("/conformance/json", test_json);

  return g_test_run ();
}
