/* atlas-event-item.c: one row of the Events table, as text to show and
 * numbers to sort by
 *
 * A row points into the timeline's events rather than copying them: the
 * texts are made when a cell or a sorter asks, so 50,000 events cost 50,000
 * small objects and no formatted strings until they are seen.
 */
#include "config.h"

#include <math.h>

#include "atlas-event-item.h"
#include "atlas-event-format.h"
#include "atlas-timeline-view.h"

struct _AtlasEventItem
{
  GObject               parent_instance;
  GPtrArray            *events;  /* holds `event` alive */
  const AtlasEventInfo *event;
  gboolean              dimmed;  /* outside the period the filter chose */
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
  PROP_DIMMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasEventItem, atlas_event_item, G_TYPE_OBJECT)

static void
atlas_event_item_finalize (GObject *object)
{
  AtlasEventItem *self = ATLAS_EVENT_ITEM (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_event_item_parent_class)->finalize (object);
}

static void
atlas_event_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasEventItem *self = ATLAS_EVENT_ITEM (object);
  const AtlasEventInfo *event = self->event;

  switch (prop_id)
    {
    case PROP_STARTS:
      g_value_set_int64 (value, event->starts);
      break;
    case PROP_AMOUNT:
      g_value_set_double (value, isnan (event->amount) ? -1 : event->amount);
      break;
    case PROP_DATE_LABEL:
      g_value_take_string (value, atlas_partial_date_format (&event->date));
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, atlas_event_kind_label (event->kind));
      break;
    case PROP_TITLE:
      g_value_set_string (value, event->title);
      break;
    case PROP_AMOUNT_LABEL:
      g_value_take_string (value, isnan (event->amount) ? NULL : atlas_format_amount (event->amount, event->currency));
      break;
    case PROP_ENTITIES_LABEL:
      g_value_take_string (value, atlas_event_info_entity_list (event));
      break;
    case PROP_DIMMED:
      g_value_set_boolean (value, self->dimmed);
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
  /* Outside the period the filter chose: the table dims the row (see
   * atlas-table.c), since the timeline keeps every event and the list only
   * the period's articles. */
  properties[PROP_DIMMED] =
    g_param_spec_boolean ("dimmed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_event_item_init (AtlasEventItem *self)
{
}

/* The row of `events[index]`, dimmed when the event lies outside the
 * period [since, until). */
AtlasEventItem *
atlas_event_item_new (GPtrArray *events,
                      guint      index,
                      gint64     since,
                      gint64     until)
{
  AtlasEventItem *self;

  g_return_val_if_fail (index < events->len, NULL);

  self = g_object_new (ATLAS_TYPE_EVENT_ITEM, NULL);
  self->events = g_ptr_array_ref (events);
  self->event = g_ptr_array_index (events, index);
  self->dimmed = !(self->event->ends > since && self->event->starts < until);
  return self;
}

gint64
atlas_event_item_get_article_id (AtlasEventItem *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_ITEM (self), 0);
  return self->event->article_id;
}
