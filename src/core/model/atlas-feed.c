/* atlas-feed.c: a feed as its readers fill it, whatever its format */
#include "atlas-feed.h"

static void
amount_clear (AtlasAmount *amount)
{
  g_clear_pointer (&amount->currency, g_free);
}

static void
quantity_clear (AtlasQuantity *quantity)
{
  g_clear_pointer (&quantity->unit, g_free);
  g_clear_pointer (&quantity->product, g_free);
}

static void
entity_decl_free (gpointer data)
{
  AtlasEntityDecl *entity = data;

  g_free (entity->id);
  g_free (entity->kind);
  g_free (entity->name);
  g_free (entity->country);
  g_free (entity->place);
  g_free (entity->url);
  g_ptr_array_unref (entity->aliases);
  g_free (entity);
}

static void
relation_decl_free (gpointer data)
{
  AtlasRelationDecl *relation = data;

  g_free (relation->subject);
  g_free (relation->predicate);
  g_free (relation->object);
  g_free (relation->note);
  amount_clear (&relation->amount);
  quantity_clear (&relation->quantity);
  g_free (relation);
}

static void
event_decl_free (gpointer data)
{
  AtlasEventDecl *event = data;

  g_free (event->kind);
  g_free (event->title);
  g_ptr_array_unref (event->entities);
  amount_clear (&event->amount);
  quantity_clear (&event->quantity);
  g_free (event);
}

void
atlas_item_free (AtlasItem *item)
{

  g_free (item->fingerprint);
  g_free (item->id);
  g_free (item->url);
  g_free (item->title);
  g_free (item->summary);
  g_free (item->text);
  g_free (item->language);
  g_ptr_array_unref (item->tags);
  g_ptr_array_unref (item->authors);
  g_ptr_array_unref (item->mentions);
  g_ptr_array_unref (item->events);
  g_ptr_array_unref (item->relations);
  g_free (item);
}

AtlasEntityDecl *
atlas_entity_decl_new (void)
{
  AtlasEntityDecl *entity = g_new0 (AtlasEntityDecl, 1);

  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  return entity;
}

AtlasRelationDecl *
atlas_relation_decl_new (void)
{
  return g_new0 (AtlasRelationDecl, 1);
}

AtlasEventDecl *
atlas_event_decl_new (void)
{
  AtlasEventDecl *event = g_new0 (AtlasEventDecl, 1);

  event->entities = g_ptr_array_new_with_free_func (g_free);
  return event;
}

AtlasItem *
atlas_item_new (void)
{
  AtlasItem *item = g_new0 (AtlasItem, 1);

  item->tags = g_ptr_array_new_with_free_func (g_free);
  item->authors = g_ptr_array_new_with_free_func (g_free);
  item->mentions = g_ptr_array_new_with_free_func (g_free);
  item->events = g_ptr_array_new_with_free_func (event_decl_free);
  item->relations = g_ptr_array_new_with_free_func (relation_decl_free);
  return item;
}

AtlasFeed *
atlas_feed_new (void)
{
  AtlasFeed *feed = g_new0 (AtlasFeed, 1);

  feed->entities = g_ptr_array_new_with_free_func (entity_decl_free);
  feed->relations = g_ptr_array_new_with_free_func (relation_decl_free);
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_item_free);
  feed->problems = g_ptr_array_new_with_free_func (g_free);
  return feed;
}

void
atlas_feed_free (AtlasFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->version);
  g_free (feed->title);
  g_free (feed->home_page_url);
  g_free (feed->feed_url);
  g_free (feed->language);
  g_free (feed->next_url);
  g_ptr_array_unref (feed->entities);
  g_ptr_array_unref (feed->relations);
  g_free (feed->relations_fingerprint);
  g_ptr_array_unref (feed->items);
  g_ptr_array_unref (feed->problems);
  g_free (feed);
}

void
atlas_feed_problem (AtlasFeed  *feed,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (feed->problems, g_strdup_vprintf (format, args));
  va_end (args);
}
