/* atlas-entity-item.c: one row of the Entities table
 *
 * A plain object with properties, so that the column view can sort on them
 * with GtkStringSorter and GtkNumericSorter.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-countries.h"
#include "atlas-entity-item.h"
#include "atlas-kinds.h"

struct _AtlasEntityItem
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *kind;
  char    *kind_label;
  char    *country;
  guint    ties;
  guint    articles;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_COUNTRY,
  PROP_TIES,
  PROP_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasEntityItem, atlas_entity_item, G_TYPE_OBJECT)

static void
atlas_entity_item_finalize (GObject *object)
{
  AtlasEntityItem *self = ATLAS_ENTITY_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->kind_label);
  g_free (self->country);

  G_OBJECT_CLASS (atlas_entity_item_parent_class)->finalize (object);
}

static void
atlas_entity_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasEntityItem *self = ATLAS_ENTITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, self->kind_label);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_TIES:
      g_value_set_uint (value, self->ties);
      break;
    case PROP_ARTICLES:
      g_value_set_uint (value, self->articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entity_item_class_init (AtlasEntityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_entity_item_finalize;
  object_class->get_property = atlas_entity_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIES] = g_param_spec_uint ("ties", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLES] = g_param_spec_uint ("articles", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_entity_item_init (AtlasEntityItem *self)
{
}

AtlasEntityItem *
atlas_entity_item_new (const AtlasGraphNode *node)
{
  AtlasEntityItem *self = g_object_new (ATLAS_TYPE_ENTITY_ITEM, NULL);

  self->id = g_strdup (node->id);
  self->name = g_strdup (node->name);
  self->kind = g_strdup (node->kind);
  self->kind_label = g_strdup (_(atlas_entity_kind_lookup (node->kind)->label));
  /* The store keeps a code; the table names the country in the user's language. */
  self->country = g_strdup (g_strcmp0 (node->kind, "country") == 0 ? NULL : atlas_country_display_name (node->country));
  self->ties = node->degree;
  self->articles = node->weight;
  return self;
}

const char *
atlas_entity_item_get_id (AtlasEntityItem *self)
{
  return self->id;
}

const char *
atlas_entity_item_get_kind (AtlasEntityItem *self)
{
  return self->kind;
}
