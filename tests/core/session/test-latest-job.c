/* test-latest-job.c: one worker at a time, only the latest result delivered */
#include "atlas-latest-job.h"

typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  open;         /* workers may finish */
  GArray   *ran;
  GArray   *delivered;
  GArray   *posted;
  GThread  *main_thread;
  guint     prepared;     /* requests whose worker was about to start */
  gboolean  posted_off_main;
} Fixture;

static Fixture fixture;

static void
fixture_setup (void)
{
  g_mutex_init (&fixture.lock);
  g_cond_init (&fixture.cond);
  fixture.open = FALSE;
  fixture.ran = g_array_new (FALSE, FALSE, sizeof (int));
  fixture.delivered = g_array_new (FALSE, FALSE, sizeof (int));
  fixture.posted = g_array_new (FALSE, FALSE, sizeof (int));
  fixture.main_thread = g_thread_self ();
  fixture.posted_off_main = FALSE;
  fixture.prepared = 0;
}

static void
fixture_teardown (void)
{
  g_array_unref (fixture.ran);
  g_array_unref (fixture.delivered);
  g_array_unref (fixture.posted);
  g_mutex_clear (&fixture.lock);
  g_cond_clear (&fixture.cond);
}

static void
open_gate (void)
{
  g_mutex_lock (&fixture.lock);
  fixture.open = TRUE;
  g_cond_broadcast (&fixture.cond);
  g_mutex_unlock (&fixture.lock);
}

static gboolean
on_posted (gpointer data)
{
  int value = GPOINTER_TO_INT (data);

  if (g_thread_self () != fixture.main_thread)
    fixture.posted_off_main = TRUE;
  g_array_append_val (fixture.posted, value);
  return G_SOURCE_REMOVE;
}

/* Posts its value, then waits at the gate (or for its cancellation) and
 * returns its value. */
static void
worker (GTask        *task,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  int value = GPOINTER_TO_INT (task_data);

  g_mutex_lock (&fixture.lock);
  g_array_append_val (fixture.ran, value);
  g_mutex_unlock (&fixture.lock);
  atlas_latest_job_post (task, on_posted, GINT_TO_POINTER (value), NULL);

  g_mutex_lock (&fixture.lock);
  while (!fixture.open && !g_cancellable_is_cancelled (cancellable))
    {
      gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_MILLISECOND;
      g_cond_wait_until (&fixture.cond, &fixture.lock, until);
    }
  g_mutex_unlock (&fixture.lock);
  g_task_return_int (task, value);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  int value = (int) g_task_propagate_int (G_TASK (result), &error);

  g_assert_no_error (error);
  g_assert_true (g_thread_self () == fixture.main_thread);
  g_array_append_val (fixture.delivered, value);
}

static void
count_prepared (gpointer source_object,
                gpointer task_data)
{
  g_assert_true (g_thread_self () == fixture.main_thread);
  fixture.prepared++;
}

static void
run (AtlasLatestJob *job,
     GObject        *source,
     int             value)
{
  atlas_latest_job_run (job, source, worker, GINT_TO_POINTER (value), NULL, on_done, NULL);
}

static void
wait_idle (AtlasLatestJob *job)
{
  while (atlas_latest_job_get_busy (job))
    g_main_context_iteration (NULL, TRUE);
  /* Posts queued before the end. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
test_one_request (void)
{
  g_autoptr(AtlasLatestJob) job = atlas_latest_job_new ();
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);

  fixture_setup ();
  open_gate ();
  run (job, source, 7);
  g_assert_true (atlas_latest_job_get_busy (job));
  wait_idle (job);

  g_assert_cmpuint (fixture.delivered->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture.delivered, int, 0), ==, 7);
  g_assert_cmpuint (fixture.posted->len, ==, 1);
  g_assert_false (fixture.posted_off_main);
  fixture_teardown ();
}

/* Ten requests while the first runs: the first is stopped, the eight in
 * between never run, the last runs and is the only one delivered. */
static void
test_latest_wins (void)
{
  g_autoptr(AtlasLatestJob) job = atlas_latest_job_new ();
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);

  fixture_setup ();
  atlas_latest_job_set_prepare (job, count_prepared);
  for (int i = 1; i <= 10; i++)
    run (job, source, i);
  open_gate ();
  wait_idle (job);

  g_assert_cmpuint (fixture.ran->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture.ran, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (fixture.ran, int, 1), ==, 10);
  /* Only those two were prepared: the eight replaced ones cost nothing. */
  g_assert_cmpuint (fixture.prepared, ==, 2);
  g_assert_cmpuint (fixture.delivered->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture.delivered, int, 0), ==, 10);
  /* What the stopped worker posted after it was replaced never arrives. */
  for (guint i = 0; i < fixture.posted->len; i++)
    g_assert_cmpint (g_array_index (fixture.posted, int, i), ==, 10);
  fixture_teardown ();
}

static void
on_busy (GObject    *job,
         GParamSpec *pspec,
         gpointer    user_data)
{
  GArray *states = user_data;
  gboolean busy = atlas_latest_job_get_busy (ATLAS_LATEST_JOB (job));

  g_array_append_val (states, busy);
}

/* Cancelled (its owner going away): nothing is delivered, and "busy" goes
 * back to FALSE once the worker is done. */
static void
test_cancel (void)
{
  g_autoptr(AtlasLatestJob) job = atlas_latest_job_new ();
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (gboolean));

  fixture_setup ();
  g_signal_connect (job, "notify::busy", G_CALLBACK (on_busy), states);
  run (job, NULL, 1);
  run (job, NULL, 2);
  atlas_latest_job_cancel (job);
  wait_idle (job);

  g_assert_cmpuint (fixture.ran->len, ==, 1);
  g_assert_cmpuint (fixture.delivered->len, ==, 0);
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_true (g_array_index (states, gboolean, 0));
  g_assert_false (g_array_index (states, gboolean, 1));

  /* The job is usable again. */
  open_gate ();
  run (job, NULL, 3);
  wait_idle (job);
  g_assert_cmpuint (fixture.delivered->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture.delivered, int, 0), ==, 3);
  fixture_teardown ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/latest-job/one-request", test_one_request);
  g_test_add_func ("/latest-job/latest-wins", test_latest_wins);
  g_test_add_func ("/latest-job/cancel", test_cancel);

  return g_test_run ();
}
