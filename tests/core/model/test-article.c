/* test-article.c: an article's entities as the list and the reader name them */
#include "atlas-article.h"

/* A name alone when it is the only one; two of one name each say their
 * country when theirs differ, else their kind. */
static void
test_entity_labels (void)
{
  g_autoptr(AtlasArticle) article = atlas_article_new (1);
  GPtrArray *entities;
  static const char *const expected[] = {
    "Nscale (United Kingdom)", "Nscale (Norway)", "NVIDIA", "Mercury (company)", "Mercury (product)",
  };

  atlas_article_add_entity (article, "nscale", "company", "Nscale", "GB");
  atlas_article_add_entity (article, "nscale-no", "company", "Nscale", "NO");
  atlas_article_add_entity (article, "nvidia", "company", "NVIDIA", "US");
  atlas_article_add_entity (article, "mercury", "company", "Mercury", "US");
  atlas_article_add_entity (article, "mercury-chip", "product", "Mercury", "US");
  entities = atlas_article_get_entities (article);
  g_assert_cmpuint (entities->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entities->len; i++)
    {
      g_autofree char *label = atlas_entity_refs_label (entities, i);

      g_assert_cmpstr (label, ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/entity-labels", test_entity_labels);

  return g_test_run ();
}
