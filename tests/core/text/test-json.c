/* test-json.c: what the JSON writers share: members that are always there */
#include "atlas-json.h"

static char *
object_with (const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  atlas_json_add_string_member (builder, "title", value);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
test_string_member (void)
{
  g_autofree char *text = object_with ("Nscale opens Loughton");
  g_autofree char *missing = object_with (NULL);
  g_autofree char *empty = object_with ("");

  g_assert_cmpstr (text, ==, "{\"title\":\"Nscale opens Loughton\"}");
  /* Present as null, so that every object of a kind has the same members. */
  g_assert_cmpstr (missing, ==, "{\"title\":null}");
  g_assert_cmpstr (empty, ==, "{\"title\":\"\"}");
}

/* A feed's text goes out as text: quotes, backslashes, control characters
 * and markup come back from a JSON reader exactly as they went in. */
static void
test_hostile_text (void)
{
  static const char *const values[] = {
    "\"quoted\" \\ back\\slash", "line\nbreak\ttab\r", "<b>bold</b> & \"all\"", "\x01\x1f control", "é 中文 🚀",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *json = object_with (values[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, values[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/string-member", test_string_member);
  g_test_add_func ("/json/hostile-text", test_hostile_text);

  return g_test_run ();
}
