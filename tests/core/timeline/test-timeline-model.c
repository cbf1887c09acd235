/* test-timeline-model.c: the events of the session's selection, read in a worker */
#include "atlas-session.h"
#include "atlas-test-util.h"
#include "atlas-timeline-model.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *notifications)
{
  (*notifications)++;
}

/* Until the model's worker is done. */
static void
wait_idle (AtlasTimelineModel *model)
{
  atlas_test_wait_while (model, "busy", 20);
}

/* The model's events are those SQL gives for the selection's articles,
 * dates aside, in the same order. */
static void
assert_events_of (AtlasTimelineModel *model,
                  AtlasStore         *store,
                  GArray             *ids)
{
  g_autoptr(GPtrArray) expected = atlas_query_events_for_articles (store, ids, NULL, G_MININT64, G_MAXINT64, NULL);
  GPtrArray *events = atlas_timeline_model_get_events (model);

  g_assert_nonnull (expected);
  g_assert_nonnull (events);
  g_assert_cmpuint (events->len, ==, expected->len);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (((AtlasEventInfo *) g_ptr_array_index (events, i))->id, ==,
                     ((AtlasEventInfo *) g_ptr_array_index (expected, i))->id);
}

static void
test_follows_selection (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_corpus_store (dir);
  g_autoptr(AtlasViewState) state = atlas_view_state_new ();
  g_autoptr(AtlasSession) session = atlas_session_new (store, state);
  g_autoptr(AtlasTimelineModel) model = NULL;
  GPtrArray *all_events;
  guint n_all, notifications = 0;

  /* Before the first frame no worker starts: the model waits. */
  model = atlas_timeline_model_new (session);
  g_assert_true (atlas_timeline_model_get_busy (model));
  g_assert_null (atlas_timeline_model_get_events (model));
  atlas_session_allow_workers (session);
  wait_idle (model);
  assert_events_of (model, store, NULL);
  n_all = atlas_timeline_model_get_events (model)->len;
  g_assert_cmpuint (n_all, >, 0);

  /* A country: its articles' events, told once. */
  g_signal_connect (model, "notify::events", G_CALLBACK (count_notify), &notifications);
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  g_assert_true (atlas_timeline_model_get_busy (model));
  wait_idle (model);
  g_assert_cmpuint (notifications, ==, 1);
  assert_events_of (model, store, atlas_session_get_selection (session)->undated_ids);
  g_assert_cmpuint (atlas_timeline_model_get_events (model)->len, <, n_all);

  /* Two changes in a row: only the last is read and told. */
  notifications = 0;
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "RU");
  atlas_view_state_toggle (state, ATLAS_FILTER_GROUP_COUNTRIES, "GB");
  wait_idle (model);
  g_assert_cmpuint (notifications, ==, 1);
  assert_events_of (model, store, atlas_session_get_selection (session)->undated_ids);

  /* Back to every article, then a date range alone: the events of the
   * whole store stand, nothing is read again. */
  atlas_view_state_clear_filter (state);
  wait_idle (model);
  assert_events_of (model, store, NULL);
  all_events = atlas_timeline_model_get_events (model);
  notifications = 0;
  atlas_view_state_set_date_range (state, 1704067200, 1735689600);
  g_assert_false (atlas_timeline_model_get_busy (model));
  g_assert_cmpuint (notifications, ==, 0);
  g_assert_true (atlas_timeline_model_get_events (model) == all_events);

  g_clear_object (&model);
  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-model/follows-selection", test_follows_selection);
  return g_test_run ();
}
