/* test-label-placer.c: the graph's names inside the view, clear of each other */
#include "atlas-label-placer.h"

#define overlap atlas_label_boxes_overlap

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
  /* Wider than the view: nowhere, even when wanted. */
  g_assert_false (atlas_label_placer_place (placer, 2, 200, 150, 4, 500, 16, FALSE));
  g_assert_false (atlas_label_placer_place (placer, 2, 200, 150, 4, 500, 16, TRUE));
  g_assert_cmpuint (atlas_label_placer_get_n_placed (placer), ==, 2);
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

/* The legend's box and the buttons' are kept clear. */
static void
test_reserved (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (400, 300);
  const AtlasLabelBox legend = { 0, 260, 400, 40 };

  atlas_label_placer_reserve (placer, &legend);
  /* Below the node would run into the legend: above instead. */
  g_assert_true (atlas_label_placer_place (placer, 0, 200, 250, 4, 60, 16, FALSE));
  g_assert_cmpfloat (atlas_label_placer_get_placed (placer, 0)->box.y, ==, 250 - 4 - 16);
  g_assert_false (atlas_label_placer_get_placed (placer, 0)->has_leader);
  /* A node inside the legend has no room at all. */
  g_assert_false (atlas_label_placer_place (placer, 1, 200, 280, 4, 60, 16, TRUE));
}

/* A wanted name whose node is hemmed in goes further out, on a line to its
 * node that crosses no other name; an ordinary one is left out. */
static void
test_wanted_leader (void)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (400, 300);
  const AtlasPlacedLabel *label;
  double dx, dy;

  /* Eight names around the node at (200, 150) take its eight places. */
  g_assert_true (atlas_label_placer_place (placer, 1, 200, 168, 2, 80, 16, FALSE));
  g_assert_true (atlas_label_placer_place (placer, 2, 200, 132, 2, 80, 16, FALSE));
  g_assert_true (atlas_label_placer_place (placer, 3, 245, 150, 2, 80, 16, FALSE));
  g_assert_true (atlas_label_placer_place (placer, 4, 155, 150, 2, 80, 16, FALSE));
  g_assert_false (atlas_label_placer_place (placer, 0, 200, 150, 6, 60, 16, FALSE));
  g_assert_true (atlas_label_placer_place (placer, 0, 200, 150, 6, 60, 16, TRUE));
  label = atlas_label_placer_get_placed (placer, 4);
  g_assert_cmpuint (label->node, ==, 0);
  g_assert_true (label->has_leader);
  /* The line starts on the node's rim and ends on the box. */
  dx = label->from_x - 200;
  dy = label->from_y - 150;
  g_assert_cmpfloat_with_epsilon (dx * dx + dy * dy, 36, 1e-6);
  g_assert_cmpfloat (label->to_x, >=, label->box.x);
  g_assert_cmpfloat (label->to_x, <=, label->box.x + label->box.width);
  g_assert_cmpfloat (label->to_y, >=, label->box.y);
  g_assert_cmpfloat (label->to_y, <=, label->box.y + label->box.height);
}

/* Whether a segment passes through a box's inside. */
static gboolean
line_through (const AtlasPlacedLabel *label,
              const AtlasLabelBox    *box)
{
  /* Fine steps along the line: slow, and independent of the placer's own
   * clipping. */
  for (guint k = 1; k < 400; k++)
    {
      double t = k / 400.0;
      double x = label->from_x + t * (label->to_x - label->from_x);
      double y = label->from_y + t * (label->to_y - label->from_y);

      if (x > box->x + 0.01 && x < box->x + box->width - 0.01 && y > box->y + 0.01 && y < box->y + box->height - 0.01)
        return TRUE;
    }
  return FALSE;
}

/* Generated graphs of several densities, a part of their nodes wanted (an
 * article's entities, ringed): whatever is placed is inside the view, off
 * the kept boxes, never over another name, and no line crosses a name. */
static void
test_crowd (void)
{
  const AtlasLabelBox kept[] = { { 12, 440, 300, 28 }, { 590, 8, 40, 34 }, { 250, 8, 140, 34 } };

  for (guint seed = 1; seed <= 20; seed++)
    {
      g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (640, 480);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint n_nodes = 10 * seed * seed, n_wanted = g_rand_int_range (rand, 0, 60), n, n_leaders = 0;

      for (guint r = 0; r < G_N_ELEMENTS (kept); r++)
        atlas_label_placer_reserve (placer, &kept[r]);
      /* The wanted ones first, as the view does, close together as an
       * article's entities are. */
      for (guint i = 0; i < n_nodes; i++)
        {
          gboolean wanted = i < n_wanted;

          atlas_label_placer_place (placer, i, g_rand_double_range (rand, wanted ? 250 : 0, wanted ? 400 : 640),
                                    g_rand_double_range (rand, wanted ? 150 : 0, wanted ? 250 : 480),
                                    g_rand_double_range (rand, 2, 12), g_rand_double_range (rand, 20, 160), 16, wanted);
        }
      n = atlas_label_placer_get_n_placed (placer);
      g_assert_cmpuint (n, >, MIN (n_nodes, 20) / 2);
      for (guint i = 0; i < n; i++)
        {
          const AtlasPlacedLabel *label = atlas_label_placer_get_placed (placer, i);
          const AtlasLabelBox *a = &label->box;

          g_assert_cmpfloat (a->x, >=, 0);
          g_assert_cmpfloat (a->y, >=, 0);
          g_assert_cmpfloat (a->x + a->width, <=, 640);
          g_assert_cmpfloat (a->y + a->height, <=, 480);
          n_leaders += label->has_leader;
          for (guint r = 0; r < G_N_ELEMENTS (kept); r++)
            g_assert_false (overlap (a, &kept[r]));
          for (guint j = 0; j < n; j++)
            if (j != i)
              {
                g_assert_false (overlap (a, &atlas_label_placer_get_placed (placer, j)->box));
                if (label->has_leader)
                  g_assert_false (line_through (label, &atlas_label_placer_get_placed (placer, j)->box));
              }
        }
      if (seed == 20)
        g_assert_cmpuint (n_leaders, >, 0);
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
  g_test_add_func ("/label-placer/reserved", test_reserved);
  g_test_add_func ("/label-placer/wanted-leader", test_wanted_leader);
  g_test_add_func ("/label-placer/crowd", test_crowd);

  return g_test_run ();
}
