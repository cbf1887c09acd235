#pragma once

#include <gtk/gtk.h>

#include "atlas-article-list.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ARTICLE_ROW (atlas_article_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, ATLAS, ARTICLE_ROW, GtkWidget)

AtlasArticleRow *atlas_article_row_new            (AtlasArticleList *list);
gint64           atlas_article_row_get_article_id (AtlasArticleRow  *self);
void             atlas_article_row_set_article    (AtlasArticleRow  *self,
                                                   AtlasArticle     *article,
                                                   GtkListItem      *item);

G_END_DECLS
