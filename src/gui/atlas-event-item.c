/* atlas-event-item.c: one row of the Events table, as text ready to show
 * and numbers to sort by */
#include "config.h"

#include <math.h>

#include "atlas-event-item.h"

struct _AtlasEventItem
{
  GObject  parent_instance;
  gint64   article_id;
  gint64   starts;
  double   amount;
  char    *date_label;
  char    *kind_label;
  char    *title;
  char    *amount_label;
  char    *entities_label;
};

enum {
  PROP_0,
  PROP_STARTS,
  PROP_AMOUNT,
  PROP_DATE_LABEL,
  PROP_KIND_LABEL,
  PROP_TITLE,
  PROP_AMOUNT_LABEL,
  PROP_ENTITIES_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasEventItem, atlas_event_item, G_TYPE_OBJECT)

static void
atlas_event_item_finalize (GObject *object)
{
  AtlasEventItem *self = ATLAS_EVENT_ITEM (object);

  g_free (self->date_label);
  g_free (self->kind_label);
  g_free (self->title);
  g_free (self->amount_label);
  g_free (self->entities_label);

  G_OBJECT_CLASS (atlas_event_item_parent_class)->finalize (object);
}

static void
atlas_event_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasEventItem *self = ATLAS_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_STARTS:
      g_value_set_int64 (value, self->starts);
      break;
    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
      break;
    case PROP_DATE_LABEL:
      g_value_set_string (value, self->date_label);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, self->kind_label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AMOUNT_LABEL:
      g_value_set_string (value, self->amount_label);
      break;
    case PROP_ENTITIES_LABEL:
      g_value_set_string (value, self->entities_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_item_class_init (AtlasEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_event_item_finalize;
  object_class->get_property = atlas_event_item_get_property;

  properties[PROP_STARTS] =
    g_param_spec_int64 ("starts", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Unknown amounts sort below every known one. */
  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_LABEL] =
    g_param_spec_string ("amount-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITIES_LABEL] =
    g_param_spec_string ("entities-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_event_item_init (AtlasEventItem *self)
{
}

AtlasEventItem *
atlas_event_item_new (const AtlasEventInfo *event,
                      const char           *kind_label,
                      const char           *amount_label,
                      const char           *entities_label)
{
  AtlasEventItem *self = g_object_new (ATLAS_TYPE_EVENT_ITEM, NULL);

  self->article_id = event->article_id;
  self->starts = event->starts;
  self->amount = isnan (event->amount) ? -1 : event->amount;
  self->date_label = atlas_partial_date_format (&event->date);
  self->kind_label = g_strdup (kind_label);
  self->title = g_strdup (event->title);
  self->amount_label = g_strdup (amount_label);
  self->entities_label = g_strdup (entities_label);
  return self;
}

gint64
atlas_event_item_get_article_id (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), 0);
  return self->article_id;
}
