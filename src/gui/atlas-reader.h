#pragma once

#include <gtk/gtk.h>

#include "atlas-article.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_READER (atlas_reader_get_type ())

G_DECLARE_FINAL_TYPE (AtlasReader, atlas_reader, ATLAS, READER, GtkWidget)

void          atlas_reader_set_article (AtlasReader       *self,
                                        AtlasArticle      *article);
void          atlas_reader_set_filter  (AtlasReader       *self,
                                        const AtlasFilter *filter);

G_END_DECLS
