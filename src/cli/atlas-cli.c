/* atlas-cli.c: compute-atlas-cli, the headless face of the core library
 *
 * Every command opens the store, does one thing and exits: 0 on success,
 * 1 when an import refused a feed, 2 on a usage or store error. Errors go to
 * stderr; --json output goes to stdout and nothing else does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "atlas-cli.h"
#include "atlas-countries.h"
#include "atlas-feed-reader.h"
#include "atlas-graph-export.h"
#include "atlas-generator.h"
#include "atlas-graph-layout.h"
#include "atlas-html.h"
#include "atlas-importer.h"
#include "atlas-json.h"
#include "atlas-locale.h"
#include "atlas-opml.h"
#include "atlas-query.h"
#include "atlas-sites.h"
#include "atlas-store.h"
#include "atlas-subscriptions.h"

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

/* The filter the options describe; NULL, with the message printed, on a
 * usage error. */
static AtlasFilter *
parse_filter (GOptionContext  *context,
              FilterOptions   *options,
              int              argc,
              char           **argv)
{
  add_filter_entries (context, options);
  if (!parse_options (context, &argc, &argv))
    return NULL;
  return build_filter (options);
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
  g_autoptr(AtlasFilter) filter = parse_filter (context, options, argc, argv);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  if (filter == NULL)
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

/* Prints what the builder holds when --json was given. */
static void
print_json (JsonBuilder *builder,
            gboolean     json)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (!json)
    return;
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* The feeds a web page names, one a line on standard output (address,
 * title, type, tab-separated), for the user to choose from. */
static void
print_feed_links (const AtlasRefreshReport *report)
{
  for (guint i = 0; report->feed_links != NULL && i < report->feed_links->len; i++)
    {
      const AtlasFeedLink *link = g_ptr_array_index (report->feed_links, i);

      g_print ("%s\t%s\t%s\n", link->url, link->title ? link->title : "", link->type);
    }
}

static int
print_refresh_report (const AtlasRefreshReport *report)
{
  g_autofree char *text = atlas_refresh_report_describe (report);

  if (report->page_url != NULL)
    g_print (_("%s names the feed %s\n"), report->page_url, report->url);
  if (report->outcome != ATLAS_REFRESH_FAILED)
    {
      g_print ("%s\n", text);
      return EXIT_SUCCESS;
    }
  print_error (text);
  if (report->feed_links != NULL)
    {
      print_error (_("run again with --first to take the first, or give one of these addresses:"));
      print_feed_links (report);
    }
  return EXIT_REFUSED;
}

/* ---- import ------------------------------------------------------------- */

static int
command_import (AtlasStore  *store,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE-OR-URL… — import feed files (JSON Feed, RSS, Atom), or feeds from http(s) addresses without subscribing"));
  gboolean first = FALSE;
  const GOptionEntry entries[] = {
    { "first", 0, 0, G_OPTION_ARG_NONE, &first, N_("When an address is a web page naming several feeds, take the first"), NULL },
    { NULL }
  };
  int status = EXIT_SUCCESS;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      print_error (_("import needs at least one file"));
      return EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      gboolean failed;

      if (g_str_has_prefix (argv[i], "http://") || g_str_has_prefix (argv[i], "https://"))
        {
          g_autoptr(AtlasRefreshReport) report =
            atlas_fetch_and_import (store, argv[i], first ? ATLAS_DISCOVERY_FIRST : ATLAS_DISCOVERY_OFFER, NULL, NULL);

          if (print_refresh_report (report) != EXIT_SUCCESS)
            status = EXIT_REFUSED;
          fflush (stdout);
          continue;
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autoptr(AtlasImportReport) report = atlas_import_file (store, file, NULL, NULL);

          text = atlas_import_report_describe (report);
          failed = report->error != NULL;
        }

      if (failed)
        {
          print_error (text);
          status = EXIT_REFUSED;
        }
      else
        g_print ("%s\n", text);
      /* Each line tells that an import is committed: it goes out now, not
       * when a pipe's buffer fills. */
      fflush (stdout);
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
  atlas_json_add_string_member (builder, "id", atlas_article_get_item_id (article));
  atlas_json_add_string_member (builder, "feed", atlas_article_get_feed_title (article));
  atlas_json_add_string_member (builder, "title", atlas_article_get_title (article));
  atlas_json_add_string_member (builder, "url", atlas_article_get_url (article));
  atlas_json_add_string_member (builder, "published", published);
  atlas_json_add_string_member (builder, "language", atlas_article_get_language (article));
  atlas_json_add_string_member (builder, "summary", atlas_article_get_summary (article));
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (const char * const *name = atlas_article_get_authors (article); name != NULL && *name != NULL; name++)
    json_builder_add_string_value (builder, *name);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *ref = g_ptr_array_index (entities, i);

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "id", ref->id);
      atlas_json_add_string_member (builder, "kind", ref->kind);
      atlas_json_add_string_member (builder, "name", ref->name);
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

  print_json (builder, options.json);
  if (!options.json)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%'u article\n", "%'u articles\n", ids->len), ids->len);

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
      atlas_json_add_string_member (builder, "id", info->id);
      atlas_json_add_string_member (builder, "kind", info->kind);
      atlas_json_add_string_member (builder, "name", info->name);
      atlas_json_add_string_member (builder, "country", info->country);
      atlas_json_add_string_member (builder, "place", info->place);
      atlas_json_add_string_member (builder, "url", info->url);
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

  print_json (builder, json);

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
      atlas_json_add_string_member (builder, "id", entry->id);
      atlas_json_add_string_member (builder, "name", entry->name);
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
    g_print (g_dngettext (GETTEXT_PACKAGE, "%'u article\n", "%'u articles\n", ids->len), ids->len);

  if (!emit_facet (store, filter, ATLAS_FILTER_GROUP_COUNTRIES, "countries", _("Countries"), builder, options.json) ||
      !emit_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, "companies", _("Companies"), builder, options.json))
    return EXIT_USAGE;
  json_builder_end_object (builder);

  print_json (builder, options.json);

  return EXIT_SUCCESS;
}

/* ---- feeds -------------------------------------------------------------- */

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return dt ? g_date_time_format (dt, "%c") : g_strdup (_("never"));
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 gint64       unix_time)
{
  g_autofree char *iso = unix_time > 0 ? atlas_timestamp_to_iso8601 (unix_time) : NULL;

  atlas_json_add_string_member (builder, name, iso);
}

static int
feeds_list (AtlasStore *store,
            gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = atlas_subscriptions_list (store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (list == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasSubscription *feed = g_ptr_array_index (list, i);

      if (!json)
        {
          g_autofree char *checked = format_time (feed->last_success);
          g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles",
                                                                    feed->n_articles), feed->n_articles);

          g_print ("%s%s\n  %s\n  %s · %s %s\n", feed->title ? feed->title : feed->url,
                   feed->enabled ? "" : _(" (disabled)"), feed->url, articles, _("last refreshed:"), checked);
          if (feed->last_error != NULL)
            g_print ("  %s %s\n", _("error:"), feed->last_error);
          continue;
        }

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "url", feed->url);
      atlas_json_add_string_member (builder, "title", feed->title);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, feed->enabled);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, feed->n_articles);
      add_time_member (builder, "last_checked", feed->last_checked);
      add_time_member (builder, "last_success", feed->last_success);
      atlas_json_add_string_member (builder, "last_error", feed->last_error);
      add_time_member (builder, "retry_after", feed->retry_after);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  print_json (builder, json);
  return EXIT_SUCCESS;
}

static int
print_refresh_reports (GPtrArray *reports)
{
  int status = EXIT_SUCCESS;

  for (guint i = 0; i < reports->len; i++)
    if (print_refresh_report (g_ptr_array_index (reports, i)) != EXIT_SUCCESS)
      status = EXIT_REFUSED;
  return status;
}

static int
feeds_import_opml (AtlasStore *store,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_refresh_report_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error) ||
      (outlines = atlas_opml_parse (contents, length, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  for (guint i = 0; i < outlines->len; i++)
    {
      const AtlasOpmlOutline *outline = g_ptr_array_index (outlines, i);
      g_ptr_array_add (reports, atlas_subscriptions_add (store, outline->url, ATLAS_DISCOVERY_FIRST, NULL, NULL));
    }
  return print_refresh_reports (reports);
}

static int
feeds_export_opml (AtlasStore *store,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = atlas_subscriptions_list (store, &error);
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_opml_outline_free);
  g_autofree char *text = NULL;

  if (list == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasSubscription *feed = g_ptr_array_index (list, i);
      AtlasOpmlOutline *outline = g_new0 (AtlasOpmlOutline, 1);

      outline->url = g_strdup (feed->url);
      outline->title = g_strdup (feed->title);
      g_ptr_array_add (outlines, outline);
    }

  text = atlas_opml_write (outlines);
  if (path == NULL)
    {
      g_print ("%s", text);
      return EXIT_SUCCESS;
    }
  if (!g_file_set_contents (path, text, -1, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }
  return EXIT_SUCCESS;
}

static int
command_feeds (AtlasStore  *store,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("add URL | list | remove URL | enable URL | disable URL | refresh [URL] | "
                            "import-opml FILE | export-opml [FILE] — manage subscriptions"));
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE, force = FALSE, first = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Refresh even feeds whose server asked to wait"), NULL },
    { "first", 0, 0, G_OPTION_ARG_NONE, &first, N_("When the address is a web page naming several feeds, take the first"), NULL },
    { NULL }
  };
  const char *action, *target;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  action = argc > 1 ? argv[1] : "list";
  target = argc > 2 ? argv[2] : NULL;

  if (g_str_equal (action, "list"))
    return feeds_list (store, json);
  if (g_str_equal (action, "refresh"))
    {
      g_autoptr(GPtrArray) reports = atlas_subscriptions_refresh (store, target, force, NULL, NULL);
      return print_refresh_reports (reports);
    }
  if (g_str_equal (action, "export-opml"))
    return feeds_export_opml (store, target);

  if (target == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("feeds %s needs an argument"), action);
      print_error (message);
      return EXIT_USAGE;
    }

  if (g_str_equal (action, "add"))
    {
      g_autoptr(AtlasRefreshReport) report =
        atlas_subscriptions_add (store, target, first ? ATLAS_DISCOVERY_FIRST : ATLAS_DISCOVERY_OFFER, NULL, NULL);

      return print_refresh_report (report);
    }
  if (g_str_equal (action, "import-opml"))
    return feeds_import_opml (store, target);
  if (g_str_equal (action, "remove") || g_str_equal (action, "enable") || g_str_equal (action, "disable"))
    {
      gboolean ok = g_str_equal (action, "remove")
                    ? atlas_subscriptions_remove (store, target, &error)
                    : atlas_subscriptions_set_enabled (store, target, g_str_equal (action, "enable"), &error);

      if (!ok)
        {
          print_error (error->message);
          return EXIT_REFUSED;
        }
      return EXIT_SUCCESS;
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown feeds action “%s”"), action);
    print_error (message);
  }
  return EXIT_USAGE;
}

/* ---- graph -------------------------------------------------------------- */

static int
command_graph (AtlasStore  *store,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the entities of the filtered articles and their ties"));
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(AtlasGraph) graph = NULL;
  g_autoptr(AtlasGraphLayout) layout = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) hidden = NULL;
  gboolean comentions = FALSE;
  int seed = 1;
  AtlasGraphOptions graph_options;
  AtlasGraphFormat format = ATLAS_GRAPH_FORMAT_JSON;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("json (the default), gexf, graphml or dot"), "FORMAT" },
    { "comentions", 0, 0, G_OPTION_ARG_NONE, &comentions, N_("Also link entities mentioned by the same articles"), NULL },
    { "hide", 0, 0, G_OPTION_ARG_STRING_ARRAY, &hidden, N_("Leave out the entities of this kind (repeat for several)"), "KIND" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the layout (the same seed gives the same positions)"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ids = query_filtered_ids (store, context, &options, argc, argv, &filter);
  if (ids == NULL)
    return EXIT_USAGE;
  if (format_name != NULL && !atlas_graph_format_parse (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("unknown graph format “%s”"), format_name);
      print_error (message);
      return EXIT_USAGE;
    }

  atlas_graph_options_init (&graph_options);
  graph_options.comentions = comentions;
  graph_options.hidden_kinds = hidden;
  graph = atlas_graph_build (store, filter, &graph_options, &error);
  if (graph == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }
  if (atlas_graph_get_comentions_dropped (graph))
    print_error (_("too many entities for co-mention links; they were left out"));

  layout = atlas_graph_layout_new (graph, (guint32) seed, NULL);
  atlas_graph_layout_run (layout, 500);

  text = atlas_graph_export (graph, format);
  g_print ("%s", text);
  return EXIT_SUCCESS;
}

/* ---- timeline ----------------------------------------------------------- */

static const char *
precision_name (AtlasDatePrecision precision)
{
  switch (precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      return "year";
    case ATLAS_DATE_PRECISION_MONTH:
      return "month";
    case ATLAS_DATE_PRECISION_DAY:
    case ATLAS_DATE_PRECISION_NONE:
    default:
      return "day";
    }
}

static void
build_event_json (JsonBuilder          *builder,
                  const AtlasEventInfo *event)
{
  g_autofree char *date = atlas_partial_date_to_string (&event->date);
  g_autofree char *starts = atlas_timestamp_to_iso8601 (event->starts);
  g_autofree char *ends = atlas_timestamp_to_iso8601 (event->ends);

  json_builder_begin_object (builder);
  atlas_json_add_string_member (builder, "date", date);
  atlas_json_add_string_member (builder, "precision", precision_name (event->date.precision));
  atlas_json_add_string_member (builder, "starts", starts);
  atlas_json_add_string_member (builder, "ends", ends);
  atlas_json_add_string_member (builder, "kind", event->kind);
  atlas_json_add_string_member (builder, "title", event->title);
  json_builder_set_member_name (builder, "amount");
  if (isnan (event->amount))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, event->amount);
      atlas_json_add_string_member (builder, "currency", event->currency);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "quantity");
  if (isnan (event->quantity))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, event->quantity);
      atlas_json_add_string_member (builder, "unit", event->quantity_unit);
      atlas_json_add_string_member (builder, "product", event->quantity_product);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->n_entities; i++)
    json_builder_add_string_value (builder, atlas_event_info_get_entity (event, i)->id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "article");
  if (event->article_id > 0)
    json_builder_add_int_value (builder, event->article_id);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_event_line (const AtlasEventInfo *event)
{
  g_autofree char *date = atlas_partial_date_to_string (&event->date);
  g_autoptr(GString) details = g_string_new (NULL);

  if (!isnan (event->amount))
    g_string_append_printf (details, "%.15g %s · ", event->amount, event->currency ? event->currency : "");
  if (!isnan (event->quantity))
    g_string_append_printf (details, "%.15g %s%s%s · ", event->quantity, event->quantity_unit ? event->quantity_unit : "",
                            event->quantity_product ? " " : "", event->quantity_product ? event->quantity_product : "");
  for (guint i = 0; i < event->n_entities; i++)
    g_string_append_printf (details, "%s%s", i > 0 ? ", " : "", atlas_event_info_get_entity (event, i)->id);
  if (event->article_id > 0)
    {
      g_autofree char *article = g_strdup_printf ("%" G_GINT64_FORMAT, event->article_id);
      g_string_append_printf (details, _(" · article %s"), article);
    }

  /* Plain text: titles come from feeds. */
  g_print ("%-10s  %-12s  %s\n            %s\n", date, event->kind, event->title ? event->title : _("Untitled"),
           details->str);
}

/* The events under the article filters; --since and --until keep those whose
 * date, or span for a partial date, overlaps the range. */
static int
command_timeline (AtlasStore  *store,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the events of the filtered articles, in time order"));
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _("Here --since and --until keep the events whose date overlaps the range: "
                                           "an event known only to its month or year is that whole month or year."));
  filter = parse_filter (context, &options, argc, argv);
  if (filter == NULL)
    return EXIT_USAGE;
  events = atlas_query_events (store, filter, filter->since, filter->until, &error);
  if (events == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      if (options.json)
        build_event_json (builder, g_ptr_array_index (events, i));
      else
        print_event_line (g_ptr_array_index (events, i));
    }
  json_builder_end_array (builder);

  print_json (builder, options.json);
  if (!options.json)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%'u event\n", "%'u events\n", events->len), events->len);
  return EXIT_SUCCESS;
}

/* ---- sites and rollup --------------------------------------------------- */

typedef struct
{
  char   **countries;
  char   **companies;
  char   **statuses;
  char   **certainties;
  char    *by;
  gboolean json;
} SiteOptions;

static void
site_options_clear (SiteOptions *options)
{
  g_strfreev (options->countries);
  g_strfreev (options->companies);
  g_strfreev (options->statuses);
  g_strfreev (options->certainties);
  g_free (options->by);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SiteOptions, site_options_clear)

/* Each of `values` must be one of the group's words (a status or a certainty). */
static gboolean
add_words (AtlasFilter       *filter,
           AtlasFilterGroup   group,
           char             **values,
           const char        *refusal)
{
  guint n_words = 0;
  const AtlasSiteWordInfo *words = atlas_site_words (group, &n_words);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint w = 0; w < n_words && !known; w++)
        known = g_str_equal (values[i], words[w].id);
      if (!known)
        {
          g_autoptr(GString) list = g_string_new (NULL);
          g_autofree char *message = NULL;

          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (list, "%s%s", w ? ", " : "", words[w].id);
          message = g_strdup_printf (refusal, values[i], list->str);

          print_error (message);
          return FALSE;
        }
      atlas_filter_add (filter, group, values[i]);
    }
  return TRUE;
}

/* The filter of `sites` and `rollup`; NULL, with the message printed, on a usage error. */
static AtlasFilter *
parse_site_filter (GOptionContext  *context,
                   SiteOptions     *options,
                   int              argc,
                   char           **argv)
{
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->countries, N_("Only sites in this country (ISO code; repeat for any of several)"), "CC" },
    { "company", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->companies, N_("Only sites this company owns (repeat for any of several)"), "ID" },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->statuses, N_("Only sites of this status: existing, under-construction, planned, decommissioned (repeat for any of several)"), "S" },
    { "certainty", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->certainties, N_("Only sites this certain: confirmed, likely, unlikely (repeat for any of several)"), "C" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv) ||
      !add_ids (filter, ATLAS_FILTER_GROUP_COUNTRIES, options->countries) ||
      !add_ids (filter, ATLAS_FILTER_GROUP_COMPANIES, options->companies) ||
      /* TRANSLATORS: a value given, then the values allowed */
      !add_words (filter, ATLAS_FILTER_GROUP_STATUSES, options->statuses, _("“%s” is not a status (%s)")) ||
      /* TRANSLATORS: a value given, then the values allowed */
      !add_words (filter, ATLAS_FILTER_GROUP_CERTAINTIES, options->certainties, _("“%s” is not a certainty (%s)")))
    return NULL;
  if (argc > 1)
    {
      print_error (_("unexpected arguments"));
      return NULL;
    }
  return g_steal_pointer (&filter);
}

static void
add_site_json (JsonBuilder     *builder,
               const AtlasSite *site)
{
  json_builder_begin_object (builder);
  atlas_json_add_string_member (builder, "id", site->id);
  atlas_json_add_string_member (builder, "name", site->name);
  atlas_json_add_string_member (builder, "country", site->country);
  atlas_json_add_string_member (builder, "place", site->place);
  if (site->has_position)
    {
      atlas_json_add_number_member (builder, "lat", site->lat);
      atlas_json_add_number_member (builder, "lon", site->lon);
    }
  atlas_json_add_string_member (builder, "status", site->status);
  atlas_json_add_string_member (builder, "certainty", site->certainty);
  atlas_json_add_strings_member (builder, "owners", site->owners);
  atlas_json_add_strings_member (builder, "owner_ids", site->owner_ids);
  atlas_json_add_strings_member (builder, "users", site->users);
  json_builder_set_member_name (builder, "chips");
  json_builder_begin_array (builder);
  for (guint i = 0; i < site->chips->len; i++)
    {
      const AtlasChips *chips = &g_array_index (site->chips, AtlasChips, i);

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "type", chips->type);
      atlas_json_add_number_member (builder, "quantity", chips->quantity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  atlas_json_add_number_member (builder, "h100e", site->h100e);
  atlas_json_add_number_member (builder, "power_mw", site->power_mw);
  atlas_json_add_string_member (builder, "power_source", site->power_source);
  atlas_json_add_number_member (builder, "cost_usd", site->cost);
  atlas_json_add_string_member (builder, "sector", site->sector);
  atlas_json_add_string_member (builder, "first_operational", site->first_operational);
  json_builder_set_member_name (builder, "duplicate");
  json_builder_add_boolean_value (builder, site->duplicate);
  atlas_json_add_string_member (builder, "builds_upon", site->builds_upon);
  atlas_json_add_string_member (builder, "superseded_by", site->superseded_by);
  atlas_json_add_strings_member (builder, "sources", site->sources);
  atlas_json_add_string_member (builder, "source_file", site->source_file);
  json_builder_set_member_name (builder, "source_row");
  json_builder_add_int_value (builder, site->source_row);
  json_builder_end_object (builder);
}

static char *
format_number (double value)
{
  return isfinite (value) ? g_strdup_printf ("%.0f", value) : g_strdup ("");
}

static int
command_sites (AtlasStore  *store,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the sites imported from data files (Epoch AI)"));
  g_auto(SiteOptions) options = { 0 };
  g_autoptr(AtlasFilter) filter = parse_site_filter (context, &options, argc, argv);
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (filter == NULL)
    return EXIT_USAGE;
  if ((sites = atlas_sites_query (store, filter, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < sites->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (sites, i);
      g_autofree char *power = NULL;
      g_autofree char *h100e = NULL;

      if (options.json)
        {
          add_site_json (builder, site);
          continue;
        }
      power = format_number (site->power_mw);
      h100e = format_number (site->h100e);
      g_print ("%-32s %-18s %-9s %-2s %7s MW %9s H100e  %s%s\n", site->id, site->status,
               site->certainty ? site->certainty : "", site->country ? site->country : "",
               power, h100e, site->name, site->duplicate ? _(" (possible duplicate)") : "");
    }
  json_builder_end_array (builder);
  print_json (builder, options.json);
  return EXIT_SUCCESS;
}

static void
add_sums_json (JsonBuilder           *builder,
               const AtlasRollupSums *sums)
{
  json_builder_set_member_name (builder, "sites");
  json_builder_add_int_value (builder, sums->sites);
  atlas_json_add_number_member (builder, "power_mw", sums->power_mw);
  atlas_json_add_number_member (builder, "h100e", sums->h100e);
  atlas_json_add_number_member (builder, "chips", sums->chips);
}

static int
command_rollup (AtlasStore  *store,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— sum the sites per country or company, each counted once"));
  g_auto(SiteOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &options.by, N_("Sum per country or per company (owner)"), "country|company" },
    { NULL }
  };
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  AtlasRollupBy by;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((filter = parse_site_filter (context, &options, argc, argv)) == NULL)
    return EXIT_USAGE;
  if (g_strcmp0 (options.by, "country") == 0)
    by = ATLAS_ROLLUP_BY_COUNTRY;
  else if (g_strcmp0 (options.by, "company") == 0)
    by = ATLAS_ROLLUP_BY_COMPANY;
  else
    {
      print_error (_("rollup needs --by country or --by company"));
      return EXIT_USAGE;
    }
  if ((sites = atlas_sites_query (store, filter, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }
  rollups = atlas_rollup_sites (sites, by);
  atlas_sites_name_rollups (store, rollups, by);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rollups->len; i++)
    {
      const AtlasRollup *rollup = g_ptr_array_index (rollups, i);

      if (!options.json)
        {
          g_autofree char *power = format_number (rollup->total.power_mw);
          g_autofree char *h100e = format_number (rollup->total.h100e);

          g_print ("%-24s %4u %9s MW %11s H100e  %s\n", rollup->key, rollup->total.sites, power, h100e, rollup->name);
          continue;
        }
      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "key", rollup->key);
      atlas_json_add_string_member (builder, "name", rollup->name);
      add_sums_json (builder, &rollup->total);
      json_builder_set_member_name (builder, "by_status");
      json_builder_begin_object (builder);
      for (guint s = 0; s < ATLAS_N_SITE_STATUSES; s++)
        {
          json_builder_set_member_name (builder, atlas_site_status_id (s));
          json_builder_begin_object (builder);
          add_sums_json (builder, &rollup->by_status[s]);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "listed");
      json_builder_add_int_value (builder, rollup->listed);
      json_builder_set_member_name (builder, "left_out_duplicates");
      json_builder_add_int_value (builder, rollup->duplicates);
      json_builder_set_member_name (builder, "left_out_phases");
      json_builder_add_int_value (builder, rollup->phases);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json (builder, options.json);
  return EXIT_SUCCESS;
}

/* ---- generate ----------------------------------------------------------- */

typedef struct
{
  const char *dir;
  FILE       *rss;  /* the RSS 2.0 twin, or NULL */
} GenerateOutput;

static gboolean
write_feed (guint     index,
            GBytes   *feed,
            gpointer  user_data,
            GError  **error)
{
  GenerateOutput *output = user_data;
  g_autofree char *name = atlas_generator_feed_name (index);
  g_autofree char *path = g_build_filename (output->dir, name, NULL);
  g_autoptr(GString) items = NULL;
  gsize length;
  const char *data = g_bytes_get_data (feed, &length);

  if (!g_file_set_contents (path, data, length, error))
    return FALSE;
  if (output->rss == NULL)
    return TRUE;
  items = g_string_new (NULL);
  if (!atlas_generator_append_rss (feed, items, error))
    return FALSE;
  if (fwrite (items->str, 1, items->len, output->rss) != items->len)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* A synthetic corpus for benchmarks: JSON Feed files in a directory, the
 * entities first, a few thousand articles to a file (the reader caps a feed
 * at 10 MB). */
static int
command_generate (AtlasStore  *store,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write a synthetic corpus of JSON Feed files"));
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *rss_path = NULL;
  AtlasGeneratorOptions options;
  GenerateOutput output = { NULL, NULL };
  int articles, entities, seed, per_feed;
  gboolean linked = FALSE, all_atlas = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &articles, N_("How many articles (default 1000)"), "N" },
    { "entities", 0, 0, G_OPTION_ARG_INT, &entities, N_("How many companies and sites (default 200)"), "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed (the same seed gives the same files)"), "S" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Directory to write the feeds into"), "DIR" },
    { "per-feed", 0, 0, G_OPTION_ARG_INT, &per_feed, N_("Articles to a feed file (default 2500)"), "K" },
    { "linked", 0, 0, G_OPTION_ARG_NONE, &linked, N_("Link each file to the next by next_url, as the pages of one feed"), NULL },
    { "rss", 0, 0, G_OPTION_ARG_FILENAME, &rss_path, N_("Also write every article into one RSS 2.0 file"), "FILE" },
    { "all-atlas", 0, 0, G_OPTION_ARG_NONE, &all_atlas, N_("Give every article _atlas mentions and events, not half of them"), NULL },
    { NULL }
  };

  atlas_generator_options_init (&options);
  articles = options.articles, entities = options.entities, seed = options.seed;
  /* About 3 KB an article: a few thousand stay under the 10 MB cap. */
  per_feed = 2500;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (out == NULL || articles < 0 || entities < 1 || per_feed < 1)
    {
      print_error (_("generate needs --out DIR, a number of articles of 0 or more, at least one entity and at least one article to a feed"));
      return EXIT_USAGE;
    }
  options.articles = articles;
  options.entities = entities;
  options.seed = (guint32) seed;
  options.items_per_feed = per_feed;
  options.linked = linked;
  options.all_atlas = all_atlas;

  output.dir = out;
  if (g_mkdir_with_parents (out, 0755) != 0 ||
      (rss_path != NULL && (output.rss = fopen (rss_path, "w")) == NULL))
    {
      print_error (g_strerror (errno));
      return EXIT_USAGE;
    }
  if (output.rss != NULL)
    fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n  <channel>\n"
           "    <title>Synthetic news</title>\n    <link>https://example.org/synthetic/</link>\n"
           "    <description>A synthetic corpus for benchmarks</description>\n", output.rss);
  ok = atlas_generate (&options, write_feed, &output, &error);
  if (output.rss != NULL)
    {
      fputs ("  </channel>\n</rss>\n", output.rss);
      ok = fclose (output.rss) == 0 && ok;
    }
  if (!ok)
    {
      print_error (error ? error->message : g_strerror (errno));
      return EXIT_USAGE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%'u feed written to %s\n", "%'u feeds written to %s\n",
                        atlas_generator_count_feeds (&options)),
           atlas_generator_count_feeds (&options), out);
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
  { "feeds", command_feeds },
  { "graph", command_graph },
  { "timeline", command_timeline },
  { "sites", command_sites },
  { "rollup", command_rollup },
  { "generate", command_generate },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage:\n"
             "  compute-atlas-cli [--db FILE] import [--first] FILE-OR-URL…\n"
             "  compute-atlas-cli [--db FILE] articles [--country CC]… [--company ID]… [--entity ID]…\n"
             "                                         [--search TEXT] [--since DATE] [--until DATE] [--json]\n"
             "  compute-atlas-cli [--db FILE] entities [--kind KIND] [--json]\n"
             "  compute-atlas-cli [--db FILE] facets [the articles filters] [--json]\n"
             "  compute-atlas-cli [--db FILE] feeds add [--first] URL | list [--json] | remove URL | enable URL | disable URL\n"
             "  compute-atlas-cli [--db FILE] feeds refresh [URL] [--force] | import-opml FILE | export-opml [FILE]\n"
             "  compute-atlas-cli [--db FILE] graph [the articles filters] [--format json|gexf|graphml|dot]\n"
             "                                      [--comentions] [--hide KIND]… [--seed N]\n"
             "  compute-atlas-cli [--db FILE] timeline [the articles filters] [--json]\n"
             "  compute-atlas-cli [--db FILE] sites [--country CC]… [--company ID]… [--status S]… [--certainty C]… [--json]\n"
             "  compute-atlas-cli [--db FILE] rollup --by country|company [--country CC]… [--company ID]…\n"
             "                                       [--status S]… [--certainty C]… [--json]\n"
             "  compute-atlas-cli generate --out DIR [--articles N] [--entities M] [--seed S]\n"
             "                                     [--per-feed K] [--linked] [--rss FILE] [--all-atlas]\n"
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

      /* Writing a synthetic corpus needs no store: none is opened or made. */
      if (commands[i].func == command_generate)
        return command_generate (NULL, argc - first, argv + first);
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
