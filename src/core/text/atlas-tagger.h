#pragma once

#include <glib.h>

#include "atlas-feed.h"

G_BEGIN_DECLS

typedef struct _AtlasTagger AtlasTagger;

AtlasTagger *atlas_tagger_new            (void);
void         atlas_tagger_free           (AtlasTagger *self);
void         atlas_tagger_add            (AtlasTagger *self,
                                          const char  *phrase,
                                          const char  *target);
void         atlas_tagger_add_countries  (AtlasTagger *self);
guint        atlas_tagger_get_n_phrases  (AtlasTagger *self);
void         atlas_tagger_scan           (AtlasTagger *self,
                                          const char  *text,
                                          GHashTable  *found);
GHashTable  *atlas_tagger_scan_item      (AtlasTagger     *self,
                                          const AtlasItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTagger, atlas_tagger_free)

G_END_DECLS
