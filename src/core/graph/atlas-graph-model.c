/* atlas-graph-model.c: the graph of the session's selection, laid out as it unfolds
 *
 * What the graph view and the entities table show. A worker with its own
 * connection builds the graph of the session's selection (the entities its
 * articles mention, the ties between them) and lays it out, starting from
 * the positions on screen; the graph is sent to the main thread as soon as
 * it is built ("graph-changed"), then its positions every few frames
 * ("positions-changed"), then the final graph ("graph-changed" again, and
 * "busy" falls). One AtlasLatestJob runs the builds: a selection changed
 * during one waits for it, and the updates of a build that was replaced are
 * dropped. Nodes the user pinned keep their place through every update.
 * Options: kinds to leave out (a bit per AtlasEntityKind), ties between
 * entities mentioned together, and an ego (one entity and its neighbours).
 * A graph of more than ATLAS_GRAPH_SUMMARY_NODES entities is shown
 * summarised (the most mentioned, the rest gathered by kind:
 * atlas_graph_summarise()), which also keeps its layout within a second;
 * "show more" on a gathering brings that many more of its kind. The
 * entities table reads every entity.
 */
#include "config.h"

#include <string.h>

#include "atlas-graph-layout.h"
#include "atlas-graph-model.h"
#include "atlas-kinds.h"
#include "atlas-latest-job.h"
#include "atlas-sites.h"

#define STREAM_INTERVAL_USEC (40 * G_TIME_SPAN_MILLISECOND)

struct _AtlasGraphModel
{
  GObject         parent_instance;

  AtlasSession   *session;
  AtlasLatestJob *job;
  AtlasGraph     *graph;     /* as shown: summarised when large */
  AtlasGraph     *entities;  /* every entity of the selection */
  guint           more_of_kind[ATLAS_N_ENTITY_KINDS];
  gboolean        busy;
  AtlasSessionRead built;

  guint           hidden_kinds;
  gboolean        comentions;
  char           *ego;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HIDDEN_KINDS,
  PROP_COMENTIONS,
  PROP_BUSY,
  PROP_EGO,
  N_PROPS
};

enum {
  GRAPH_CHANGED,
  POSITIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasGraphModel, atlas_graph_model, G_TYPE_OBJECT)

/* ---- the worker --------------------------------------------------------- */

typedef struct
{
  char        *db_path;
  GArray      *ids;          /* the selection's articles; NULL for all */
  /* The selection whose sites are shown; NULL before there is one, when
   * every site is (the filter chooses nothing). */
  AtlasSelection *selection;
  AtlasGraph  *previous;
  char       **hidden_kinds;
  gboolean     comentions;
  char        *ego;
  guint        more_of_kind[ATLAS_N_ENTITY_KINDS];
  AtlasGraph  *entities;    /* the whole graph, when summarised */
  GTask       *task;        /* not a reference: the job lives in it */
} BuildJob;

/* The layout as it unfolds: first the graph itself, then its positions. */
typedef struct
{
  AtlasGraphModel *model;
  AtlasGraph      *graph;
  float           *positions;
} LayoutUpdate;

static void
build_job_free (gpointer data)
{
  BuildJob *job = data;

  g_free (job->db_path);
  g_strfreev (job->hidden_kinds);
  g_free (job->ego);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->selection, atlas_selection_unref);
  g_clear_pointer (&job->previous, atlas_graph_unref);
  g_clear_pointer (&job->entities, atlas_graph_unref);
  g_free (job);
}

static void
layout_update_free (gpointer data)
{
  LayoutUpdate *update = data;

  g_object_unref (update->model);
  g_clear_pointer (&update->graph, atlas_graph_unref);
  g_free (update->positions);
  g_free (update);
}

static void apply_layout_update (AtlasGraphModel *self,
                                 LayoutUpdate    *update);

static gboolean
dispatch_layout_update (gpointer data)
{
  LayoutUpdate *update = data;

  apply_layout_update (update->model, update);
  return G_SOURCE_REMOVE;
}

/* Dropped on the way if a newer build replaced this one. */
static void
send_update (BuildJob     *job,
             LayoutUpdate *update)
{
  update->model = g_object_ref (g_task_get_source_object (job->task));
  atlas_latest_job_post (job->task, dispatch_layout_update, update, layout_update_free);
}

static void
publish_graph (BuildJob   *job,
               AtlasGraph *graph)
{
  LayoutUpdate *update = g_new0 (LayoutUpdate, 1);

  update->graph = atlas_graph_copy (graph);
  send_update (job, update);
}

static void
publish_positions (AtlasGraph *graph,
                   gpointer    user_data)
{
  LayoutUpdate *update = g_new0 (LayoutUpdate, 1);
  guint n = atlas_graph_get_n_nodes (graph);

  update->positions = g_new (float, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      update->positions[2 * i] = atlas_graph_get_node (graph, i)->x;
      update->positions[2 * i + 1] = atlas_graph_get_node (graph, i)->y;
    }
  send_update (user_data, update);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildJob *job = task_data;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasGraph) graph = NULL;
  g_autoptr(AtlasGraphLayout) layout = NULL;
  g_autoptr(GPtrArray) every_site = NULL;
  AtlasGraphOptions options;
  GError *error = NULL;
  guint center;

  job->task = task;
  atlas_graph_options_init (&options);
  options.hidden_kinds = job->hidden_kinds;
  options.comentions = job->comentions;
  store = atlas_store_open (job->db_path, &error);
  if (store != NULL && job->selection != NULL)
    options.sites = job->selection->sites;
  else if (store != NULL)
    options.sites = every_site = atlas_sites_query (store, NULL, &error);
  if (store != NULL && options.sites != NULL)
    graph = atlas_graph_build_for_articles (store, job->ids, &options, &error);
  if (graph == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An ego the filter left out is dropped when the graph lands. An ego's
   * neighbours are shown all: they are what was asked for. */
  job->entities = atlas_graph_ref (graph);
  if (job->ego != NULL && atlas_graph_find (graph, job->ego, &center))
    {
      AtlasGraph *ego = atlas_graph_neighbourhood (graph, center, 1);

      atlas_graph_unref (graph);
      graph = ego;
    }
  else
    {
      AtlasGraph *summary = atlas_graph_summarise (graph, ATLAS_GRAPH_SUMMARY_NODES, job->more_of_kind);

      atlas_graph_unref (graph);
      graph = summary;
    }
  layout = atlas_graph_layout_new (graph, 1, job->previous);
  publish_graph (job, graph);
  atlas_graph_layout_run_full (layout, 1000, STREAM_INTERVAL_USEC, publish_positions, job, cancellable);
  g_task_return_pointer (task, g_steal_pointer (&graph), (GDestroyNotify) atlas_graph_unref);
}

/* ---- on the main thread -------------------------------------------------- */

/* The positions shown, for the worker to start from; a copy, as the worker
 * must not read what the main thread may change. */
static AtlasGraph *
copy_positions (AtlasGraph *graph)
{
  AtlasGraph *copy;

  if (graph == NULL)
    return NULL;
  copy = atlas_graph_new ();
  for (guint i = 0; i < atlas_graph_get_n_nodes (graph); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (graph, i);
      AtlasGraphNode *clone = atlas_graph_get_node (copy, atlas_graph_add_node (copy, node->id, NULL, node->kind, NULL, 0));

      clone->x = node->x;
      clone->y = node->y;
      clone->pinned = node->pinned;
    }
  return copy;
}

/* When the build starts, not when asked: a build replaced while it waited
 * copies nothing. */
static void
take_previous_positions (gpointer source_object,
                         gpointer task_data)
{
  BuildJob *job = task_data;

  job->previous = copy_positions (ATLAS_GRAPH_MODEL (source_object)->graph);
}

static void
set_busy (AtlasGraphModel *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Nodes the user placed while the layout ran stay where they were put. */
static void
keep_pins (AtlasGraph *from,
           AtlasGraph *to)
{
  for (guint i = 0; from != NULL && to != NULL && i < atlas_graph_get_n_nodes (from); i++)
    {
      const AtlasGraphNode *node = atlas_graph_get_node (from, i);
      guint index;

      if (node->pinned && atlas_graph_find (to, node->id, &index))
        {
          AtlasGraphNode *same = atlas_graph_get_node (to, index);
          same->x = node->x;
          same->y = node->y;
          same->pinned = TRUE;
        }
    }
}

static void
take_graph (AtlasGraphModel *self,
            AtlasGraph      *graph)
{
  keep_pins (self->graph, graph);
  g_clear_pointer (&self->graph, atlas_graph_unref);
  self->graph = graph;
  g_signal_emit (self, signals[GRAPH_CHANGED], 0);
}

static void
apply_layout_update (AtlasGraphModel *self,
                     LayoutUpdate    *update)
{
  if (!self->busy)
    return;

  if (update->graph != NULL)
    take_graph (self, g_steal_pointer (&update->graph));
  else if (self->graph != NULL)
    {
      for (guint i = 0; i < atlas_graph_get_n_nodes (self->graph); i++)
        {
          AtlasGraphNode *node = atlas_graph_get_node (self->graph, i);

          if (node->pinned)
            continue;
          node->x = update->positions[2 * i];
          node->y = update->positions[2 * i + 1];
        }
      g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
    }
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AtlasGraphModel *self = ATLAS_GRAPH_MODEL (source);
  AtlasGraph *graph = g_task_propagate_pointer (G_TASK (result), NULL);
  BuildJob *job = g_task_get_task_data (G_TASK (result));

  g_clear_pointer (&self->entities, atlas_graph_unref);
  self->entities = graph != NULL && job->entities != NULL ? atlas_graph_ref (job->entities) : NULL;

  /* The worker built the whole graph then: nothing to build again. */
  if (self->ego != NULL && graph != NULL && !atlas_graph_find (graph, self->ego, NULL))
    {
      g_clear_pointer (&self->ego, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EGO]);
    }
  take_graph (self, graph);
  set_busy (self, FALSE);
}

/* The model waits while the session cannot tell which articles to read
 * (atlas_session_begin_read()). */
static void
rebuild (AtlasGraphModel *self)
{
  g_autoptr(GArray) ids = NULL;
  GStrvBuilder *hidden;
  BuildJob *job;

  set_busy (self, TRUE);
  if (!atlas_session_begin_read (self->session, FALSE, &self->built, &ids))
    return;
  job = g_new0 (BuildJob, 1);
  job->db_path = g_strdup (atlas_store_get_path (atlas_session_get_store (self->session)));
  job->ids = g_steal_pointer (&ids);
  if (atlas_session_get_selection (self->session) != NULL)
    job->selection = atlas_selection_ref (atlas_session_get_selection (self->session));
  job->comentions = self->comentions;
  job->ego = g_strdup (self->ego);
  memcpy (job->more_of_kind, self->more_of_kind, sizeof job->more_of_kind);
  hidden = g_strv_builder_new ();
  for (guint k = 0; k < ATLAS_N_ENTITY_KINDS; k++)
    if (self->hidden_kinds & (1u << k))
      g_strv_builder_add (hidden, atlas_entity_kind_get (k)->id);
  job->hidden_kinds = g_strv_builder_end (hidden);
  g_strv_builder_unref (hidden);
  /* The running build is stopped (its layout gives up at the next step; its
   * queries run to their end) and this one runs after it. */
  atlas_latest_job_run (self->job, self, build_thread, job, build_job_free, on_built, NULL);
}

/* The graph of every article of this store stands when the index of that
 * same store arrives: nothing to build again. */
static void
on_selection_changed (AtlasGraphModel *self,
                      AtlasSession    *session)
{
  if (atlas_session_read_stands (session, &self->built, FALSE))
    return;
  /* Another selection: its gatherings start closed. */
  memset (self->more_of_kind, 0, sizeof self->more_of_kind);
  rebuild (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_graph_model_constructed (GObject *object)
{
  AtlasGraphModel *self = ATLAS_GRAPH_MODEL (object);

  G_OBJECT_CLASS (atlas_graph_model_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::workers-allowed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
atlas_graph_model_dispose (GObject *object)
{
  AtlasGraphModel *self = ATLAS_GRAPH_MODEL (object);

  /* A worker holds the job until it ends: stop it, and what it returns. */
  atlas_latest_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->session);
  g_clear_pointer (&self->graph, atlas_graph_unref);
  g_clear_pointer (&self->entities, atlas_graph_unref);
  g_clear_pointer (&self->ego, g_free);

  G_OBJECT_CLASS (atlas_graph_model_parent_class)->dispose (object);
}

static void
atlas_graph_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasGraphModel *self = ATLAS_GRAPH_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HIDDEN_KINDS:
      g_value_set_uint (value, self->hidden_kinds);
      break;

    case PROP_COMENTIONS:
      g_value_set_boolean (value, self->comentions);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_EGO:
      g_value_set_string (value, self->ego);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_graph_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasGraphModel *self = ATLAS_GRAPH_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_HIDDEN_KINDS:
      self->hidden_kinds = g_value_get_uint (value);
      break;

    case PROP_COMENTIONS:
      self->comentions = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_graph_model_class_init (AtlasGraphModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_graph_model_constructed;
  object_class->dispose = atlas_graph_model_dispose;
  object_class->get_property = atlas_graph_model_get_property;
  object_class->set_property = atlas_graph_model_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The first build's options, so that it is the only one; then
   * atlas_graph_model_set_options(). A bit per AtlasEntityKind left out. */
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_uint ("hidden-kinds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMENTIONS] =
    g_param_spec_boolean ("comentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EGO] =
    g_param_spec_string ("ego", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A new graph: other nodes, or the same nodes anew. */
  signals[GRAPH_CHANGED] = g_signal_new ("graph-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 0);
  /* The layout moved the nodes of the same graph. */
  signals[POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_graph_model_init (AtlasGraphModel *self)
{
  self->job = atlas_latest_job_new ();
  atlas_latest_job_set_prepare (self->job, take_previous_positions);
}

/* `hidden_kinds`: a bit per AtlasEntityKind to leave out. */
AtlasGraphModel *
atlas_graph_model_new (AtlasSession *session,
                       guint         hidden_kinds,
                       gboolean      comentions)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  return g_object_new (ATLAS_TYPE_GRAPH_MODEL, "session", session, "hidden-kinds", hidden_kinds,
                       "comentions", comentions, NULL);
}

AtlasSession *
atlas_graph_model_get_session (AtlasGraphModel *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_MODEL (self), NULL);

  return self->session;
}

/* NULL before the first build. Its positions change as the layout runs,
 * and the user may move (and pin) its nodes. */
AtlasGraph *
atlas_graph_model_get_graph (AtlasGraphModel *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_MODEL (self), NULL);

  return self->graph;
}

/* Every entity of the selection, with its ties, unlaid: the graph shown
 * before it was summarised. NULL before the first build ends. */
AtlasGraph *
atlas_graph_model_get_entities (AtlasGraphModel *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_MODEL (self), NULL);

  return self->entities;
}

/* Shows as many more entities of a gathering's kind, the most mentioned of
 * those it gathered. */
void
atlas_graph_model_show_more (AtlasGraphModel *self,
                             const char      *gathering)
{
  guint index;
  const AtlasGraphNode *node;

  g_return_if_fail (ATLAS_IS_GRAPH_MODEL (self));

  if (self->graph == NULL || !atlas_graph_find (self->graph, gathering, &index))
    return;
  node = atlas_graph_get_node (self->graph, index);
  if (node->gathered == 0)
    return;
  self->more_of_kind[atlas_entity_kind_lookup (node->kind)->kind] += ATLAS_GRAPH_SUMMARY_NODES;
  rebuild (self);
}

gboolean
atlas_graph_model_get_busy (AtlasGraphModel *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_MODEL (self), FALSE);

  return self->busy;
}

const char *
atlas_graph_model_get_ego (AtlasGraphModel *self)
{
  g_return_val_if_fail (ATLAS_IS_GRAPH_MODEL (self), NULL);

  return self->ego;
}

/* Only an entity and its neighbours, or with NULL the whole graph again. */
void
atlas_graph_model_set_ego (AtlasGraphModel *self,
                           const char      *id)
{
  g_return_if_fail (ATLAS_IS_GRAPH_MODEL (self));

  if (g_strcmp0 (self->ego, id) == 0)
    return;
  g_free (self->ego);
  self->ego = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EGO]);
  rebuild (self);
}

void
atlas_graph_model_set_options (AtlasGraphModel *self,
                               guint            hidden_kinds,
                               gboolean         comentions)
{
  g_return_if_fail (ATLAS_IS_GRAPH_MODEL (self));

  comentions = !!comentions;
  if (hidden_kinds == self->hidden_kinds && comentions == self->comentions)
    return;
  self->hidden_kinds = hidden_kinds;
  self->comentions = comentions;
  rebuild (self);
}
