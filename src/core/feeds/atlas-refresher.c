/* atlas-refresher.c: when the subscriptions are refreshed
 *
 * Every interval, at start when the last refresh is older than that, and when
 * asked; one refresh at a time. The application owns one for its store, so
 * that however many windows are open the feeds are fetched once; the windows
 * say what each refresh brought ("finished").
 */
#include "config.h"

#include "atlas-refresher.h"

struct _AtlasRefresher
{
  GObject       parent_instance;

  AtlasStore   *store;
  GCancellable *cancellable;
  guint         interval;   /* minutes */
  guint         timer;
  gboolean      refreshing;
  gboolean      asked;      /* the running refresh was asked for */
};

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_REFRESHING,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasRefresher, atlas_refresher, G_TYPE_OBJECT)

static void
set_refreshing (AtlasRefresher *self,
                gboolean        refreshing)
{
  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasRefresher) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  AtlasRefreshTally tally;

  reports = atlas_subscriptions_finish (ATLAS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_refreshing (self, FALSE);
  if (reports != NULL)
    atlas_refresh_tally (reports, &tally);
  g_signal_emit (self, signals[FINISHED], 0, self->asked, reports != NULL ? &tally : NULL,
                 error != NULL ? error->message : NULL);
}

/* Refreshes every enabled subscription in a worker, unless one runs
 * already. FALSE when there is none to refresh. */
gboolean
atlas_refresher_start (AtlasRefresher *self,
                       gboolean        asked)
{
  gint64 last_checked;

  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), FALSE);

  if (!atlas_subscriptions_last_refresh (self->store, &last_checked))
    return FALSE;
  if (self->refreshing)
    return TRUE;

  self->asked = asked;
  set_refreshing (self, TRUE);
  atlas_subscriptions_refresh_async (self->store, NULL, FALSE, self->cancellable, on_refreshed, g_object_ref (self));
  return TRUE;
}

/* At start: the feeds are refreshed when the last refresh is older than the
 * interval. */
void
atlas_refresher_refresh_if_due (AtlasRefresher *self)
{
  gint64 last_checked = 0;

  g_return_if_fail (ATLAS_IS_REFRESHER (self));

  if (atlas_subscriptions_last_refresh (self->store, &last_checked) &&
      g_get_real_time () / G_USEC_PER_SEC - last_checked >= (gint64) self->interval * 60)
    atlas_refresher_start (self, FALSE);
}

static gboolean
on_timer (gpointer user_data)
{
  atlas_refresher_start (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

void
atlas_refresher_set_interval (AtlasRefresher *self,
                              guint           minutes)
{
  g_return_if_fail (ATLAS_IS_REFRESHER (self));
  g_return_if_fail (minutes > 0);

  self->interval = minutes;
  g_clear_handle_id (&self->timer, g_source_remove);
  self->timer = g_timeout_add_seconds (minutes * 60, on_timer, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

guint
atlas_refresher_get_interval (AtlasRefresher *self)
{
  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), 0);
  return self->interval;
}

AtlasStore *
atlas_refresher_get_store (AtlasRefresher *self)
{
  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), NULL);
  return self->store;
}

gboolean
atlas_refresher_get_refreshing (AtlasRefresher *self)
{
  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), FALSE);
  return self->refreshing;
}

static void
atlas_refresher_dispose (GObject *object)
{
  AtlasRefresher *self = ATLAS_REFRESHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_refresher_parent_class)->dispose (object);
}

static void
atlas_refresher_finalize (GObject *object)
{
  AtlasRefresher *self = ATLAS_REFRESHER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_refresher_parent_class)->finalize (object);
}

static void
atlas_refresher_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasRefresher *self = ATLAS_REFRESHER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_refresher_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_INTERVAL:
      atlas_refresher_set_interval (ATLAS_REFRESHER (object), g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_refresher_class_init (AtlasRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_refresher_dispose;
  object_class->finalize = atlas_refresher_finalize;
  object_class->get_property = atlas_refresher_get_property;
  object_class->set_property = atlas_refresher_set_property;

  /* Minutes between two refreshes (the "refresh-interval" setting). */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT / 60, ATLAS_DEFAULT_REFRESH_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasRefresher::finished:
   * @asked: the refresh was asked for, not timed
   * @tally: (nullable): an AtlasRefreshTally of what it brought, or NULL
   * @error: (nullable): why it failed as a whole
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BOOLEAN, G_TYPE_POINTER, G_TYPE_STRING);
}

static void
atlas_refresher_init (AtlasRefresher *self)
{
  self->cancellable = g_cancellable_new ();
}

AtlasRefresher *
atlas_refresher_new (AtlasStore *store)
{
  AtlasRefresher *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_REFRESHER, NULL);
  self->store = g_object_ref (store);
  atlas_refresher_set_interval (self, ATLAS_DEFAULT_REFRESH_MINUTES);
  return self;
}
