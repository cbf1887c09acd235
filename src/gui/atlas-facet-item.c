/* atlas-facet-item.c: one choice of a facet, as the chooser lists it
 *
 * The chooser keeps one item per choice for as long as it is open and only
 * updates its count, so that a filter change leaves the list where the
 * person scrolled it.
 */
#include "config.h"

#include <string.h>

#include "atlas-facet-item.h"
#include "atlas-text.h"

struct _AtlasFacetItem
{
  GObject   parent_instance;
  char     *id;
  char     *name;
  char     *sort_key;
  char     *folded;  /* what a search is matched against, without case or accents */
  guint     count;
  gboolean  selected;
};

enum {
  PROP_0,
  PROP_COUNT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasFacetItem, atlas_facet_item, G_TYPE_OBJECT)

static void
atlas_facet_item_finalize (GObject *object)
{
  AtlasFacetItem *self = ATLAS_FACET_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->sort_key);
  g_free (self->folded);

  G_OBJECT_CLASS (atlas_facet_item_parent_class)->finalize (object);
}

static void
atlas_facet_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasFacetItem *self = ATLAS_FACET_ITEM (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_facet_item_class_init (AtlasFacetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_facet_item_finalize;
  object_class->get_property = atlas_facet_item_get_property;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_facet_item_init (AtlasFacetItem *self)
{
}

AtlasFacetItem *
atlas_facet_item_new (const AtlasFacetEntry *entry)
{
  AtlasFacetItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_FACET_ITEM, NULL);
  self->id = g_strdup (entry->id);
  self->name = g_strdup (entry->name);
  self->sort_key = entry->sort_key != NULL ? g_strdup (entry->sort_key) : g_utf8_collate_key (entry->name, -1);
  self->folded = atlas_text_fold (entry->name);
  self->count = entry->count;
  self->selected = entry->selected;
  return self;
}

const char *
atlas_facet_item_get_id (AtlasFacetItem *self)
{
  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), NULL);

  return self->id;
}

const char *
atlas_facet_item_get_name (AtlasFacetItem *self)
{
  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), NULL);

  return self->name;
}

guint
atlas_facet_item_get_count (AtlasFacetItem *self)
{
  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), 0);

  return self->count;
}

gboolean
atlas_facet_item_get_selected (AtlasFacetItem *self)
{
  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), FALSE);

  return self->selected;
}

/* `folded_text` is a search as atlas_text_fold() gives it: "etats" finds
 * "États-Unis". */
gboolean
atlas_facet_item_matches (AtlasFacetItem *self,
                          const char     *folded_text)
{
  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), FALSE);

  return folded_text == NULL || *folded_text == '\0' || strstr (self->folded, folded_text) != NULL;
}

/* In the order of the user's language. */
int
atlas_facet_item_compare (gconstpointer a,
                          gconstpointer b,
                          gpointer      unused)
{
  return strcmp (ATLAS_FACET_ITEM ((gpointer) a)->sort_key, ATLAS_FACET_ITEM ((gpointer) b)->sort_key);
}

void
atlas_facet_item_update (AtlasFacetItem *self,
                         guint           count,
                         gboolean        selected)
{
  g_return_if_fail (ATLAS_IS_FACET_ITEM (self));

  selected = !!selected;
  if (self->count != count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
  if (self->selected != selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}
