/* Work that can wait: layouts, queries for the views, imports.
 *
 * On two cores, three such threads at the main thread's priority left it a
 * third of a core while the graph and the timeline rebuilt, and a filter
 * change took 150 ms to reach the screen. Their threads run at a lower
 * priority instead: they still get every cycle the main thread leaves.
 */
#include "atlas-background.h"

#include <errno.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* How far below the process's own nice value: far enough that the main
 * thread keeps a core while it needs one (a weight of 110 against 1024), not
 * so far that a busy window starves an import. */
#define BACKGROUND_NICE 10

/* Lowers the calling thread's priority, once; a pool thread keeps it for
 * the next work it is given, all of which is background work too. Without
 * a per-thread priority (not Linux) it does nothing. */
void
atlas_background_thread_enter (void)
{
  static GPrivate entered;

  if (g_private_get (&entered) != NULL)
    return;
  g_private_set (&entered, GINT_TO_POINTER (TRUE));
#ifdef __linux__
  {
    /* On Linux a nice value belongs to a thread, not to the process; a new
     * thread starts at its creator's, which may be niced already. */
    id_t thread = (id_t) syscall (SYS_gettid);
    int nice_value = getpriority (PRIO_PROCESS, thread);

    if (setpriority (PRIO_PROCESS, thread, MIN (nice_value + BACKGROUND_NICE, 19)) != 0)
      g_debug ("Could not lower a worker thread's priority: %s", g_strerror (errno));
  }
#endif
}

static GQuark
background_func_quark (void)
{
  return g_quark_from_static_string ("atlas-background-func");
}

static void
run_in_background (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GTaskThreadFunc func = (GTaskThreadFunc) g_object_get_qdata (G_OBJECT (task), background_func_quark ());

  atlas_background_thread_enter ();
  func (task, source_object, task_data, cancellable);
}

/* g_task_run_in_thread(), on a thread of lower priority than the main one. */
void
atlas_task_run_in_background (GTask           *task,
                              GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  g_object_set_qdata (G_OBJECT (task), background_func_quark (), (gpointer) func);
  g_task_run_in_thread (task, run_in_background);
}
