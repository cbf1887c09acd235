/* atlas-article-list.c: the filtered articles as a lazy GListModel
 *
 * Only the ordered ids are given when the filter changes (the window selects
 * them from the article index); an item is its article's id until a row
 * shows it (atlas_article_list_fill()), and a small ring of recent items is
 * kept so that scrolling a long list holds memory flat.
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

enum {
  NEW_ROWS_INSERTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  if (position >= self->ids->len)
    return NULL;

  slot = &self->cache[position % CACHE_SIZE];
  if (slot->article == NULL || slot->position != position)
    {
      g_clear_object (&slot->article);
      slot->article = atlas_article_new (g_array_index (self->ids, gint64, position));
      slot->position = position;
    }
  return g_object_ref (slot->article);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_article_list_get_item_type;
  iface->get_n_items = atlas_article_list_get_n_items;
  iface->get_item = atlas_article_list_get_item;
}

/* Forgets the items at `from` and after, whose positions changed. */
static void
clear_cache_from (AtlasArticleList *self,
                  guint             from)
{
  for (guint i = 0; i < CACHE_SIZE; i++)
    if (self->cache[i].article != NULL && self->cache[i].position >= from)
      g_clear_object (&self->cache[i].article);
}

static void
atlas_article_list_dispose (GObject *object)
{
  AtlasArticleList *self = ATLAS_ARTICLE_LIST (object);

  clear_cache_from (self, 0);
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

  /**
   * AtlasArticleList::new-rows-inserted:
   * @position: where the new rows start
   * @n_new: how many there are
   * @n_old: how many old rows follow them
   *
   * Emitted while atlas_article_list_set_ids() replaces a span of rows: the
   * new rows are in the list at @position, and the @n_old rows they replace
   * still follow them until the handlers return. A list view that moves its
   * scroll anchor onto the new rows here hands the old rows' widgets over to
   * them.
   */
  signals[NEW_ROWS_INSERTED] =
    g_signal_new ("new-rows-inserted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
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

static GArray *
ids_spliced (GArray *old,
             guint   prefix,
             GArray *ids,
             guint   added,
             guint   old_span,
             guint   suffix)
{
  GArray *spliced = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + added + old_span + suffix);

  g_array_append_vals (spliced, old->data, prefix + old_span);
  g_array_insert_vals (spliced, prefix, &g_array_index (ids, gint64, prefix), added);
  g_array_append_vals (spliced, &g_array_index (old, gint64, old->len - suffix), suffix);
  return spliced;
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

  /* A replaced span is told as an insertion of the new rows before the old
   * ones, then their removal. GtkListView 4.8 would otherwise destroy the
   * ~200 row widgets it keeps and build as many new ones at each filter
   * change; in between, a view can move its anchor onto the new rows
   * (::new-rows-inserted) and so rebind the old widgets instead. Were the
   * removal told first, or both at once, a row the view tracks (its anchor,
   * its focus) being removed would make it look for that row among every
   * added one, reading each from the store: seconds for a long list. */
  if (removed > 0 && added > 0)
    {
      self->ids = ids_spliced (old, prefix, ids, added, removed, suffix);
      clear_cache_from (self, prefix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
      g_signal_emit (self, signals[NEW_ROWS_INSERTED], 0, prefix, added, removed);
      g_array_unref (self->ids);
      self->ids = ids;
      clear_cache_from (self, prefix + added);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix + added, removed, 0);
    }
  else
    {
      self->ids = ids;
      clear_cache_from (self, prefix);
      if (removed > 0 || added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
    }
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

/* Reads the fields and entities of an item of the list (the items hold only
 * their id until then), unless they were read already. GtkListView 4.8
 * binds ~200 rows for the fifteen it shows: its rows read their article
 * when they are first shown. The row may have been removed since the ids
 * were read; the item then stays as it is until the list is reloaded. */
void
atlas_article_list_fill (AtlasArticleList *self,
                         AtlasArticle     *article)
{
  g_return_if_fail (ATLAS_IS_ARTICLE_LIST (self));
  g_return_if_fail (ATLAS_IS_ARTICLE (article));

  if (atlas_article_has_fields (article))
    return;
  atlas_query_article_fill (self->store, article, FALSE, NULL);
  self->n_read++;
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
