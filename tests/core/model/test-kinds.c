/* test-kinds.c: the one table of entity kinds, event kinds and predicates */
#include "atlas-kinds.h"

static void
test_entity_kinds (void)
{
  g_assert_cmpint (atlas_entity_kind_lookup ("company")->kind, ==, ATLAS_ENTITY_COMPANY);
  g_assert_cmpint (atlas_entity_kind_lookup ("company")->group, ==, ATLAS_FILTER_GROUP_COMPANIES);
  g_assert_cmpint (atlas_entity_kind_lookup ("country")->group, ==, ATLAS_FILTER_GROUP_COUNTRIES);
  g_assert_cmpint (atlas_entity_kind_lookup ("site")->group, ==, ATLAS_FILTER_GROUP_ENTITIES);
  /* What a feed may write that the contract does not name. */
  g_assert_cmpint (atlas_entity_kind_lookup ("spaceship")->kind, ==, ATLAS_ENTITY_OTHER);
  g_assert_cmpint (atlas_entity_kind_lookup (NULL)->kind, ==, ATLAS_ENTITY_OTHER);
  g_assert_cmpint (atlas_entity_kind_lookup ("Company")->kind, ==, ATLAS_ENTITY_OTHER);

  /* Every kind is found by its own id, and all but "other" can be hidden
   * from the graph by a property of its own. */
  for (guint k = 0; k < ATLAS_N_ENTITY_KINDS; k++)
    {
      const AtlasEntityKindInfo *info = atlas_entity_kind_get (k);

      g_assert_cmpint (info->kind, ==, k);
      g_assert_true (atlas_entity_kind_lookup (info->id) == info);
      g_assert_nonnull (info->label);
      g_assert_nonnull (info->plural);
      g_assert_true ((info->option != NULL) == (k != ATLAS_ENTITY_OTHER));
      g_assert_nonnull (atlas_filter_group_toggle_action (info->group));
    }
  g_assert_cmpstr (atlas_filter_group_toggle_action (ATLAS_FILTER_GROUP_COUNTRIES), ==, "win.toggle-country");
  g_assert_cmpstr (atlas_filter_group_toggle_action (ATLAS_FILTER_GROUP_COMPANIES), ==, "win.toggle-company");
  g_assert_cmpstr (atlas_filter_group_toggle_action (ATLAS_FILTER_GROUP_ENTITIES), ==, "win.toggle-entity");
}

static void
test_event_kinds_and_predicates (void)
{
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    g_assert_true (atlas_event_kind_lookup (atlas_event_kind_get (k)->id) == atlas_event_kind_get (k));
  g_assert_cmpint (atlas_event_kind_lookup ("opening")->kind, ==, ATLAS_EVENT_OPENING);
  g_assert_cmpint (atlas_event_kind_lookup ("ribbon-cutting")->kind, ==, ATLAS_EVENT_OTHER);

  for (guint p = 0; p < ATLAS_N_PREDICATES; p++)
    g_assert_true (atlas_predicate_lookup (atlas_predicate_get (p)->id) == atlas_predicate_get (p));
  g_assert_cmpstr (atlas_predicate_lookup ("invests_in")->label, ==, "invests in");
  g_assert_cmpint (atlas_predicate_lookup ("loves")->predicate, ==, ATLAS_PREDICATE_RELATED_TO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kinds/entity-kinds", test_entity_kinds);
  g_test_add_func ("/kinds/event-kinds-and-predicates", test_event_kinds_and_predicates);

  return g_test_run ();
}
