#pragma once

#include <glib.h>

#include "atlas-date.h"

G_BEGIN_DECLS

/* What one feed says (JSON Feed, RSS, RDF or Atom), already type-checked and
 * cleaned: the importer writes it to the store without looking at the
 * format again. */

typedef struct
{
  gboolean  set;
  double    value;
  char     *currency;
} AtlasAmount;

typedef struct
{
  gboolean  set;
  double    value;
  char     *unit;
  char     *product;
} AtlasQuantity;

typedef struct
{
  char      *id;
  char      *kind;
  char      *name;
  char      *country;
  char      *place;
  char      *url;
  gboolean   has_position;
  double     lat;
  double     lon;
  GPtrArray *aliases;
} AtlasEntityDecl;

typedef struct
{
  char             *subject;
  char             *predicate;
  char             *object;
  AtlasPartialDate  date;
  AtlasAmount       amount;
  AtlasQuantity     quantity;
  char             *note;
} AtlasRelationDecl;

typedef struct
{
  AtlasPartialDate  date;
  char             *kind;
  char             *title;
  GPtrArray        *entities;
  AtlasAmount       amount;
  AtlasQuantity     quantity;
} AtlasEventDecl;

typedef struct
{
  /* A digest of the item as published: unchanged items are skipped. */
  char      *fingerprint;
  char      *id;
  char      *url;
  char      *title;
  char      *summary;
  char      *text;
  char      *language;
  gboolean   has_published;
  gint64     published;
  /* DAY for a full date_published; coarser for `_atlas.published` or a
   * W3C-DTF "2025-09" in an RSS or RDF feed. */
  AtlasDatePrecision published_precision;
  /* When the item says it was last changed (date_modified, Atom updated). */
  gboolean   has_updated;
  gint64     updated;
  /* Names, in the feed's order. */
  GPtrArray *authors;
  GPtrArray *tags;
  gboolean   has_mentions;
  GPtrArray *mentions;
  GPtrArray *events;
  GPtrArray *relations;
} AtlasItem;

typedef struct
{
  char      *version;
  char      *title;
  char      *home_page_url;
  char      *feed_url;
  char      *language;
  char      *next_url;
  GPtrArray *entities;
  GPtrArray *relations;
  char      *relations_fingerprint;
  GPtrArray *items;
  /* Human-readable notes on what was skipped or repaired, for the report. */
  GPtrArray *problems;
  guint      items_skipped;
} AtlasFeed;

AtlasFeed *atlas_feed_new      (void);
void       atlas_feed_free     (AtlasFeed  *feed);
void       atlas_feed_problem  (AtlasFeed  *feed,
                                const char *format,
                                ...) G_GNUC_PRINTF (2, 3);

AtlasEntityDecl   *atlas_entity_decl_new    (void);
AtlasRelationDecl *atlas_relation_decl_new  (void);
AtlasEventDecl    *atlas_event_decl_new     (void);
AtlasItem         *atlas_item_new           (void);
void               atlas_item_free          (AtlasItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFeed, atlas_feed_free)

G_END_DECLS
