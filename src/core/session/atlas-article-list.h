#pragma once

#include <gio/gio.h>

#include "atlas-article.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ARTICLE_LIST (atlas_article_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticleList, atlas_article_list, ATLAS, ARTICLE_LIST, GObject)

AtlasArticleList *atlas_article_list_new        (AtlasStore        *store);
void              atlas_article_list_set_ids    (AtlasArticleList  *self,
                                                 GArray            *ids);
gint64            atlas_article_list_get_id     (AtlasArticleList  *self,
                                                 guint              position);
void              atlas_article_list_fill       (AtlasArticleList  *self,
                                                 AtlasArticle      *article);
guint             atlas_article_list_get_n_read (AtlasArticleList  *self);
gboolean          atlas_article_list_find       (AtlasArticleList  *self,
                                                 gint64             article_id,
                                                 guint             *position);

G_END_DECLS
