/* atlas-generator.c: a synthetic corpus shaped like the news, for benchmarks
 *
 * Companies and sites over sixty countries, a few countries holding most of
 * them; articles in French and English of one to three kilobytes whose
 * mentions follow a Zipf law; relations, and events spread over ten years
 * with dates known to the day, the month or the year. Half the items carry
 * the _atlas extension, the other half are plain JSON Feed items that the
 * importer must tag from their text. The same seed gives the same bytes.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-countries.h"
#include "atlas-generator.h"
#include "atlas-importer.h"
#include "atlas-json.h"

#define N_COUNTRIES   60
#define FIRST_YEAR    2016
#define YEARS         10

static const char *const syllables[] = {
  "nor", "va", "lis", "ke", "bri", "on", "ta", "mer", "quo", "sen", "di", "ra", "vel", "tri", "co", "xa",
  "lu", "men", "por", "tek", "ni", "sol", "ar", "gen", "ze", "fi", "ro", "das", "cel", "um",
};
static const char *const company_suffixes[] = { "Systems", "Compute", "Cloud", "AI", "Data", "Networks", "Labs" };
static const char *const event_kinds[] = { "investment", "funding", "opening", "announcement", "partnership", "launch" };

typedef struct
{
  char *id;
  char *name;
  char *kind;
  char *country;
  guint operator;   /* sites: the company that runs it */
} Entity;

typedef struct
{
  const AtlasGeneratorOptions *options;
  GRand                       *rand;
  GArray                      *entities;      /* Entity */
  const char                  *countries[N_COUNTRIES];
  guint                        n_countries;
} Generator;

static void
clear_entity (gpointer data)
{
  Entity *entity = data;

  g_free (entity->id);
  g_free (entity->name);
  g_free (entity->kind);
  g_free (entity->country);
}

void
atlas_generator_options_init (AtlasGeneratorOptions *options)
{
  memset (options, 0, sizeof *options);
  options->articles = 1000;
  options->entities = 200;
  options->seed = 1;
  options->items_per_feed = 2500;
}

guint
atlas_generator_count_feeds (const AtlasGeneratorOptions *options)
{
  return 1 + (options->articles + options->items_per_feed - 1) / MAX (options->items_per_feed, 1);
}

/* Rank r of n with probability ∝ 1 / (r + 1): a few take most. */
static guint
zipf (GRand *rand,
      guint  n)
{
  double u = g_rand_double (rand);

  return MIN (n - 1, (guint) floor (pow (n + 1.0, u) - 1));
}

static char *
make_name (GRand *rand)
{
  GString *name = g_string_new (NULL);
  guint parts = 2 + g_rand_int_range (rand, 0, 2);

  for (guint i = 0; i < parts; i++)
    g_string_append (name, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  name->str[0] = g_ascii_toupper (name->str[0]);
  return g_string_free (name, FALSE);
}

static void
make_entities (Generator *gen)
{
  guint n_companies = MAX (1, gen->options->entities * 6 / 10);
  const AtlasCountry *all = atlas_countries_get_all (&gen->n_countries);

  gen->n_countries = MIN (gen->n_countries, N_COUNTRIES);
  for (guint c = 0; c < gen->n_countries; c++)
    gen->countries[c] = all[c].code;

  for (guint i = 0; i < gen->options->entities; i++)
    {
      Entity entity = { 0 };
      g_autofree char *stem = make_name (gen->rand);
      gboolean company = i < n_companies;

      entity.id = g_strdup_printf ("%s-%u", company ? "co" : "site", i);
      entity.kind = g_strdup (company ? "company" : "site");
      if (company)
        {
          entity.name = g_strdup_printf ("%s %s", stem, company_suffixes[i % G_N_ELEMENTS (company_suffixes)]);
          entity.country = g_strdup (gen->countries[zipf (gen->rand, gen->n_countries)]);
        }
      else
        {
          entity.operator = g_rand_int_range (gen->rand, 0, n_companies);
          entity.name = g_strdup_printf ("%s Campus %u", stem, i);
          entity.country = g_strdup (gen->countries[zipf (gen->rand, gen->n_countries)]);
        }
      g_array_append_val (gen->entities, entity);
    }
}

/* The file a feed is written to: the entities first, then the articles. */
char *
atlas_generator_feed_name (guint index)
{
  return index == 0 ? g_strdup ("00-entities.json") : g_strdup_printf ("%02u-articles.json", index);
}

static void
begin_feed (const AtlasGeneratorOptions *options,
            JsonBuilder                 *builder,
            guint                        index)
{
  g_autofree char *title = g_strdup_printf ("Synthetic news %u", index);
  g_autofree char *url = g_strdup_printf ("https://example.org/synthetic/%u/feed.json", index);

  json_builder_begin_object (builder);
  atlas_json_add_string_member (builder, "version", "https://jsonfeed.org/version/1.1");
  atlas_json_add_string_member (builder, "title", title);
  atlas_json_add_string_member (builder, "feed_url", url);
  if (options->linked && index + 1 < atlas_generator_count_feeds (options))
    {
      g_autofree char *next = atlas_generator_feed_name (index + 1);
      atlas_json_add_string_member (builder, "next_url", next);
    }
}

static gboolean
finish_feed (JsonBuilder         *builder,
             guint                index,
             AtlasGeneratorSink   sink,
             gpointer             user_data,
             GError             **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *text;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  return sink (index, bytes, user_data, error);
}

static void
add_entities (Generator   *gen,
              JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "_atlas");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gen->entities->len; i++)
    {
      const Entity *entity = &g_array_index (gen->entities, Entity, i);

      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "id", entity->id);
      atlas_json_add_string_member (builder, "kind", entity->kind);
      atlas_json_add_string_member (builder, "name", entity->name);
      atlas_json_add_string_member (builder, "country", entity->country);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Who runs each site. */
  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gen->entities->len; i++)
    {
      const Entity *entity = &g_array_index (gen->entities, Entity, i);

      if (g_strcmp0 (entity->kind, "site") != 0)
        continue;
      json_builder_begin_object (builder);
      atlas_json_add_string_member (builder, "subject", g_array_index (gen->entities, Entity, entity->operator).id);
      atlas_json_add_string_member (builder, "predicate", "operates");
      atlas_json_add_string_member (builder, "object", entity->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* A sentence about an entity, in the article's language. */
static void
append_sentence (GString      *text,
                 gboolean      french,
                 const Entity *entity,
                 guint         variant)
{
  static const char *const fr[] = {
    "%s annonce un nouveau centre de calcul pour l'intelligence artificielle. ",
    "Selon ses dirigeants, %s veut doubler sa capacité d'ici deux ans. ",
    "Le projet de %s mobilise plusieurs milliers de processeurs graphiques. ",
    "Les analystes estiment que %s profite de la demande des laboratoires d'IA. ",
  };
  static const char *const en[] = {
    "%s announced a new computing centre for artificial intelligence. ",
    "According to its leaders, %s wants to double its capacity within two years. ",
    "The %s project brings together several thousand graphics processors. ",
    "Analysts say %s benefits from the demand of AI laboratories. ",
  };

  g_string_append_printf (text, french ? fr[variant % G_N_ELEMENTS (fr)] : en[variant % G_N_ELEMENTS (en)],
                          entity->name);
}

static void
add_item (Generator   *gen,
          JsonBuilder *builder,
          guint        number)
{
  GRand *rand = gen->rand;
  gboolean french = g_rand_boolean (rand);
  gboolean extended = g_rand_boolean (rand) || gen->options->all_atlas;
  guint n_mentions = 2 + g_rand_int_range (rand, 0, 5);
  guint target = 1000 + g_rand_int_range (rand, 0, 2000);
  g_autoptr(GArray) mentioned = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("urn:synthetic:%u", number);
  g_autofree char *url = g_strdup_printf ("https://example.org/synthetic/articles/%u", number);
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (FIRST_YEAR, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) published = g_date_time_add_seconds (first, g_rand_double (rand) * YEARS * 365.25 * 86400);
  g_autofree char *date = g_date_time_format_iso8601 (published);
  const Entity *lead;

  for (guint m = 0; m < n_mentions; m++)
    {
      guint index = zipf (rand, gen->entities->len);
      g_array_append_val (mentioned, index);
    }
  lead = &g_array_index (gen->entities, Entity, g_array_index (mentioned, guint, 0));
  title = g_strdup_printf (french ? "%s investit dans l'infrastructure de l'IA" : "%s invests in AI infrastructure",
                           lead->name);
  /* One to three kilobytes: the mentioned names, then more of the same. */
  for (guint s = 0; text->len < target; s++)
    append_sentence (text, french, &g_array_index (gen->entities, Entity, g_array_index (mentioned, guint, s % mentioned->len)),
                     s + number);

  json_builder_begin_object (builder);
  atlas_json_add_string_member (builder, "id", id);
  atlas_json_add_string_member (builder, "url", url);
  atlas_json_add_string_member (builder, "title", title);
  atlas_json_add_string_member (builder, "content_text", text->str);
  atlas_json_add_string_member (builder, "date_published", date);
  atlas_json_add_string_member (builder, "language", french ? "fr" : "en");

  /* The other half is a plain JSON Feed item: the importer tags it. */
  if (extended)
    {
      guint n_events = g_rand_int_range (rand, gen->options->all_atlas ? 1 : 0, 3);

      json_builder_set_member_name (builder, "_atlas");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "mentions");
      json_builder_begin_array (builder);
      for (guint m = 0; m < mentioned->len; m++)
        json_builder_add_string_value (builder, g_array_index (gen->entities, Entity, g_array_index (mentioned, guint, m)).id);
      json_builder_add_string_value (builder, lead->country);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint e = 0; e < n_events; e++)
        {
          double precision = g_rand_double (rand);
          g_autofree char *when = g_date_time_format (published, precision < 0.1 ? "%Y" : precision < 0.35 ? "%Y-%m"
                                                                                                          : "%Y-%m-%d");

          json_builder_begin_object (builder);
          atlas_json_add_string_member (builder, "date", when);
          atlas_json_add_string_member (builder, "kind", event_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (event_kinds))]);
          atlas_json_add_string_member (builder, "title", title);
          json_builder_set_member_name (builder, "entities");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, lead->id);
          json_builder_end_array (builder);
          if (g_rand_boolean (rand))
            {
              json_builder_set_member_name (builder, "amount");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "value");
              json_builder_add_double_value (builder, 1e6 * (1 + g_rand_int_range (rand, 0, 5000)));
              atlas_json_add_string_member (builder, "currency", "USD");
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* The entities' feed first, then the articles, items_per_feed to a feed. */
gboolean
atlas_generate (const AtlasGeneratorOptions *options,
                AtlasGeneratorSink           sink,
                gpointer                     user_data,
                GError                     **error)
{
  Generator gen = { options };
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr(GArray) entities = g_array_new (FALSE, TRUE, sizeof (Entity));
  guint number = 0;

  g_return_val_if_fail (options->entities > 0 && options->items_per_feed > 0, FALSE);

  gen.rand = rand;
  gen.entities = entities;
  g_array_set_clear_func (entities, clear_entity);
  make_entities (&gen);

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    begin_feed (options, builder, 0);
    json_builder_set_member_name (builder, "items");
    json_builder_begin_array (builder);
    json_builder_end_array (builder);
    add_entities (&gen, builder);
    if (!finish_feed (builder, 0, sink, user_data, error))
      return FALSE;
  }

  for (guint feed = 1; number < options->articles; feed++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_feed (options, builder, feed);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < options->items_per_feed && number < options->articles; i++)
        add_item (&gen, builder, ++number);
      json_builder_end_array (builder);
      if (!finish_feed (builder, feed, sink, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_generated_feed (guint     index,
                       GBytes   *feed,
                       gpointer  user_data,
                       GError  **error)
{
  gsize length;
  const char *data = g_bytes_get_data (feed, &length);
  g_autofree char *key = g_strdup_printf ("generated-%u", index);
  g_autoptr(AtlasImportReport) report = atlas_import_data (user_data, data, length, key, NULL);

  if (report->error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", report->error);
      return FALSE;
    }
  return TRUE;
}

/* Generates a corpus straight into a store, feed by feed, as benchmarks and
 * tests want it. */
gboolean
atlas_generate_into_store (const AtlasGeneratorOptions  *options,
                           AtlasStore                   *store,
                           GError                      **error)
{
  return atlas_generate (options, import_generated_feed, store, error);
}

/* RFC 822 dates, as RSS 2.0 has them: English names whatever the locale. */
static char *
rfc822_date (const char *iso8601)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) date = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) utc = date != NULL ? g_date_time_to_utc (date) : NULL;

  if (utc == NULL)
    return NULL;
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (utc) - 1], g_date_time_get_day_of_month (utc),
                          months[g_date_time_get_month (utc) - 1], g_date_time_get_year (utc),
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

static void
append_element (GString    *rss,
                const char *name,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (rss, "      <%s>%s</%s>\n", name, escaped, name);
}

/* Appends the items of one generated feed to `rss` as RSS 2.0 items (title,
 * link, guid, date, text): the twin of the corpus for feed readers that read
 * RSS only. The caller writes the channel around them. */
gboolean
atlas_generator_append_rss (GBytes   *feed,
                            GString  *rss,
                            GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items;
  gsize length;
  const char *data = g_bytes_get_data (feed, &length);

  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *date = rfc822_date (json_object_get_string_member_with_default (item, "date_published", NULL));
      g_autofree char *guid = g_markup_escape_text (json_object_get_string_member (item, "id"), -1);

      g_string_append (rss, "    <item>\n");
      append_element (rss, "title", json_object_get_string_member_with_default (item, "title", NULL));
      append_element (rss, "link", json_object_get_string_member_with_default (item, "url", NULL));
      g_string_append_printf (rss, "      <guid isPermaLink=\"false\">%s</guid>\n", guid);
      append_element (rss, "pubDate", date);
      append_element (rss, "description", json_object_get_string_member_with_default (item, "content_text", NULL));
      g_string_append (rss, "    </item>\n");
    }
  return TRUE;
}
