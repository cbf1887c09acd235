#pragma once

#include <glib-object.h>

#include "atlas-date.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *kind;
  char *name;
  char *country;
} AtlasEntityRef;

#define ATLAS_TYPE_ARTICLE (atlas_article_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArticle, atlas_article, ATLAS, ARTICLE, GObject)

/* Built by the query layer; read-only for everyone else. */
AtlasArticle *atlas_article_new             (gint64        id);
gboolean      atlas_article_has_fields      (AtlasArticle *self);
void          atlas_article_set_fields      (AtlasArticle *self,
                                             const char   *item_id,
                                             const char   *feed_title,
                                             const char   *url,
                                             const char   *title,
                                             const char   *summary,
                                             const char   *text,
                                             const char   *language,
                                             gboolean      has_published,
                                             gint64        published,
                                             AtlasDatePrecision precision);
void          atlas_article_set_authors     (AtlasArticle *self,
                                             const char   *authors);
void          atlas_article_add_entity      (AtlasArticle *self,
                                             const char   *id,
                                             const char   *kind,
                                             const char   *name,
                                             const char   *country);

gint64        atlas_article_get_id          (AtlasArticle *self);
const char   *atlas_article_get_item_id     (AtlasArticle *self);
const char   *atlas_article_get_feed_title  (AtlasArticle *self);
const char   *atlas_article_get_url         (AtlasArticle *self);
const char   *atlas_article_get_title       (AtlasArticle *self);
const char   *atlas_article_get_summary     (AtlasArticle *self);
const char   *atlas_article_get_text        (AtlasArticle *self);
const char   *atlas_article_get_language    (AtlasArticle *self);
const char * const *atlas_article_get_authors (AtlasArticle *self);
gboolean      atlas_article_get_published   (AtlasArticle *self,
                                             gint64       *published);
GPtrArray    *atlas_article_get_entities    (AtlasArticle *self);
char         *atlas_entity_refs_label       (GPtrArray    *entities,
                                             guint         index);
char         *atlas_entity_name_told_apart  (const char   *name,
                                             const char   *kind,
                                             const char   *country);
char         *atlas_article_format_date     (AtlasArticle *self);
char         *atlas_article_dup_published_iso (AtlasArticle *self);

G_END_DECLS
