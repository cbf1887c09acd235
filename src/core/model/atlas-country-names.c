/* atlas-country-names.c: the ISO 3166-1 code a country's written name stands for
 *
 * Data files name countries in words: Epoch AI writes the ISO official names
 * ("United Kingdom of Great Britain and Northern Ireland"), ISO short names
 * turned round ("Korea (Republic of)", "Philippines (the)") and common ones
 * ("Taiwan", "Vietnam", "Russia"). The names come from iso-codes, which
 * Debian and the GNOME runtime ship, rather than from a table typed here:
 * each country's short, official and common name, with the ISO habit of
 * "Name, qualifier" read in either order and with parentheses. Only the few
 * common English names iso-codes does not carry are added below.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-country-names.h"
#include "atlas-text.h"

/* Common English names iso-codes lacks (it has "Viet Nam" and "Vietnam",
 * but "Russia" only as "Russian Federation"). */
static const struct
{
  const char *name;
  const char *code;
} common_names[] = {
  { "Russia", "RU" },
  { "UK", "GB" },
  { "Britain", "GB" },
  { "Great Britain", "GB" },
  { "Ivory Coast", "CI" },
  { "Macau", "MO" },
  { "Burma", "MM" },
  { "East Timor", "TL" },
};

/* Folded (case and accents), with "(the)" and a leading "the" dropped, a
 * qualifier in parentheses written after a comma, and spaces made single:
 * "Korea (Republic of)" and "Korea, Republic of" give the same key. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = atlas_text_fold (name);
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "(the)"))
        {
          p += strlen ("(the)") - 1;
          continue;
        }
      if (*p == '(' || *p == ',')
        {
          g_string_append_c (key, ',');
          space = FALSE;
          continue;
        }
      if (*p == ')' || *p == '.')
        continue;
      /* "Côte d’Ivoire" is written with either apostrophe. */
      if (g_str_has_prefix (p, "\u2019"))
        {
          p += strlen ("\u2019") - 1;
          g_string_append_c (key, '\'');
          space = FALSE;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          space = key->len > 0 && key->str[key->len - 1] != ',';
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_c (key, *p);
    }
  while (key->len > 0 && key->str[key->len - 1] == ',')
    g_string_truncate (key, key->len - 1);
  if (g_str_has_prefix (key->str, "the "))
    g_string_erase (key, 0, strlen ("the "));
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
add_name (GHashTable *names,
          const char *name,
          const char *code)
{
  char *key;
  const char *comma;

  if (name == NULL)
    return;
  key = name_key (name);
  /* The first country to claim a name keeps it: no name means two. */
  if (!g_hash_table_contains (names, key))
    g_hash_table_insert (names, key, g_strdup (code));
  else
    g_free (key);

  /* "Korea, Republic of" is also "Republic of Korea". */
  key = name_key (name);
  comma = strchr (key, ',');
  if (comma != NULL && strchr (comma + 1, ',') == NULL)
    {
      char *turned = g_strdup_printf ("%s %.*s", comma + 1, (int) (comma - key), key);

      if (!g_hash_table_contains (names, turned))
        g_hash_table_insert (names, turned, g_strdup (code));
      else
        g_free (turned);
    }
  g_free (key);
}

/* Where iso-codes keeps its data: the build's own, unless the environment
 * names another (the tests point it at a missing one). */
static char *
iso_codes_path (const char *file)
{
  const char *dir = g_getenv ("COMPUTE_ATLAS_ISO_CODES_DIR");

  return g_build_filename (dir != NULL ? dir : ISO_CODES_JSON_DIR, file, NULL);
}

static GHashTable *
load_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = iso_codes_path ("iso_3166-1.json");
  JsonNode *root;
  JsonArray *countries;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_warning ("Compute Atlas: country names unknown, iso-codes could not be read: %s", error->message);
      return names;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (countries = json_object_get_array_member (json_node_get_object (root), "3166-1")) == NULL)
    {
      g_warning ("Compute Atlas: country names unknown, %s is not iso-codes' country list", path);
      return names;
    }

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *code = country ? json_object_get_string_member_with_default (country, "alpha_2", NULL) : NULL;

      if (code == NULL)
        continue;
      /* A code in capitals is a name of its country too. */
      g_hash_table_insert (names, g_strdup_printf ("=%s", code), g_strdup (code));
      add_name (names, json_object_get_string_member_with_default (country, "common_name", NULL), code);
      add_name (names, json_object_get_string_member_with_default (country, "name", NULL), code);
      add_name (names, json_object_get_string_member_with_default (country, "official_name", NULL), code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (common_names); i++)
    add_name (names, common_names[i].name, common_names[i].code);
  return names;
}

/* The ISO 3166-1 alpha-2 code `name` stands for ("Korea (Republic of)" is
 * "KR"), or NULL. An alpha-2 code in capitals is itself. */
const char *
atlas_country_code_for_name (const char *name)
{
  static gsize loaded;
  static GHashTable *names;
  g_autofree char *key = NULL;

  if (name == NULL)
    return NULL;
  if (g_once_init_enter (&loaded))
    {
      names = load_names ();
      g_once_init_leave (&loaded, 1);
    }

  /* Codes are kept as "=XX", a key no folded name can be. */
  if (strlen (name) == 2 && g_ascii_isupper (name[0]) && g_ascii_isupper (name[1]))
    key = g_strdup_printf ("=%s", name);
  else
    key = name_key (name);
  return g_hash_table_lookup (names, key);
}

/* Subdivisions (ISO 3166-2: states, provinces) by folded name → their
 * country, for the names only one country has ("Texas"; not "Georgia",
 * which is also a country, nor a "Central" region of many). */
static GHashTable *
load_subdivisions (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = iso_codes_path ("iso_3166-2.json");
  JsonNode *root;
  JsonArray *subdivisions;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_warning ("Compute Atlas: subdivision names unknown, iso-codes could not be read: %s", error->message);
      return names;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (subdivisions = json_object_get_array_member (json_node_get_object (root), "3166-2")) == NULL)
    return names;

  for (guint i = 0; i < json_array_get_length (subdivisions); i++)
    {
      JsonObject *subdivision = json_array_get_object_element (subdivisions, i);
      const char *code = subdivision ? json_object_get_string_member_with_default (subdivision, "code", NULL) : NULL;
      const char *name = subdivision ? json_object_get_string_member_with_default (subdivision, "name", NULL) : NULL;
      const char *stored;
      char *key;

      if (code == NULL || name == NULL || strlen (code) < 3 || code[2] != '-')
        continue;
      key = name_key (name);
      stored = g_hash_table_lookup (names, key);
      if (stored == NULL)
        g_hash_table_insert (names, key, g_strndup (code, 2));
      else
        {
          /* Two countries' subdivision: no country's. */
          if (strncmp (stored, code, 2) != 0)
            g_hash_table_replace (names, g_strdup (key), g_strdup (""));
          g_free (key);
        }
    }
  return names;
}

/* The country whose state or province is called `name` ("Texas" is "US"),
 * when the name is no country's and only one country's subdivision. */
const char *
atlas_country_code_for_subdivision (const char *name)
{
  static gsize loaded;
  static GHashTable *names;
  g_autofree char *key = NULL;
  const char *code;

  if (name == NULL || atlas_country_code_for_name (name) != NULL)
    return NULL;
  if (g_once_init_enter (&loaded))
    {
      names = load_subdivisions ();
      g_once_init_leave (&loaded, 1);
    }
  key = name_key (name);
  code = g_hash_table_lookup (names, key);
  return code != NULL && *code != '\0' ? code : NULL;
}
