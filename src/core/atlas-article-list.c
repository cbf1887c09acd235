/* atlas-article-list.c: the filtered articles as a lazy GListModel
 *
 * Only the ordered ids are given when the filter changes (the window selects
 * them from the article index); a row's article is read when the list view
 * asks for that position, and a small ring of recent
 * rows is kept so that scrolling a long list holds memory flat.
 */
#include "atlas-article-list.h"

#include "atlas-query.h"

#define CACHE_SIZE 256

typedef struct
{
  guint         position;
  AtlasArticle *article;
} CacheSlot;

struct _AtlasArticleList
{
  GObject      parent_instance;
  AtlasStore  *store;
  GArray      *ids;
  guint        n_read;
  CacheSlot    cache[CACHE_SIZE];
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasArticleList, atlas_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
atlas_article_list_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_ARTICLE;
}

static guint
atlas_article_list_get_n_items (GListModel *model)
{
  return ATLAS_ARTICLE_LIST (model)->ids->len;
}

static gpointer
atlas_article_list_get_item (GListModel *model,
                             guint       position)
{
  AtlasArticleList *self = ATLAS_ARTICLE_LIST (model);
  CacheSlot *slot;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  slot = &self->cache[position % CACHE_SIZE];
  if (slot->article != NULL && slot->position == position)
    return g_object_ref (slot->article);

  id = g_array_index (self->ids, gint64, position);
  g_clear_object (&slot->article);
  slot->article = atlas_query_article (self->store, id, FALSE, NULL);
  self->n_read++;
  /* The row may have been removed since the ids were read; the list still
   * owes an item at this position until it is reloaded. */
  if (slot->article == NULL)
    slot->article = atlas_article_new (id);
  slot->position = position;

  return g_object_ref (slot->article);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_article_list_get_item_type;
  iface->get_n_items = atlas_article_list_get_n_items;
  iface->get_item = atlas_article_list_get_item;
}

static void
clear_cache (AtlasArticleList *self)
{
  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i].article);
}

static void
atlas_article_list_dispose (GObject *object)
{
  AtlasArticleList *self = ATLAS_ARTICLE_LIST (object);

  clear_cache (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_article_list_parent_class)->dispose (object);
}

static void
atlas_article_list_finalize (GObject *object)
{
  AtlasArticleList *self = ATLAS_ARTICLE_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (atlas_article_list_parent_class)->finalize (object);
}

static void
atlas_article_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasArticleList *self = ATLAS_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_article_list_class_init (AtlasArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_article_list_dispose;
  object_class->finalize = atlas_article_list_finalize;
  object_class->get_property = atlas_article_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_article_list_init (AtlasArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

AtlasArticleList *
atlas_article_list_new (AtlasStore *store)
{
  AtlasArticleList *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_ARTICLE_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Shows `ids` (taken), reporting only the span that differs from what was
 * shown: new articles arriving at the top are an insertion, so the list view
 * keeps the reader's place and selection. */
void
atlas_article_list_set_ids (AtlasArticleList *self,
                            GArray           *ids)
{
  g_autoptr(GArray) old = NULL;
  guint prefix = 0, suffix = 0, removed, added;

  g_return_if_fail (ATLAS_IS_ARTICLE_LIST (self));
  g_return_if_fail (ids != NULL);

  old = g_steal_pointer (&self->ids);
  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;
  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;

  /* When a row it tracks (the scroll anchor, the focus) is among the removed
   * ones, GtkListView looks for it among every added item, reading each
   * from the store: seconds for a long list. Told of the removal first, it
   * has nothing to look for and reads only the rows it shows. */
  if (removed > 0 && added > 0)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
      g_array_append_vals (self->ids, old->data, prefix);
      g_array_append_vals (self->ids, &g_array_index (old, gint64, old->len - suffix), suffix);
      clear_cache (self);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      g_array_unref (self->ids);
      removed = 0;
    }
  self->ids = ids;
  clear_cache (self);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old->len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gint64
atlas_article_list_get_id (AtlasArticleList *self,
                           guint             position)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/* How many rows were read from the store so far: what tests and benchmarks
 * check to know that only the rows shown are read. */
guint
atlas_article_list_get_n_read (AtlasArticleList *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE_LIST (self), 0);

  return self->n_read;
}

gboolean
atlas_article_list_find (AtlasArticleList *self,
                         gint64            article_id,
                         guint            *position)
{
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == article_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}
