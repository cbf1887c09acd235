/* test-lanes.c: the timeline's rows: by kind, by company, the rest together */
#include <math.h>

#include "atlas-lanes.h"
#include "atlas-query.h"

static AtlasEventInfo *
event_new (const char *kind,
           const char *first_entity,
           ...)
{
  AtlasEventInfo *event = g_new0 (AtlasEventInfo, 1);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (AtlasEventEntity));
  va_list args;

  /* atlas_event_info_free() releases shared strings; these stay the test's. */
  event->kind = (char *) kind;
  event->amount = NAN;
  event->quantity = NAN;
  va_start (args, first_entity);
  for (const char *id = first_entity; id != NULL; id = va_arg (args, const char *))
    {
      AtlasEventEntity entity = { id, va_arg (args, const char *), va_arg (args, const char *) };
      g_array_append_val (entities, entity);
    }
  va_end (args);
  event->n_entities = entities->len;
  event->entities = (AtlasEventEntity *) (gpointer) g_array_free (g_steal_pointer (&entities), FALSE);
  return event;
}

static void
event_free (gpointer data)
{
  AtlasEventInfo *event = data;

  g_free (event->entities);
  g_free (event);
}

static GPtrArray *
some_events (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (event_free);

  g_ptr_array_add (events, event_new ("opening", "nscale", "Nscale", "company", "loughton", "Loughton", "site", NULL));
  g_ptr_array_add (events, event_new ("funding", "nscale", "Nscale", "company", NULL));
  g_ptr_array_add (events, event_new ("opening", "coreweave", "CoreWeave", "company", NULL));
  g_ptr_array_add (events, event_new ("ribbon-cutting", "nhs", "NHS", "organization", NULL));
  g_ptr_array_add (events, event_new ("investment", "amazon", "Amazon", "company", "nscale", "Nscale", "company", NULL));
  return events;
}

static guint
member (AtlasLane *lane,
        guint      i)
{
  return g_array_index (lane->members, guint, i);
}

/* A lane per kind present, in the kinds' order; an unknown kind is "other". */
static void
test_by_kind (void)
{
  g_autoptr(GPtrArray) events = some_events ();
  g_autoptr(GPtrArray) lanes = atlas_lanes_by_kind (events);
  AtlasLane *lane;

  g_assert_cmpuint (lanes->len, ==, 4);
  lane = g_ptr_array_index (lanes, 0);
  g_assert_cmpint (lane->kind, ==, ATLAS_EVENT_INVESTMENT);
  g_assert_cmpstr (lane->label, ==, "Investments");
  lane = g_ptr_array_index (lanes, 2);
  g_assert_cmpint (lane->kind, ==, ATLAS_EVENT_OPENING);
  g_assert_cmpuint (lane->members->len, ==, 2);
  g_assert_cmpuint (member (lane, 0), ==, 0);
  g_assert_cmpuint (member (lane, 1), ==, 2);
  lane = g_ptr_array_index (lanes, 3);
  g_assert_cmpint (lane->kind, ==, ATLAS_EVENT_OTHER);
  g_assert_cmpuint (member (lane, 0), ==, 3);
}

/* The companies named most, ties by name; an event in each of its
 * companies' lanes; the rest, sites and organizations aside, in Others. */
static void
test_by_company (void)
{
  g_autoptr(GPtrArray) events = some_events ();
  g_autoptr(GPtrArray) lanes = atlas_lanes_by_company (events, 2);
  AtlasLane *lane;

  g_assert_cmpuint (lanes->len, ==, 3);
  lane = g_ptr_array_index (lanes, 0);
  g_assert_cmpint (lane->type, ==, ATLAS_LANE_COMPANY);
  g_assert_cmpstr (lane->label, ==, "Nscale");
  g_assert_cmpuint (lane->members->len, ==, 3);
  lane = g_ptr_array_index (lanes, 1);
  g_assert_cmpstr (lane->label, ==, "Amazon");
  g_assert_cmpuint (member (lane, 0), ==, 4);
  lane = g_ptr_array_index (lanes, 2);
  g_assert_cmpint (lane->type, ==, ATLAS_LANE_OTHERS);
  g_assert_cmpuint (lane->members->len, ==, 2);
  g_assert_cmpuint (member (lane, 0), ==, 2);
  g_assert_cmpuint (member (lane, 1), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lanes/by-kind", test_by_kind);
  g_test_add_func ("/lanes/by-company", test_by_company);

  return g_test_run ();
}
