/* atlas-cli.c: compute-atlas-cli, the headless face of the core library
 *
 * Every command opens the store, does one thing and exits: 0 on success,
 * 1 when an import refused a feed, 2 on a usage or store error. Errors go to
 * stderr; --json output goes to stdout and nothing else does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "atlas-cli.h"
#include "atlas-countries.h"
#include "atlas-feed-reader.h"
#include "atlas-importer.h"
#include "atlas-locale.h"
#include "atlas-query.h"
#include "atlas-store.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE   2

typedef struct
{
  char  **countries;
  char  **companies;
  char  **entities;
  char   *search;
  char   *since;
  char   *until;
  gboolean json;
} FilterOptions;

static void
filter_options_clear (FilterOptions *options)
{
  g_strfreev (options->countries);
  g_strfreev (options->companies);
  g_strfreev (options->entities);
  g_free (options->search);
  g_free (options->since);
  g_free (options->until);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterOptions, filter_options_clear)

static void
print_error (const char *message)
{
  g_printerr ("compute-atlas-cli: %s\n", message);
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_filter_entries (GOptionContext *context,
                    FilterOptions  *options)
{
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->countries, N_("Only articles about this country (ISO code; repeat for any of several)"), "CC" },
    { "company", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->companies, N_("Only articles mentioning this company (repeat for any of several)"), "ID" },
    { "entity", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->entities, N_("Only articles mentioning this entity (repeat for any of several)"), "ID" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search, N_("Only articles containing every word of TEXT"), "TEXT" },
    { "since", 0, 0, G_OPTION_ARG_STRING, &options->since, N_("Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"), "DATE" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &options->until, N_("Only articles published up to the end of DATE"), "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
add_ids (AtlasFilter       *filter,
         AtlasFilterGroup   group,
         char             **values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = group == ATLAS_FILTER_GROUP_COUNTRIES
                               ? g_ascii_strup (values[i], -1) : g_strdup (values[i]);
      gboolean valid = group == ATLAS_FILTER_GROUP_COUNTRIES
                       ? atlas_country_code_is_valid (value) : atlas_entity_id_is_valid (value);

      if (!valid)
        {
          g_autofree char *message = g_strdup_printf (group == ATLAS_FILTER_GROUP_COUNTRIES
                                                      ? _("“%s” is not a two-letter country code")
                                                      : _("“%s” is not an entity id"),
                                                      values[i]);
          print_error (message);
          return FALSE;
        }
      atlas_filter_add (filter, group, value);
    }
  return TRUE;
}

static gboolean
parse_date_option (const char       *value,
                   AtlasPartialDate *date)
{
  if (value == NULL)
    return TRUE;
  if (!atlas_partial_date_parse (value, date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), value);
      print_error (message);
      return FALSE;
    }
  return TRUE;
}

static AtlasFilter *
build_filter (const FilterOptions *options)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  AtlasPartialDate since = { 0 }, until = { 0 };

  if (!add_ids (filter, ATLAS_FILTER_GROUP_COUNTRIES, options->countries) ||
      !add_ids (filter, ATLAS_FILTER_GROUP_COMPANIES, options->companies) ||
      !add_ids (filter, ATLAS_FILTER_GROUP_ENTITIES, options->entities) ||
      !parse_date_option (options->since, &since) ||
      !parse_date_option (options->until, &until))
    return NULL;

  filter->text = g_strdup (options->search);
  if (options->since != NULL)
    filter->since = atlas_partial_date_start (&since);
  if (options->until != NULL)
    filter->until = atlas_partial_date_end (&until);
  return g_steal_pointer (&filter);
}

/* The shared start of `articles` and `facets`: read the filter options and
 * select the articles. NULL, with the message printed, on a usage error. */
static GArray *
query_filtered_ids (AtlasStore      *store,
                    GOptionContext  *context,
                    FilterOptions   *options,
                    int              argc,
                    char           **argv,
                    AtlasFilter    **filter_out)
{
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  add_filter_entries (context, options);
  if (!parse_options (context, &argc, &argv) || (filter = build_filter (options)) == NULL)
    return NULL;

  ids = atlas_query_article_ids (store, filter, &error);
  if (ids == NULL)
    {
      print_error (error->message);
      return NULL;
    }

  *filter_out = g_steal_pointer (&filter);
  return ids;
}

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* ---- import ------------------------------------------------------------- */

static int
command_import (AtlasStore  *store,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — import JSON Feed files"));
  int status = EXIT_SUCCESS;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      print_error (_("import needs at least one file"));
      return EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(AtlasImportReport) report = atlas_import_file (store, file, NULL, NULL);
      g_autofree char *text = atlas_import_report_describe (report);

      if (report->error != NULL)
        {
          print_error (text);
          status = EXIT_REFUSED;
        }
      else
        g_print ("%s\n", text);
    }

  return status;
}

/* ---- articles ----------------------------------------------------------- */

static void
build_article_json (JsonBuilder  *builder,
                    AtlasArticle *article)
{
  GPtrArray *entities = atlas_article_get_entities (article);
  g_autofree char *published = atlas_article_dup_published_iso (article);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", atlas_article_get_item_id (article));
  add_string_member (builder, "feed", atlas_article_get_feed_title (article));
  add_string_member (builder, "title", atlas_article_get_title (article));
  add_string_member (builder, "url", atlas_article_get_url (article));
  add_string_member (builder, "published", published);
  add_string_member (builder, "language", atlas_article_get_language (article));
  add_string_member (builder, "summary", atlas_article_get_summary (article));
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *ref = g_ptr_array_index (entities, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", ref->id);
      add_string_member (builder, "kind", ref->kind);
      add_string_member (builder, "name", ref->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_article_line (AtlasArticle *article)
{
  GPtrArray *entities = atlas_article_get_entities (article);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *date = atlas_article_format_date (article);

  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *ref = g_ptr_array_index (entities, i);
      g_string_append_printf (names, "%s%s", i ? ", " : "", ref->name);
    }

  g_print ("%s\n  %s · %s\n  %s\n",
           atlas_article_get_title (article) ? atlas_article_get_title (article) : _("Untitled"),
           atlas_article_get_feed_title (article) ? atlas_article_get_feed_title (article) : "",
           date ? date : _("undated"),
           names->str);
}

static int
command_articles (AtlasStore  *store,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the articles that pass the filter"));
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = query_filtered_ids (store, context, &options, argc, argv, &filter);
  if (ids == NULL)
    return EXIT_USAGE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AtlasArticle) article = atlas_query_article (store, g_array_index (ids, gint64, i), TRUE, &error);

      if (article == NULL)
        {
          print_error (error->message);
          return EXIT_USAGE;
        }
      if (options.json)
        build_article_json (builder, article);
      else
        print_article_line (article);
    }
  json_builder_end_array (builder);

  if (options.json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      print_json (root);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u article\n", "%u articles\n", ids->len), ids->len);

  return EXIT_SUCCESS;
}

/* ---- entities ----------------------------------------------------------- */

static int
command_entities (AtlasStore  *store,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the known entities"));
  g_autofree char *kind = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only entities of this kind (company, site, country, organization, person, product, other)"), "KIND" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  entities = atlas_query_entities (store, kind, &error);
  if (entities == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityInfo *info = g_ptr_array_index (entities, i);

      if (!json)
        {
          g_print ("%-28s %-12s %-4s %4u  %s\n", info->id, info->kind,
                   info->country ? info->country : "", info->n_articles, info->name);
          continue;
        }

      json_builder_begin_object (builder);
      add_string_member (builder, "id", info->id);
      add_string_member (builder, "kind", info->kind);
      add_string_member (builder, "name", info->name);
      add_string_member (builder, "country", info->country);
      add_string_member (builder, "place", info->place);
      add_string_member (builder, "url", info->url);
      if (info->has_position)
        {
          json_builder_set_member_name (builder, "lat");
          json_builder_add_double_value (builder, info->lat);
          json_builder_set_member_name (builder, "lon");
          json_builder_add_double_value (builder, info->lon);
        }
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, info->n_articles);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint j = 0; j < info->aliases->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (info->aliases, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      print_json (root);
    }

  return EXIT_SUCCESS;
}

/* ---- facets ------------------------------------------------------------- */

static gboolean
emit_facet (AtlasStore        *store,
            const AtlasFilter *filter,
            AtlasFilterGroup   group,
            const char        *json_name,
            const char        *heading,
            JsonBuilder       *builder,
            gboolean           json)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = atlas_query_facet (store, filter, group, G_MAXUINT, &error);
  if (entries == NULL)
    {
      print_error (error->message);
      return FALSE;
    }

  if (json)
    {
      json_builder_set_member_name (builder, json_name);
      json_builder_begin_array (builder);
    }
  else
    g_print ("%s\n", heading);

  for (guint i = 0; i < entries->len; i++)
    {
      const AtlasFacetEntry *entry = g_ptr_array_index (entries, i);

      if (!json)
        {
          g_print ("  %s %-24s %-28s %u\n", entry->selected ? "[x]" : "[ ]", entry->id, entry->name, entry->count);
          continue;
        }
      json_builder_begin_object (builder);
      add_string_member (builder, "id", entry->id);
      add_string_member (builder, "name", entry->name);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, entry->count);
      json_builder_set_member_name (builder, "selected");
      json_builder_add_boolean_value (builder, entry->selected);
      json_builder_end_object (builder);
    }

  if (json)
    json_builder_end_array (builder);
  return TRUE;
}

static int
command_facets (AtlasStore  *store,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— count the articles per country and per company"));
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) ids = NULL;

  ids = query_filtered_ids (store, context, &options, argc, argv, &filter);
  if (ids == NULL)
    return EXIT_USAGE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, ids->len);
  if (!options.json)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u article\n", "%u articles\n", ids->len), ids->len);

  if (!emit_facet (store, filter, ATLAS_FILTER_GROUP_COUNTRIES, "countries", _("Countries"), builder, options.json) ||
      !emit_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, "companies", _("Companies"), builder, options.json))
    return EXIT_USAGE;
  json_builder_end_object (builder);

  if (options.json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      print_json (root);
    }

  return EXIT_SUCCESS;
}

/* ---- dispatch ----------------------------------------------------------- */

typedef int (*CommandFunc) (AtlasStore *store,
                            int         argc,
                            char      **argv);

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "import", command_import },
  { "articles", command_articles },
  { "entities", command_entities },
  { "facets", command_facets },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage:\n"
             "  compute-atlas-cli [--db FILE] import FILE…\n"
             "  compute-atlas-cli [--db FILE] articles [--country CC]… [--company ID]… [--entity ID]…\n"
             "                                         [--search TEXT] [--since DATE] [--until DATE] [--json]\n"
             "  compute-atlas-cli [--db FILE] entities [--kind KIND] [--json]\n"
             "  compute-atlas-cli [--db FILE] facets [the articles filters] [--json]\n"
             "\n"
             "Run a command with --help for its options.\n"));
}

int
atlas_cli_run (int    argc,
               char **argv)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int first = 1;

  atlas_locale_init ();
  g_set_prgname ("compute-atlas-cli");

  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[first] + strlen ("--db="));
          first++;
        }
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          g_print ("compute-atlas-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      else
        {
          print_usage (stderr);
          return EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[first], commands[i].name))
        continue;

      if (db_path == NULL)
        db_path = atlas_store_default_path ();
      store = atlas_store_open (db_path, &error);
      if (store == NULL)
        {
          print_error (error->message);
          return EXIT_USAGE;
        }
      return commands[i].func (store, argc - first, argv + first);
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[first]);
    print_error (message);
  }
  print_usage (stderr);
  return EXIT_USAGE;
}
