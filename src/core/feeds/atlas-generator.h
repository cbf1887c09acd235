#pragma once

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   articles;
  guint   entities;      /* companies and sites; countries come on top */
  guint32 seed;
  /* Items per feed: a feed stays under the reader's size limit. */
  guint   items_per_feed;
  /* Each feed's next_url names the next file: served over HTTP, the files
   * are the pages of one feed. */
  gboolean linked;
  /* Every item carries `_atlas` mentions and at least one event, instead of
   * half of them: a corpus of the shape a publisher of the extension sends. */
  gboolean all_atlas;
} AtlasGeneratorOptions;

/* Receives each feed as it is made: the first one holds the entities. */
typedef gboolean (*AtlasGeneratorSink) (guint    index,
                                        GBytes  *feed,
                                        gpointer user_data,
                                        GError **error);

void     atlas_generator_options_init (AtlasGeneratorOptions       *options);
guint    atlas_generator_count_feeds  (const AtlasGeneratorOptions *options);
char    *atlas_generator_feed_name    (guint                        index);
gboolean atlas_generator_append_rss   (GBytes                      *feed,
                                       GString                     *rss,
                                       GError                     **error);
gboolean atlas_generate               (const AtlasGeneratorOptions *options,
                                       AtlasGeneratorSink           sink,
                                       gpointer                     user_data,
                                       GError                     **error);

gboolean atlas_generate_into_store    (const AtlasGeneratorOptions *options,
                                       AtlasStore                  *store,
                                       GError                     **error);

G_END_DECLS
