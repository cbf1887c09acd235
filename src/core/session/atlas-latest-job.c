/* atlas-latest-job.c: background work where only the latest request counts
 *
 * A filter changed ten times while a large store is read must give one more
 * read, not ten at once, each with its own connection and its own copy of
 * the data. So a job runs one worker at a time: a new request stops the
 * running one (its cancellable is cancelled; what it returns is dropped) and
 * waits for it, and a request that a newer one replaced before it started is
 * never run. Only the result of the latest request reaches its callback, on
 * the thread that made it, through GTask's own idle source. What is costly
 * to snapshot for a request (the positions on screen, say) can be taken by
 * a prepare function when its worker starts, so a request replaced while it
 * waited costs nothing.
 */
#include "atlas-latest-job.h"

#include "atlas-background.h"

typedef struct
{
  gpointer             source_object;
  GTaskThreadFunc      func;
  gpointer             task_data;
  GDestroyNotify       task_data_free;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Request;

struct _AtlasLatestJob
{
  GObject              parent_instance;

  gboolean             running;
  GCancellable        *cancellable;  /* the running worker's */
  GAsyncReadyCallback  callback;     /* for the running worker's result */
  gpointer             user_data;
  Request             *pending;      /* asked for while one runs */
  AtlasLatestJobPrepare prepare;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasLatestJob, atlas_latest_job, G_TYPE_OBJECT)

static void
request_free (Request *request)
{
  if (request->task_data_free != NULL)
    request->task_data_free (request->task_data);
  g_clear_object (&request->source_object);
  g_free (request);
}

static void start (AtlasLatestJob *self,
                   Request        *request);

static void
on_task_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasLatestJob) self = user_data;
  Request *pending = g_steal_pointer (&self->pending);

  self->running = FALSE;
  if (pending != NULL)
    {
      /* Already out of date: the newer request runs instead. */
      start (self, pending);
      return;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    self->callback (source, result, self->user_data);
}

/* Runs `request`, whose data the task takes. */
static void
start (AtlasLatestJob *self,
       Request        *request)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_busy = atlas_latest_job_get_busy (self);

  self->running = TRUE;
  self->callback = request->callback;
  self->user_data = request->user_data;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->prepare != NULL)
    self->prepare (request->source_object, request->task_data);
  task = g_task_new (request->source_object, self->cancellable, on_task_done, g_object_ref (self));
  g_task_set_source_tag (task, atlas_latest_job_run);
  g_task_set_task_data (task, request->task_data, request->task_data_free);
  request->task_data_free = NULL;
  atlas_task_run_in_background (task, request->func);
  request_free (request);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
atlas_latest_job_dispose (GObject *object)
{
  atlas_latest_job_cancel (ATLAS_LATEST_JOB (object));

  G_OBJECT_CLASS (atlas_latest_job_parent_class)->dispose (object);
}

static void
atlas_latest_job_finalize (GObject *object)
{
  AtlasLatestJob *self = ATLAS_LATEST_JOB (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_latest_job_parent_class)->finalize (object);
}

static void
atlas_latest_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasLatestJob *self = ATLAS_LATEST_JOB (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, atlas_latest_job_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_latest_job_class_init (AtlasLatestJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_latest_job_dispose;
  object_class->finalize = atlas_latest_job_finalize;
  object_class->get_property = atlas_latest_job_get_property;

  /* A worker runs or waits to run: the result shown is not the latest. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_latest_job_init (AtlasLatestJob *self)
{
}

AtlasLatestJob *
atlas_latest_job_new (void)
{
  return g_object_new (ATLAS_TYPE_LATEST_JOB, NULL);
}

void
atlas_latest_job_set_prepare (AtlasLatestJob        *self,
                              AtlasLatestJobPrepare  prepare)
{
  g_return_if_fail (ATLAS_IS_LATEST_JOB (self));
  self->prepare = prepare;
}

/* Runs `func` in a background thread as a GTask of `source_object` holding
 * `task_data`, once no other worker of this job runs; `callback` gets the
 * result unless a newer request or atlas_latest_job_cancel() came first. */
void
atlas_latest_job_run (AtlasLatestJob      *self,
                      gpointer             source_object,
                      GTaskThreadFunc      func,
                      gpointer             task_data,
                      GDestroyNotify       task_data_free,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Request *request;

  g_return_if_fail (ATLAS_IS_LATEST_JOB (self));
  g_return_if_fail (source_object == NULL || G_IS_OBJECT (source_object));
  g_return_if_fail (func != NULL && callback != NULL);

  request = g_new0 (Request, 1);
  request->source_object = source_object ? g_object_ref (source_object) : NULL;
  request->func = func;
  request->task_data = task_data;
  request->task_data_free = task_data_free;
  request->callback = callback;
  request->user_data = user_data;

  if (!self->running)
    {
      start (self, request);
      return;
    }
  /* The worker gives up at its next check; the newest request replaces any
   * that waited. */
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->pending, request_free);
  self->pending = request;
}

/* Stops the running worker and forgets the waiting request: no callback is
 * called after this (the owner may be going away). */
void
atlas_latest_job_cancel (AtlasLatestJob *self)
{
  g_return_if_fail (ATLAS_IS_LATEST_JOB (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->pending, request_free);
}

gboolean
atlas_latest_job_get_busy (AtlasLatestJob *self)
{
  g_return_val_if_fail (ATLAS_IS_LATEST_JOB (self), FALSE);

  return self->running || self->pending != NULL;
}

typedef struct
{
  GCancellable   *cancellable;
  GSourceFunc     func;
  gpointer        data;
  GDestroyNotify  data_free;
} Post;

static void
post_free (gpointer data)
{
  Post *post = data;

  if (post->data_free != NULL)
    post->data_free (post->data);
  g_object_unref (post->cancellable);
  g_free (post);
}

static gboolean
dispatch_post (gpointer data)
{
  Post *post = data;

  if (!g_cancellable_is_cancelled (post->cancellable))
    post->func (post->data);
  return G_SOURCE_REMOVE;
}

/* From a worker of a job: calls `func (data)` on the thread that made the
 * request, unless the request was replaced or cancelled meanwhile. Always
 * through an idle source: g_main_context_invoke() from a worker runs the
 * function right there whenever it can take the main context, as it can
 * between two iterations of GApplication's loop. */
void
atlas_latest_job_post (GTask          *task,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  data_free)
{
  g_autoptr(GSource) source = g_idle_source_new ();
  Post *post = g_new0 (Post, 1);

  g_return_if_fail (G_IS_TASK (task) && g_task_get_cancellable (task) != NULL);

  post->cancellable = g_object_ref (g_task_get_cancellable (task));
  post->func = func;
  post->data = data;
  post->data_free = data_free;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_post, post, post_free);
  g_source_set_static_name (source, "[atlas] latest job update");
  g_source_attach (source, g_task_get_context (task));
}
