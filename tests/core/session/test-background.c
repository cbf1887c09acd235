/* Background work runs below the main thread's priority, and is otherwise
 * what g_task_run_in_thread() would have run. */
#include <gio/gio.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "atlas-background.h"

typedef struct
{
  int      main_nice;
  int      worker_nice;
  gpointer seen_data;
  gboolean in_main_thread;
} Seen;

static int
current_nice (void)
{
#ifdef __linux__
  return getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
#else
  return 0;
#endif
}

static void
note_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Seen *seen = task_data;

  seen->worker_nice = current_nice ();
  seen->seen_data = task_data;
  seen->in_main_thread = g_main_context_is_owner (g_main_context_default ());
  g_task_return_int (task, 42);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gssize *value = user_data;

  *value = g_task_propagate_int (G_TASK (result), NULL);
}

static void
test_runs_below_the_main_thread (void)
{
  Seen seen = { .main_nice = current_nice (), .worker_nice = G_MININT };
  gssize value = -1;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_done, &value);

  g_task_set_task_data (task, &seen, NULL);
  atlas_task_run_in_background (task, note_thread);
  while (value == -1)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (value, ==, 42);
  g_assert_true (seen.seen_data == &seen);
  g_assert_false (seen.in_main_thread);
#ifdef __linux__
  if (seen.main_nice < 19)  /* else there is no lower priority */
    g_assert_cmpint (seen.worker_nice, ==, MIN (seen.main_nice + 10, 19));
#endif
  /* The main thread keeps its own priority. */
  g_assert_cmpint (current_nice (), ==, seen.main_nice);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/background/runs-below-the-main-thread", test_runs_below_the_main_thread);
  return g_test_run ();
}
