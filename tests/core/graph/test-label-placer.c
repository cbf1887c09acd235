/* test-label-placer.c: the graph's names inside the view, clear of each other */
#include "atlas-label-placer.h"

static gboolean
overlap (const AtlasLabelBox *a,
         const AtlasLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Below the node first, then above, right, left. */
static void
test_preferred_places (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (400, 300);
  const AtlasPlacedLabel *label;

  g_assert_true (atlas_label_placer_place (placer, 0, 200, 100, 10, 60, 16, FALSE));
  label = atlas_label_placer_get_placed (placer, 0);
  g_assert_cmpfloat (label->box.x, ==, 170);
  g_assert_cmpfloat (label->box.y, ==, 110);

  /* A second node just above the first: below it is the first's name, so
   * its own goes above. */
  g_assert_true (atlas_label_placer_place (placer, 1, 200, 96, 4, 60, 16, FALSE));
  label = atlas_label_placer_get_placed (placer, 1);
  g_assert_cmpfloat (label->box.y, ==, 96 - 4 - 16);

  /* Placed once only. */
  g_assert_true (atlas_label_placer_place (placer, 0, 200, 100, 10, 60, 16, FALSE));
  g_assert_cmpuint (atlas_label_placer_get_n_placed (placer), ==, 2);
}

/* At the bottom edge the name goes above; in a corner, beside. */
static void
test_stays_in_view (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (400, 300);

  g_assert_true (atlas_label_placer_place (placer, 0, 200, 295, 4, 60, 16, FALSE));
  g_assert_cmpfloat (atlas_label_placer_get_placed (placer, 0)->box.y, ==, 295 - 4 - 16);
  g_assert_true (atlas_label_placer_place (placer, 1, 5, 150, 4, 60, 16, FALSE));
  g_assert_cmpfloat (atlas_label_placer_get_placed (placer, 1)->box.x, ==, 9);
  /* Wider than the view: nowhere, unless forced. */
  g_assert_false (atlas_label_placer_place (placer, 2, 200, 150, 4, 500, 16, FALSE));
  g_assert_true (atlas_label_placer_place (placer, 2, 200, 150, 4, 500, 16, TRUE));
  g_assert_cmpuint (atlas_label_placer_get_n_placed (placer), ==, 3);
}

/* Discs of the important nodes are kept clear, the node's own aside. */
static void
test_obstacles (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (400, 300);

  atlas_label_placer_add_obstacle (placer, 0, 200, 100, 10);
  atlas_label_placer_add_obstacle (placer, 1, 200, 125, 10);
  /* Below node 0 would cover node 1's disc: above instead. */
  g_assert_true (atlas_label_placer_place (placer, 0, 200, 100, 12, 60, 16, FALSE));
  g_assert_cmpfloat (atlas_label_placer_get_placed (placer, 0)->box.y, ==, 100 - 12 - 16);
}

/* Many names in a crowd: whatever is placed is inside and never overlaps. */
static void
test_crowd (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (640, 480);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint n;

  for (guint i = 0; i < 400; i++)
    atlas_label_placer_place (placer, i, g_rand_double_range (rand, 0, 640), g_rand_double_range (rand, 0, 480),
                              g_rand_double_range (rand, 2, 12), g_rand_double_range (rand, 20, 120), 16, FALSE);
  n = atlas_label_placer_get_n_placed (placer);
  g_assert_cmpuint (n, >, 20);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLabelBox *a = &atlas_label_placer_get_placed (placer, i)->box;

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, 640);
      g_assert_cmpfloat (a->y + a->height, <=, 480);
      for (guint j = i + 1; j < n; j++)
        g_assert_false (overlap (a, &atlas_label_placer_get_placed (placer, j)->box));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-placer/preferred-places", test_preferred_places);
  g_test_add_func ("/label-placer/stays-in-view", test_stays_in_view);
  g_test_add_func ("/label-placer/obstacles", test_obstacles);
  g_test_add_func ("/label-placer/crowd", test_crowd);

  return g_test_run ();
}
