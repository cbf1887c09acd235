/* atlas-session.c: the filter's selection, computed once for every view
 *
 * Every view shows the same articles: those that pass the view state's
 * filter. The session evaluates the filter once per change, against the
 * in-memory article index, and keeps the result (AtlasSelection: the list's
 * ids, the facet counts, and what the timeline needs) until the next change;
 * one "selection-changed" tells every view to follow. The index is built
 * again when the store changes: at once for a small store, so the views are
 * never out of date, and in a worker for a large one while the previous
 * index keeps serving.
 */
#include "config.h"

#include "atlas-session.h"
#include "atlas-latest-job.h"

/* Up to this many articles the index is built at once on the calling thread
 * (about 10 ms); above, in a worker. */
#define INDEX_IN_PLACE_ARTICLES 2000

struct _AtlasSession
{
  GObject            parent_instance;

  AtlasStore        *store;
  AtlasViewState    *view_state;
  AtlasArticleIndex *index;
  AtlasSelection    *selection;
  char              *error;
  AtlasLatestJob    *index_job;
  gboolean           workers_allowed;
  gboolean           index_outdated;  /* waits for workers to be allowed */
  guint              store_generation;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW_STATE,
  PROP_LOADING,
  PROP_WORKERS_ALLOWED,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasSession, atlas_session, G_TYPE_OBJECT)

static void
set_error (AtlasSession *self,
           const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
}

/* Evaluates the filter against the index; without an index yet (a large
 * store being read) there is no selection. */
static void
reselect (AtlasSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->selection, atlas_selection_unref);
  g_clear_pointer (&self->error, g_free);
  if (self->index != NULL)
    {
      self->selection = atlas_article_index_select (self->index, self->store,
                                                    atlas_view_state_get_filter (self->view_state), &error);
      if (self->selection == NULL)
        set_error (self, error->message);
    }
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
take_index (AtlasSession      *self,
            AtlasArticleIndex *index)
{
  gboolean was_loading = self->index == NULL;

  g_clear_pointer (&self->index, atlas_article_index_unref);
  self->index = index;
  reselect (self);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_index_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AtlasSession *self = ATLAS_SESSION (source);
  g_autoptr(GError) error = NULL;
  AtlasArticleIndex *index = g_task_propagate_pointer (G_TASK (result), &error);

  if (index != NULL)
    take_index (self, index);
  else
    {
      set_error (self, error->message);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static gint64
largest_article_id (AtlasStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, "SELECT max(id) FROM articles", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
update_index (AtlasSession *self)
{
  g_autoptr(GError) error = NULL;
  AtlasArticleIndex *index;

  if (largest_article_id (self->store) > INDEX_IN_PLACE_ARTICLES)
    {
      /* Workers wait for the window's first frame: on two cores they would
       * slow it. */
      if (!self->workers_allowed)
        {
          self->index_outdated = TRUE;
          return;
        }
      self->index_outdated = FALSE;
      atlas_latest_job_run (self->index_job, self, atlas_article_index_build_thread,
                            g_strdup (atlas_store_get_path (self->store)), g_free, on_index_built, NULL);
      return;
    }

  index = atlas_article_index_new (self->store, NULL, &error);
  if (index == NULL)
    {
      set_error (self, error->message);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
      return;
    }
  take_index (self, index);
}

static void
on_store_changed (AtlasSession *self)
{
  self->store_generation++;
  update_index (self);
}

static void
atlas_session_constructed (GObject *object)
{
  AtlasSession *self = ATLAS_SESSION (object);

  G_OBJECT_CLASS (atlas_session_parent_class)->constructed (object);

  g_signal_connect_object (self->view_state, "filter-changed", G_CALLBACK (reselect), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  update_index (self);
}

static void
atlas_session_dispose (GObject *object)
{
  AtlasSession *self = ATLAS_SESSION (object);

  if (self->index_job != NULL)
    atlas_latest_job_cancel (self->index_job);
  g_clear_object (&self->index_job);
  g_clear_object (&self->store);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (atlas_session_parent_class)->dispose (object);
}

static void
atlas_session_finalize (GObject *object)
{
  AtlasSession *self = ATLAS_SESSION (object);

  g_clear_pointer (&self->index, atlas_article_index_unref);
  g_clear_pointer (&self->selection, atlas_selection_unref);
  g_free (self->error);

  G_OBJECT_CLASS (atlas_session_parent_class)->finalize (object);
}

static void
atlas_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view_state);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, atlas_session_get_loading (self));
      break;

    case PROP_WORKERS_ALLOWED:
      g_value_set_boolean (value, self->workers_allowed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_VIEW_STATE:
      self->view_state = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_class_init (AtlasSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_session_constructed;
  object_class->dispose = atlas_session_dispose;
  object_class->finalize = atlas_session_finalize;
  object_class->get_property = atlas_session_get_property;
  object_class->set_property = atlas_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, ATLAS_TYPE_VIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* No index yet: a large store is being read for the first time. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Work for the views may start in workers (atlas_session_allow_workers()). */
  properties[PROP_WORKERS_ALLOWED] =
    g_param_spec_boolean ("workers-allowed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSession::selection-changed:
   *
   * The filter or the store changed, and the selection (or the error) with
   * it. Emitted once per change, after the selection is computed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_session_init (AtlasSession *self)
{
  self->index_job = atlas_latest_job_new ();
}

AtlasSession *
atlas_session_new (AtlasStore     *store,
                   AtlasViewState *view_state)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (view_state), NULL);

  return g_object_new (ATLAS_TYPE_SESSION, "store", store, "view-state", view_state, NULL);
}

AtlasStore *
atlas_session_get_store (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  return self->store;
}

AtlasViewState *
atlas_session_get_view_state (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  return self->view_state;
}

/* What the filter selects now, or NULL while a large store is read for the
 * first time or when the store could not be read (see
 * atlas_session_get_error()). Hold a reference to keep it past the next
 * change. */
AtlasSelection *
atlas_session_get_selection (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  return self->selection;
}

const char *
atlas_session_get_error (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  return self->error;
}

gboolean
atlas_session_get_loading (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  return self->index == NULL;
}

/* Lets work start in workers from now on: a large store's index, and what
 * the views build from the selection. The window calls it once its first
 * frame is on screen: on two cores, workers would slow that frame. */
void
atlas_session_allow_workers (AtlasSession *self)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  if (self->workers_allowed)
    return;
  self->workers_allowed = TRUE;
  if (self->index_outdated)
    update_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKERS_ALLOWED]);
}

gboolean
atlas_session_get_workers_allowed (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  return self->workers_allowed;
}

/* Whether the filter (its dates aside, with `dates_aside`) chooses nothing,
 * so that every article is selected: known without the index, so a view of
 * everything (the usual start) need not wait for it, nor pass the ids. */
gboolean
atlas_session_selects_all (AtlasSession *self,
                           gboolean      dates_aside)
{
  g_autoptr(AtlasFilter) filter = NULL;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  filter = atlas_filter_copy (atlas_view_state_get_filter (self->view_state));
  if (dates_aside)
    {
      filter->since = G_MININT64;
      filter->until = G_MAXINT64;
    }
  return atlas_filter_is_empty (filter);
}

/* Bumped each time the store changes: a view built from all the articles
 * of one generation need not build again when the index of that same
 * store arrives. */
guint
atlas_session_get_store_generation (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), 0);
  return self->store_generation;
}

/* Whether a model's worker may read the selection now, and which articles:
 * `ids` NULL for all of them (no index needed), or the selection's (its
 * dates aside or not), a reference the caller owns. FALSE before workers
 * may start, or while a large store is read for the first time and the
 * filter chooses some articles; the session tells when that ends. */
gboolean
atlas_session_begin_read (AtlasSession     *self,
                          gboolean          dates_aside,
                          AtlasSessionRead *read,
                          GArray          **ids)
{
  gboolean all;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (read != NULL && ids != NULL, FALSE);

  all = atlas_session_selects_all (self, dates_aside);
  *ids = NULL;
  /* Nothing read now: nothing of a read before stands either. */
  read->all = FALSE;
  if (!self->workers_allowed || (self->selection == NULL && !all))
    return FALSE;
  read->all = all;
  read->store_generation = self->store_generation;
  if (!all)
    *ids = g_array_ref (dates_aside ? self->selection->undated_ids : self->selection->ids);
  return TRUE;
}

/* Whether what a worker read of every article, or is reading still, stands
 * for the new selection: the same store, and still every article (the index
 * of that store arriving changes nothing, nor does a date range when the
 * dates are aside). A read in flight counts: reading the same rows again
 * behind it would double the first wait on a large store. */
gboolean
atlas_session_read_stands (AtlasSession           *self,
                           const AtlasSessionRead *read,
                           gboolean                dates_aside)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (read != NULL, FALSE);

  return read->all && read->store_generation == self->store_generation && atlas_session_selects_all (self, dates_aside);
}
