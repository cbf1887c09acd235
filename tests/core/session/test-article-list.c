/* test-article-list.c: the filtered articles as a lazy list model */
#include <string.h>

#include "atlas-article-list.h"
#include "atlas-importer.h"
#include "atlas-query.h"
#include "atlas-test-util.h"

/* The corpus and one plain article (atlas_test_corpus_and_plain_store()). */
static AtlasStore *store;

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-list/ids-and-rows", test_article_list);
  g_test_add_func ("/article-list/insertion", test_article_list_insertion);

  return atlas_test_run_with_store (&store, atlas_test_corpus_and_plain_store);
}
