/* atlas-view-state.c: the one filter and selection every view follows
 *
 * The sidebar, the reader's chips, and later the graph and the timeline all
 * change the filter through this object, and all of them redraw from its
 * "filter-changed" signal: no view keeps a filter of its own.
 */
#include "atlas-view-state.h"

struct _AtlasViewState
{
  GObject      parent_instance;
  AtlasFilter *filter;
  gint64       selected_article;
  char        *selected_entity;
};

enum {
  PROP_0,
  PROP_SELECTED_ARTICLE,
  PROP_SELECTED_ENTITY,
  N_PROPS
};

enum {
  FILTER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasViewState, atlas_view_state, G_TYPE_OBJECT)

static void
atlas_view_state_finalize (GObject *object)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);

  g_clear_pointer (&self->filter, atlas_filter_free);
  g_clear_pointer (&self->selected_entity, g_free);

  G_OBJECT_CLASS (atlas_view_state_parent_class)->finalize (object);
}

static void
atlas_view_state_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ARTICLE:
      g_value_set_int64 (value, self->selected_article);
      break;

    case PROP_SELECTED_ENTITY:
      g_value_set_string (value, self->selected_entity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_state_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ARTICLE:
      atlas_view_state_set_selected_article (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTED_ENTITY:
      atlas_view_state_set_selected_entity (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_state_class_init (AtlasViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_view_state_finalize;
  object_class->get_property = atlas_view_state_get_property;
  object_class->set_property = atlas_view_state_set_property;

  /* 0 when no article is selected. Selecting never filters anything away. */
  properties[PROP_SELECTED_ARTICLE] =
    g_param_spec_int64 ("selected-article", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The entity in focus in the graph and its table; NULL for none. Like the
   * selected article, it highlights and filters nothing away. */
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_string ("selected-entity", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_view_state_init (AtlasViewState *self)
{
  self->filter = atlas_filter_new ();
}

AtlasViewState *
atlas_view_state_new (void)
{
  return g_object_new (ATLAS_TYPE_VIEW_STATE, NULL);
}

const AtlasFilter *
atlas_view_state_get_filter (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), NULL);
  return self->filter;
}

static void
emit_filter_changed (AtlasViewState *self)
{
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

void
atlas_view_state_set_filter (AtlasViewState    *self,
                             const AtlasFilter *filter)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (atlas_filter_equal (self->filter, filter))
    return;
  atlas_filter_free (self->filter);
  self->filter = atlas_filter_copy (filter);
  emit_filter_changed (self);
}

gboolean
atlas_view_state_toggle (AtlasViewState   *self,
                         AtlasFilterGroup  group,
                         const char       *id)
{
  gboolean active;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  active = atlas_filter_toggle (self->filter, group, id);
  emit_filter_changed (self);
  return active;
}

void
atlas_view_state_set_text (AtlasViewState *self,
                           const char     *text)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->filter->text, text) == 0)
    return;
  g_free (self->filter->text);
  self->filter->text = g_strdup (text);
  emit_filter_changed (self);
}

void
atlas_view_state_set_date_range (AtlasViewState *self,
                                 gint64          since,
                                 gint64          until)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (self->filter->since == since && self->filter->until == until)
    return;
  self->filter->since = since;
  self->filter->until = until;
  emit_filter_changed (self);
}

void
atlas_view_state_clear_filter (AtlasViewState *self)
{
  g_autoptr(AtlasFilter) empty = atlas_filter_new ();

  atlas_view_state_set_filter (self, empty);
}

gint64
atlas_view_state_get_selected_article (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), 0);
  return self->selected_article;
}

void
atlas_view_state_set_selected_article (AtlasViewState *self,
                                       gint64          article_id)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (self->selected_article == article_id)
    return;
  self->selected_article = article_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ARTICLE]);
}

const char *
atlas_view_state_get_selected_entity (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), NULL);
  return self->selected_entity;
}

void
atlas_view_state_set_selected_entity (AtlasViewState *self,
                                      const char     *entity_id)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (g_strcmp0 (self->selected_entity, entity_id) == 0)
    return;
  g_free (self->selected_entity);
  self->selected_entity = g_strdup (entity_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}
