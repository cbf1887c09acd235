/* atlas-timeline-model.c: the events of the session's selection, its dates aside
 *
 * What the timeline and the events table show: the events of the articles
 * the session selects, whatever the date range (the range is a band over
 * them, and the article strip is counted from the selection itself). A
 * worker with its own connection reads them through one AtlasLatestJob, so
 * that a selection changed while one reads waits for it and only the last is
 * read. "busy" is TRUE from a change until its events are in; "events" is
 * notified when they are. A selection of every article, of the store already
 * read, keeps the events it has: a date range alone reads nothing.
 */
#include "config.h"

#include "atlas-latest-job.h"
#include "atlas-query.h"
#include "atlas-timeline-model.h"

struct _AtlasTimelineModel
{
  GObject         parent_instance;

  AtlasSession   *session;
  AtlasLatestJob *job;
  GPtrArray      *events;             /* AtlasEventInfo, by start; NULL before the first read */
  gboolean        busy;
  AtlasSessionRead loaded;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_EVENTS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasTimelineModel, atlas_timeline_model, G_TYPE_OBJECT)

typedef struct
{
  char   *db_path;
  GArray *ids;   /* the selection's articles, dates aside; NULL for all */
  GPtrArray *data_entities;  /* whose data-file events, with `ids` */
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->db_path);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->data_entities, g_ptr_array_unref);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(AtlasStore) store = NULL;
  GPtrArray *events = NULL;
  GError *error = NULL;

  store = atlas_store_open (job->db_path, &error);
  if (store != NULL)
    events = atlas_query_events_for_articles (store, job->ids, job->data_entities, G_MININT64, G_MAXINT64, &error);
  if (events == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_busy (AtlasTimelineModel *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A read that failed (a store gone, say) leaves no events rather than
 * the last selection's. */
static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AtlasTimelineModel *self = ATLAS_TIMELINE_MODEL (source);
  GPtrArray *events = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Both told together, once both are true. */
  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events ? events : g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_event_info_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
  set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The model waits while the session cannot tell which articles to read
 * (atlas_session_begin_read()). */
static void
reload (AtlasTimelineModel *self)
{
  g_autoptr(GArray) ids = NULL;
  ReadJob *job;

  set_busy (self, TRUE);
  if (!atlas_session_begin_read (self->session, TRUE, &self->loaded, &ids))
    return;
  job = g_new0 (ReadJob, 1);
  job->db_path = g_strdup (atlas_store_get_path (atlas_session_get_store (self->session)));
  job->ids = g_steal_pointer (&ids);
  /* The selection's array is immutable: the worker may read it. */
  if (job->ids != NULL && atlas_session_get_selection (self->session) != NULL)
    job->data_entities = g_ptr_array_ref (atlas_session_get_selection (self->session)->event_entities);
  atlas_latest_job_run (self->job, self, read_thread, job, read_job_free, on_read, NULL);
}

/* Every event of this store stands when the index of that same store
 * arrives, or when only the dates changed. */
static void
on_selection_changed (AtlasTimelineModel *self,
                      AtlasSession       *session)
{
  if (atlas_session_read_stands (session, &self->loaded, TRUE))
    return;
  reload (self);
}

static void
atlas_timeline_model_constructed (GObject *object)
{
  AtlasTimelineModel *self = ATLAS_TIMELINE_MODEL (object);

  G_OBJECT_CLASS (atlas_timeline_model_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::workers-allowed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
atlas_timeline_model_dispose (GObject *object)
{
  AtlasTimelineModel *self = ATLAS_TIMELINE_MODEL (object);

  /* A worker holds the job until it ends: stop it, and what it returns. */
  atlas_latest_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->session);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_timeline_model_parent_class)->dispose (object);
}

static void
atlas_timeline_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasTimelineModel *self = ATLAS_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_EVENTS:
      g_value_set_boxed (value, self->events);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasTimelineModel *self = ATLAS_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_model_class_init (AtlasTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_timeline_model_constructed;
  object_class->dispose = atlas_timeline_model_dispose;
  object_class->get_property = atlas_timeline_model_get_property;
  object_class->set_property = atlas_timeline_model_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* GPtrArray of AtlasEventInfo, by start. */
  properties[PROP_EVENTS] =
    g_param_spec_boxed ("events", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_timeline_model_init (AtlasTimelineModel *self)
{
  self->job = atlas_latest_job_new ();
}

AtlasTimelineModel *
atlas_timeline_model_new (AtlasSession *session)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  return g_object_new (ATLAS_TYPE_TIMELINE_MODEL, "session", session, NULL);
}

AtlasSession *
atlas_timeline_model_get_session (AtlasTimelineModel *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_MODEL (self), NULL);

  return self->session;
}

/* NULL before the first read. */
GPtrArray *
atlas_timeline_model_get_events (AtlasTimelineModel *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_MODEL (self), NULL);

  return self->events;
}

gboolean
atlas_timeline_model_get_busy (AtlasTimelineModel *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_MODEL (self), FALSE);

  return self->busy;
}
