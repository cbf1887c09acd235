/* atlas-facet-item.c: one choice of a facet, as the chooser lists it
 *
 * The chooser keeps one item per choice for as long as it is open and only
 * updates its count, so that a filter change leaves the list where the
 * person scrolled it. An update does not notify: GLib 2.74 emits a
 * notification even with nobody listening, and thousands of them cost
 * milliseconds at each filter change; the chooser refreshes the few rows it
 * shows itself.
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
atlas_facet_item_class_init (AtlasFacetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_facet_item_finalize;
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

/* Returns whether the count or the tick changed. */
gboolean
atlas_facet_item_update (AtlasFacetItem *self,
                         guint           count,
                         gboolean        selected)
{
  gboolean changed;

  g_return_val_if_fail (ATLAS_IS_FACET_ITEM (self), FALSE);

  selected = !!selected;
  changed = self->count != count || self->selected != selected;
  self->count = count;
  self->selected = selected;
  return changed;
}
