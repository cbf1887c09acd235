/* atlas-site-item.c: one row of the Sites table
 *
 * What the table shows of a site, as properties the column view sorts on:
 * each figure twice, as a number to sort by (-1 when the data gives none,
 * so unknowns sort together) and as the text shown.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-countries.h"
#include "atlas-kinds.h"
#include "atlas-site-item.h"

struct _AtlasSiteItem
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *status;
  char    *certainty;
  char    *country;
  char    *owners;
  double   power;
  double   h100e;
  char    *first_operational;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_STATUS,
  PROP_CERTAINTY,
  PROP_COUNTRY,
  PROP_OWNERS,
  PROP_POWER,
  PROP_POWER_LABEL,
  PROP_H100E,
  PROP_H100E_LABEL,
  PROP_FIRST_OPERATIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasSiteItem, atlas_site_item, G_TYPE_OBJECT)

static void
atlas_site_item_finalize (GObject *object)
{
  AtlasSiteItem *self = ATLAS_SITE_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->status);
  g_free (self->certainty);
  g_free (self->country);
  g_free (self->owners);
  g_free (self->first_operational);

  G_OBJECT_CLASS (atlas_site_item_parent_class)->finalize (object);
}

static char *
format_figure (double value)
{
  return value >= 0 ? g_strdup_printf ("%'.0f", value) : g_strdup ("");
}

static void
atlas_site_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasSiteItem *self = ATLAS_SITE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_CERTAINTY:
      g_value_set_string (value, self->certainty);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_OWNERS:
      g_value_set_string (value, self->owners);
      break;
    case PROP_POWER:
      g_value_set_double (value, self->power);
      break;
    case PROP_POWER_LABEL:
      g_value_take_string (value, format_figure (self->power));
      break;
    case PROP_H100E:
      g_value_set_double (value, self->h100e);
      break;
    case PROP_H100E_LABEL:
      g_value_take_string (value, format_figure (self->h100e));
      break;
    case PROP_FIRST_OPERATIONAL:
      g_value_set_string (value, self->first_operational);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_site_item_class_init (AtlasSiteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_site_item_finalize;
  object_class->get_property = atlas_site_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_CERTAINTY] = g_param_spec_string ("certainty", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_OWNERS] = g_param_spec_string ("owners", NULL, NULL, NULL, flags);
  properties[PROP_POWER] = g_param_spec_double ("power", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_POWER_LABEL] = g_param_spec_string ("power-label", NULL, NULL, NULL, flags);
  properties[PROP_H100E] = g_param_spec_double ("h100e", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_H100E_LABEL] = g_param_spec_string ("h100e-label", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_OPERATIONAL] = g_param_spec_string ("first-operational", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_site_item_init (AtlasSiteItem *self)
{
}

/* The status's or certainty's label, in the user's language. */
static char *
word_label (AtlasFilterGroup  group,
            const char       *id)
{
  guint n_words = 0;
  const AtlasSiteWordInfo *words = atlas_site_words (group, &n_words);

  for (guint i = 0; id != NULL && i < n_words; i++)
    if (g_str_equal (id, words[i].id))
      return g_strdup (_(words[i].label));
  return g_strdup (id);
}

AtlasSiteItem *
atlas_site_item_new (const AtlasSite *site)
{
  AtlasSiteItem *self = g_object_new (ATLAS_TYPE_SITE_ITEM, NULL);
  GString *owners = g_string_new (NULL);

  self->id = g_strdup (site->id);
  self->name = g_strdup (site->name);
  self->status = word_label (ATLAS_FILTER_GROUP_STATUSES, site->status);
  self->certainty = word_label (ATLAS_FILTER_GROUP_CERTAINTIES, site->certainty);
  self->country = g_strdup (atlas_country_display_name (site->country));
  /* The site is shared with other threads: read, never changed. */
  for (guint i = 0; i < site->owners->len; i++)
    g_string_append_printf (owners, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (site->owners, i));
  self->owners = g_string_free (owners, FALSE);
  self->power = isnan (site->power_mw) ? -1 : site->power_mw;
  self->h100e = isnan (site->h100e) ? -1 : site->h100e;
  self->first_operational = g_strdup (site->first_operational);
  return self;
}

const char *
atlas_site_item_get_id (AtlasSiteItem *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE_ITEM (self), NULL);
  return self->id;
}
