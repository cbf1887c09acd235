/* test-refresher.c: when the subscriptions are refreshed, one refresh at a time */
#include "atlas-refresher.h"
#include "atlas-test-server.h"
#include "atlas-test-util.h"

typedef struct
{
  guint    finished;
  gboolean asked;
  guint    new_articles;
} Outcome;

static void
on_finished (AtlasRefresher          *refresher,
             gboolean                 asked,
             const AtlasRefreshTally *tally,
             const char              *error,
             Outcome                 *outcome)
{
  g_assert_nonnull (tally);
  g_assert_null (error);
  outcome->finished++;
  outcome->asked = asked;
  outcome->new_articles = tally->new_articles;
}

static void
wait_finished (AtlasRefresher *refresher)
{
  gint64 deadline = atlas_test_deadline (20);

  while (atlas_refresher_get_refreshing (refresher) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_refresher_get_refreshing (refresher));
}

static void
test_refresh (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasRefresher) refresher = atlas_refresher_new (store);
  g_autofree char *url = atlas_test_server_url (server, "/feed.json");
  g_autoptr(AtlasRefreshReport) added = NULL;
  Outcome outcome = { 0 };

  g_signal_connect (refresher, "finished", G_CALLBACK (on_finished), &outcome);
  g_assert_cmpuint (atlas_refresher_get_interval (refresher), ==, ATLAS_DEFAULT_REFRESH_MINUTES);
  /* Nothing to refresh: said, not done. */
  g_assert_false (atlas_refresher_start (refresher, TRUE));
  g_assert_false (atlas_refresher_get_refreshing (refresher));

  atlas_test_server_set_feed (server, "/feed.json",
                              "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"F\","
                              " \"items\": [{\"id\": \"1\", \"title\": \"One\"}]}");
  added = atlas_subscriptions_add (store, url, ATLAS_DISCOVERY_OFFER, NULL, NULL);
  g_assert_cmpint (added->outcome, ==, ATLAS_REFRESH_UPDATED);

  /* Just subscribed: not due yet within the interval. */
  atlas_refresher_refresh_if_due (refresher);
  g_assert_false (atlas_refresher_get_refreshing (refresher));

  /* Asked twice while one runs: one refresh. */
  atlas_test_server_set_feed (server, "/feed.json",
                              "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"F\","
                              " \"items\": [{\"id\": \"1\", \"title\": \"One\"}, {\"id\": \"2\", \"title\": \"Two\"}]}");
  g_assert_true (atlas_refresher_start (refresher, TRUE));
  g_assert_true (atlas_refresher_get_refreshing (refresher));
  g_assert_true (atlas_refresher_start (refresher, FALSE));
  wait_finished (refresher);
  g_assert_cmpuint (outcome.finished, ==, 1);
  g_assert_true (outcome.asked);
  g_assert_cmpuint (outcome.new_articles, ==, 1);
  g_assert_cmpuint (atlas_test_server_get_hits (server, "/feed.json"), ==, 2);

  /* Due once the interval has passed since the last refresh. */
  g_assert_true (atlas_store_exec (store, "UPDATE feeds SET last_checked = last_checked - 3 * 3600", NULL));
  atlas_refresher_refresh_if_due (refresher);
  g_assert_true (atlas_refresher_get_refreshing (refresher));
  wait_finished (refresher);
  g_assert_cmpuint (outcome.finished, ==, 2);
  g_assert_false (outcome.asked);

  g_clear_object (&refresher);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/refresher/refresh", test_refresh);

  return g_test_run ();
}
