#include <string.h>

#include "atlas-article-list.h"
#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-test-util.h"
#include "atlas-view-state.h"

static AtlasStore *store;
static char *store_dir;

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

typedef struct
{
  guint calls;
  guint n_items;
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  /* The model already has the new length while it says so. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, change->n_items - removed + added);
  change->n_items = g_list_model_get_n_items (model);
  change->calls++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

typedef struct
{
  guint  calls;
  gint64 old_first;
  gint64 new_first;
} Replacement;

static void
on_new_rows_inserted (AtlasArticleList *list,
                      guint             position,
                      guint             n_new,
                      guint             n_old,
                      Replacement      *replacement)
{
  g_autoptr(AtlasArticle) first_old = g_list_model_get_item (G_LIST_MODEL (list), position + n_new);

  replacement->calls++;
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (n_new, ==, 3);
  g_assert_cmpuint (n_old, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  g_assert_cmpint (atlas_article_list_get_id (list, 0), ==, replacement->new_first);
  g_assert_cmpint (atlas_article_get_id (first_old), ==, replacement->old_first);
}

/* Shows what SQL selects for `filter`, as the window shows what the index
 * selects. */
static void
show (AtlasArticleList  *list,
      AtlasStore        *from,
      const AtlasFilter *filter)
{
  GArray *ids = atlas_query_article_ids (from, filter, NULL);

  g_assert_nonnull (ids);
  atlas_article_list_set_ids (list, ids);
}

static void
test_article_list (void)
{
  g_autoptr(AtlasArticleList) list = atlas_article_list_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasArticle) first = NULL;
  g_autoptr(AtlasArticle) again = NULL;
  Change change = { 0 };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  show (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (change.calls, ==, 1);
  /* Nothing new: no signal, the view is left alone. */
  show (list, store, filter);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ATLAS_TYPE_ARTICLE);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  /* An item is its id until a row reads it, once. */
  g_assert_false (atlas_article_has_fields (first));
  g_assert_null (atlas_article_get_title (first));
  g_assert_cmpuint (atlas_article_list_get_n_read (list), ==, 0);
  atlas_article_list_fill (list, first);
  atlas_article_list_fill (list, again);
  g_assert_cmpuint (atlas_article_list_get_n_read (list), ==, 1);
  g_assert_true (atlas_article_has_fields (first));
  g_assert_nonnull (atlas_article_get_title (first));
  g_assert_cmpuint (atlas_article_get_entities (first)->len, >, 0);
  g_assert_null (atlas_article_get_text (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  g_assert_true (atlas_article_list_find (list, atlas_article_get_id (first), &position));
  g_assert_cmpuint (position, ==, 0);

  atlas_filter_add (filter, ATLAS_FILTER_GROUP_COUNTRIES, "FR");
  show (list, store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (change.calls, ==, 3);
  g_assert_false (atlas_article_list_find (list, atlas_article_get_id (first), NULL));

  /* A span replaced is said as an insertion of the new rows before the old
   * ones, then the old ones' removal; in between, both are in the list. */
  {
    g_autoptr(AtlasFilter) everything = atlas_filter_new ();
    g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (gint64));
    Replacement replacement = { 0 };

    show (list, store, everything);
    change.calls = 0;
    for (guint i = 3; i-- > 0;)
      {
        gint64 id = atlas_article_list_get_id (list, i);
        g_array_append_val (reversed, id);
      }
    replacement.old_first = atlas_article_list_get_id (list, 0);
    replacement.new_first = g_array_index (reversed, gint64, 0);
    g_signal_connect (list, "new-rows-inserted", G_CALLBACK (on_new_rows_inserted), &replacement);
    atlas_article_list_set_ids (list, g_steal_pointer (&reversed));
    g_assert_cmpuint (replacement.calls, ==, 1);
    g_assert_cmpuint (change.position, ==, 3);
    g_assert_cmpuint (change.removed, ==, 3);
    g_assert_cmpuint (change.added, ==, 0);
  }
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.n_items, ==, 3);
}

/* A newer article arriving is one insertion at the top. */
static void
test_article_list_insertion (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) own = atlas_test_corpus_store (dir);
  g_autoptr(AtlasArticleList) list = atlas_article_list_new (own);
  g_autoptr(AtlasImportReport) report = NULL;
  const char *newer = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                      "[{\"id\": \"n\", \"date_published\": \"2030-01-01T00:00:00Z\"}]}";
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  Change change = { 0 };

  show (list, own, everything);
  change.n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  report = atlas_import_data (own, newer, strlen (newer), "newer.json", NULL);
  show (list, own, everything);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);

  g_clear_object (&list);
  g_clear_object (&own);
  atlas_test_remove_dir (dir);
}

static void
on_filter_changed (AtlasViewState *state,
                   guint          *calls)
{
  (*calls)++;
}

static void
test_view_state (void)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  guint calls = 0;

  g_signal_connect (state, "filter-changed", G_CALLBACK (on_filter_changed), &calls);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));

  g_assert_true (atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpuint (calls, ==, 1);
  atlas_view_state_set_text (state, "nvidia");
  atlas_view_state_set_text (state, "nvidia");
  g_assert_cmpuint (calls, ==, 2);
  g_assert_false (atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "GB"));
  g_assert_cmpuint (calls, ==, 3);
  atlas_view_state_set_date_range (state, 0, 100);
  g_assert_cmpuint (calls, ==, 4);
  g_assert_false (atlas_filter_is_empty (atlas_view_state_get_filter (state)));
  atlas_view_state_clear_filter (state);
  g_assert_cmpuint (calls, ==, 5);
  g_assert_true (atlas_filter_is_empty (atlas_view_state_get_filter (state)));
  atlas_view_state_clear_filter (state);
  g_assert_cmpuint (calls, ==, 5);

  /* Selection is not filtering. */
  atlas_view_state_set_selected_article (state, 7);
  g_assert_cmpint (atlas_view_state_get_selected_article (state), ==, 7);
  atlas_view_state_set_selected_entity (state, "nscale");
  g_assert_cmpstr (atlas_view_state_get_selected_entity (state), ==, "nscale");
  atlas_view_state_set_selected_entity (state, NULL);
  g_assert_null (atlas_view_state_get_selected_entity (state));
  g_assert_cmpuint (calls, ==, 5);
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

int
main (int   argc,
      char *argv[])
{
  const char *plain =
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Plain\", \"items\": ["
    " {\"id\": \"plain-1\", \"title\": \"Nscale en Norvège\", \"date_published\": \"2023-03-01T10:00:00Z\"}]}";
  g_autoptr(AtlasImportReport) report = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  store_dir = atlas_test_make_dir ();
  store = atlas_test_corpus_store (store_dir);
  report = atlas_import_data (store, plain, strlen (plain), "plain.json", NULL);
  g_assert_cmpuint (report->added, ==, 1);

  g_test_add_func ("/query/filter-combinations", test_filter_combinations);
  g_test_add_func ("/query/order", test_order);
  g_test_add_func ("/query/facets", test_facets);
  g_test_add_func ("/query/article-rows", test_article_rows);
  g_test_add_func ("/query/article-list", test_article_list);
  g_test_add_func ("/query/article-list-insertion", test_article_list_insertion);
  g_test_add_func ("/query/view-state", test_view_state);
  g_test_add_func ("/query/fts-query", test_fts_query);

  status = g_test_run ();

  g_clear_object (&store);
  atlas_test_remove_dir (store_dir);
  g_free (store_dir);
  return status;
}
