#include <string.h>

#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-test-util.h"

static AtlasStore *store;

typedef struct
{
  const char *countries;
  const char *companies;
  const char *entities;
  const char *text;
  const char *since;
  const char *until;
  guint       expected;
} FilterCase;

/* The corpus holds two articles: NVIDIA's UK AI factories (Sept 2025) and
 * CoreWeave's first UK data centres (2024). A third, plain one is added by
 * setup: "Nscale en Norvège" (2023-03-01). */
static const FilterCase filter_cases[] = {
  { NULL, NULL, NULL, NULL, NULL, NULL, 3 },
  { "GB", NULL, NULL, NULL, NULL, NULL, 3 },
  { "NO", NULL, NULL, NULL, NULL, NULL, 2 },
  { "FR", NULL, NULL, NULL, NULL, NULL, 1 },
  { "NO,FR", NULL, NULL, NULL, NULL, NULL, 2 },
  { "RU", NULL, NULL, NULL, NULL, NULL, 1 },
  { "JP", NULL, NULL, NULL, NULL, NULL, 0 },
  { NULL, "coreweave", NULL, NULL, NULL, NULL, 2 },
  { NULL, "nscale", NULL, NULL, NULL, NULL, 2 },
  { NULL, "flexai,microsoft", NULL, NULL, NULL, NULL, 2 },
  { "NO", "nscale", NULL, NULL, NULL, NULL, 1 },
  { "NO,FR", "flexai,nscale", NULL, NULL, NULL, NULL, 2 },
  { "US", "nscale", NULL, NULL, NULL, NULL, 1 },
  { NULL, NULL, "loughton-supercomputer", NULL, NULL, NULL, 1 },
  { "GB", "nvidia", "hopper-h200", NULL, NULL, NULL, 1 },
  { NULL, NULL, NULL, "Ecosse", NULL, NULL, 1 },
  { NULL, NULL, NULL, "écosse", NULL, NULL, 1 },
  { NULL, NULL, NULL, "ÉCOSSE", NULL, NULL, 1 },
  { NULL, NULL, NULL, "norv", NULL, NULL, 2 },
  { NULL, NULL, NULL, "crawley docklands", NULL, NULL, 1 },
  { NULL, NULL, NULL, "crawley loughton", NULL, NULL, 0 },
  { NULL, NULL, NULL, "   ", NULL, NULL, 3 },
  { NULL, NULL, NULL, "\"NEAR( AND OR * -:", NULL, NULL, 0 },
  { NULL, NULL, NULL, "usines\" OR \"crawley", NULL, NULL, 0 },
  { "GB", NULL, NULL, "nscale", NULL, NULL, 2 },
  { "NO", "coreweave", NULL, "crawley", NULL, NULL, 1 },
  { NULL, NULL, NULL, NULL, "2025", NULL, 1 },
  { NULL, NULL, NULL, NULL, "2025-10", NULL, 0 },
  { NULL, NULL, NULL, NULL, NULL, "2024", 2 },
  { NULL, NULL, NULL, NULL, "2024-01", "2024-12", 1 },
  { NULL, NULL, NULL, NULL, "2023-03-01", "2023-03-01", 1 },
  { "GB", "coreweave", NULL, "centres", "2024", "2025", 2 },
  { "GB", "coreweave", NULL, "centres", "2024", "2024", 1 },
};

static AtlasFilter *
filter_from_case (const FilterCase *c)
{
  AtlasFilter *filter = atlas_filter_new ();
  const char *groups[] = { c->countries, c->companies, c->entities };
  AtlasFilterGroup ids[] = { ATLAS_FILTER_GROUP_COUNTRIES, ATLAS_FILTER_GROUP_COMPANIES, ATLAS_FILTER_GROUP_ENTITIES };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) values = groups[g] ? g_strsplit (groups[g], ",", -1) : NULL;
      for (guint i = 0; values && values[i]; i++)
        atlas_filter_add (filter, ids[g], values[i]);
    }
  filter->text = g_strdup (c->text);
  if (c->since)
    {
      AtlasPartialDate d;
      g_assert_true (atlas_partial_date_parse (c->since, &d));
      filter->since = atlas_partial_date_start (&d);
    }
  if (c->until)
    {
      AtlasPartialDate d;
      g_assert_true (atlas_partial_date_parse (c->until, &d));
      filter->until = atlas_partial_date_end (&d);
    }
  return filter;
}

static void
test_filter_combinations (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autoptr(AtlasFilter) filter = filter_from_case (&filter_cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = atlas_query_article_ids (store, filter, &error);

      g_assert_no_error (error);
      if (ids->len != filter_cases[i].expected)
        g_error ("case %u: %u articles, expected %u", i, ids->len, filter_cases[i].expected);
    }
}

static void
test_order (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) ids = atlas_query_article_ids (store, filter, NULL);
  g_autoptr(AtlasArticle) newest = atlas_query_article (store, g_array_index (ids, gint64, 0), TRUE, NULL);
  g_autoptr(AtlasArticle) oldest = atlas_query_article (store, g_array_index (ids, gint64, 2), TRUE, NULL);

  g_assert_cmpstr (atlas_article_get_item_id (newest), ==, "urn:compute-atlas:corpus:uk-ai-factories-2025-09");
  g_assert_cmpstr (atlas_article_get_item_id (oldest), ==, "plain-1");
}

static AtlasFacetEntry *
find_entry (GPtrArray  *entries,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((AtlasFacetEntry *) g_ptr_array_index (entries, i))->id, id))
      return g_ptr_array_index (entries, i);
  return NULL;
}

static void
test_facets (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GPtrArray) top = NULL;
  AtlasFacetEntry *entry;

  countries = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COUNTRIES, G_MAXUINT, NULL);
  entry = g_ptr_array_index (countries, 0);
  g_assert_cmpstr (entry->id, ==, "GB");
  g_assert_cmpstr (entry->name, ==, "United Kingdom");
  g_assert_cmpuint (entry->count, ==, 3);
  g_assert_cmpuint (find_entry (countries, "NO")->count, ==, 2);

  /* Choosing Norway: the country counts stay (a facet ignores its own
   * choices), the company counts follow. */
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "NO");
  g_clear_pointer (&countries, g_ptr_array_unref);
  countries = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COUNTRIES, G_MAXUINT, NULL);
  g_assert_cmpuint (find_entry (countries, "GB")->count, ==, 3);
  g_assert_true (find_entry (countries, "NO")->selected);
  g_assert_false (find_entry (countries, "GB")->selected);

  companies = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, G_MAXUINT, NULL);
  g_assert_cmpuint (find_entry (companies, "nscale")->count, ==, 1);
  g_assert_cmpuint (find_entry (companies, "coreweave")->count, ==, 1);
  g_assert_null (find_entry (companies, "microsoft"));
  g_assert_null (find_entry (companies, "GB"));

  /* A chosen company with no article left still shows, at zero. */
  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COMPANIES, "microsoft");
  g_clear_pointer (&companies, g_ptr_array_unref);
  companies = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, 2, NULL);
  g_assert_cmpuint (companies->len, ==, 3);
  entry = find_entry (companies, "microsoft");
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->count, ==, 0);
  g_assert_cmpstr (entry->name, ==, "Microsoft");
  g_assert_true (entry->selected);

  /* The limit keeps the largest. */
  g_clear_pointer (&filter, atlas_filter_free);
  filter = atlas_filter_new ();
  top = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, 3, NULL);
  g_assert_cmpuint (top->len, ==, 3);
  for (guint i = 0; i < top->len; i++)
    g_assert_cmpuint (((AtlasFacetEntry *) g_ptr_array_index (top, i))->count, >=, 2);
}

static void
test_article_rows (void)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AtlasArticle) article = NULL;
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  GPtrArray *entities;

  filter->text = g_strdup ("Crawley");
  ids = atlas_query_article_ids (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  article = atlas_query_article (store, g_array_index (ids, gint64, 0), TRUE, NULL);

  g_assert_cmpstr (atlas_article_get_feed_title (article), ==, "Compute Atlas — revue de presse");
  g_assert_cmpstr (atlas_article_get_language (article), ==, "fr");
  g_assert_nonnull (strstr (atlas_article_get_text (article), "Crawley"));
  date = atlas_article_format_date (article);
  g_assert_cmpstr (date, ==, "2024");
  iso = atlas_article_dup_published_iso (article);
  g_assert_cmpstr (iso, ==, "2024");

  /* Companies first, countries last. */
  entities = atlas_article_get_entities (article);
  g_assert_cmpstr (((AtlasEntityRef *) g_ptr_array_index (entities, 0))->kind, ==, "company");
  g_assert_cmpstr (((AtlasEntityRef *) g_ptr_array_index (entities, entities->len - 1))->kind, ==, "country");
}

/* Search text becomes prefix terms split and folded by the index's own
 * tokenizer, whatever it holds. None of these may fail. */
static void
test_fts_query (void)
{
  static const struct { const char *text; const char *query; } cases[] = {
    { "  Écosse \"or\" NEAR(x*) ", "\"ecosse\"* \"or\"* \"near\"* \"x\"*" },
    { "l’usine d'Écosse", "\"l\"* \"usine\"* \"d\"* \"ecosse\"*" },
    { "cœur x² 東京都 Москва", "\"cœur\"* \"x²\"* \"東京都\"* \"москва\"*" },
    /* A letter of Unicode 14, and an accent as a combining mark. */
    { "a\xea\x9f\x81" "b e\xcc\x81" "cosse", "\"a\xea\x9f\x81" "b\"* \"ecosse\"*" },
    { "data‍centre", "\"data\"* \"centre\"*" },
    { "😀 <b>&amp;</b> \xe2\x80\xae", "\"b\"* \"amp\"* \"b\"*" },
    { "\"\"\" *** ^ -- :", NULL },
    { "Straße", "\"straße\"*" },
  };
  const char *german =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Berlin\", \"items\": ["
    " {\"id\": \"1\", \"title\": \"Ein Rechenzentrum in der Straße des 17. Juni\"}]}";
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) german_store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) report = atlas_import_data (german_store, german, strlen (german), "berlin.json", NULL);
  g_autoptr(AtlasFilter) strasse = atlas_filter_new ();
  g_autoptr(GArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autofree char *query = NULL;

      filter->text = g_strdup (cases[i].text);
      query = atlas_filter_fts_query (filter);
      g_assert_cmpstr (query, ==, cases[i].query);
      ids = atlas_query_article_ids (store, filter, &error);
      g_assert_no_error (error);
    }

  /* Our own folding made "strasse" of it, which the index does not hold. */
  g_assert_cmpuint (report->added, ==, 1);
  strasse->text = g_strdup ("Straße");
  found = atlas_query_article_ids (german_store, strasse, NULL);
  g_assert_cmpuint (found->len, ==, 1);

  g_clear_object (&german_store);
  atlas_test_remove_dir (dir);
}

static gboolean
has_event (GPtrArray  *events,
           const char *title)
{
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (((AtlasEventInfo *) g_ptr_array_index (events, i))->title, title) == 0)
      return TRUE;
  return FALSE;
}

/* The data files' events follow the filter too: a site's steps when the
 * site is selected, a company's rounds when it owns one or is chosen. */
static void
test_data_file_events (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) events_store = atlas_test_corpus_store (dir);
  static const char *const files[][2] = {
    { "data_centers.csv", "Handle,Title,Address,Latitude,Longitude,Owner\n"
                          "Paris One,Paris One,\"1 rue, Paris, France\",,,Francoco\n"
                          "Oslo One,Oslo One,\"1 gate, Oslo, Norway\",,,Norco\n" },
    { "data_center_timelines.csv", "Date,Data center,Construction status,Power (MW)\n"
                                   "2024-01-01,Paris One,Paris ground broken,0\n"
                                   "2024-02-01,Oslo One,Oslo ground broken,0\n" },
    { "ai_companies_funding_rounds.csv", "Id,Company,Close date,Funding (equity),Valuation (post-money)\n"
                                         "A,Francoco,2024-03-01,1000,\n"
                                         "B,Elsewhere Inc,2024-04-01,1000,\n" },
  };
  g_autoptr(AtlasFilter) none = atlas_filter_new ();
  g_autoptr(AtlasFilter) france = atlas_filter_new ();
  g_autoptr(AtlasFilter) elsewhere = atlas_filter_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) in_france = NULL;
  g_autoptr(GPtrArray) chosen = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(AtlasImportReport) report = atlas_import_data (events_store, files[i][1], strlen (files[i][1]),
                                                               files[i][0], NULL);

      g_assert_null (report->error);
    }

  all = atlas_query_events (events_store, none, G_MININT64, G_MAXINT64, NULL);
  g_assert_true (has_event (all, "Paris ground broken"));
  g_assert_true (has_event (all, "Oslo ground broken"));
  g_assert_true (has_event (all, "Elsewhere Inc funding round"));

  atlas_filter_add (france, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
  in_france = atlas_query_events (events_store, france, G_MININT64, G_MAXINT64, NULL);
  g_assert_true (has_event (in_france, "Paris ground broken"));
  g_assert_true (has_event (in_france, "Francoco funding round"));
  g_assert_false (has_event (in_france, "Oslo ground broken"));
  g_assert_false (has_event (in_france, "Elsewhere Inc funding round"));

  atlas_filter_add (elsewhere, ATLAS_FILTER_GROUP_COMPANIES, "elsewhere-inc");
  chosen = atlas_query_events (events_store, elsewhere, G_MININT64, G_MAXINT64, NULL);
  g_assert_true (has_event (chosen, "Elsewhere Inc funding round"));
  g_assert_false (has_event (chosen, "Paris ground broken"));

  g_clear_object (&events_store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/filter-combinations", test_filter_combinations);
  g_test_add_func ("/query/order", test_order);
  g_test_add_func ("/query/facets", test_facets);
  g_test_add_func ("/query/article-rows", test_article_rows);
  g_test_add_func ("/query/fts-query", test_fts_query);
  g_test_add_func ("/query/data-file-events", test_data_file_events);

  return atlas_test_run_with_store (&store, atlas_test_corpus_and_plain_store);
}
