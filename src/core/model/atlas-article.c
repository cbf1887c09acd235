/* atlas-article.c: one stored article, as the list, the reader and the CLI read it */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-article.h"
#include "atlas-countries.h"
#include "atlas-kinds.h"

struct _AtlasArticle
{
  GObject    parent_instance;
  gint64     id;
  char      *item_id;
  char      *feed_title;
  char      *url;
  char      *title;
  char      *summary;
  char      *text;
  char      *language;
  GStrv      authors;
  gboolean   has_published;
  gint64     published;
  AtlasDatePrecision published_precision;
  GPtrArray *entities;
  gboolean   has_fields;
};

G_DEFINE_FINAL_TYPE (AtlasArticle, atlas_article, G_TYPE_OBJECT)

static void
entity_ref_free (gpointer data)
{
  AtlasEntityRef *ref = data;

  g_free (ref->id);
  g_free (ref->kind);
  g_free (ref->name);
  g_free (ref->country);
  g_free (ref);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
atlas_article_finalize (GObject *object)
{
  AtlasArticle *self = ATLAS_ARTICLE (object);

  g_free (self->item_id);
  g_free (self->feed_title);
  g_free (self->url);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->text);
  g_free (self->language);
  g_strfreev (self->authors);
  g_ptr_array_unref (self->entities);

  G_OBJECT_CLASS (atlas_article_parent_class)->finalize (object);
}

static void
atlas_article_class_init (AtlasArticleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_article_finalize;
}

static void
atlas_article_init (AtlasArticle *self)
{
  self->entities = g_ptr_array_new_with_free_func (entity_ref_free);
}

AtlasArticle *
atlas_article_new (gint64 id)
{
  AtlasArticle *self = g_object_new (ATLAS_TYPE_ARTICLE, NULL);

  self->id = id;
  return self;
}

void
atlas_article_set_fields (AtlasArticle *self,
                          const char   *item_id,
                          const char   *feed_title,
                          const char   *url,
                          const char   *title,
                          const char   *summary,
                          const char   *text,
                          const char   *language,
                          gboolean      has_published,
                          gint64        published,
                          AtlasDatePrecision precision)
{
  replace_string (&self->item_id, item_id);
  replace_string (&self->feed_title, feed_title);
  replace_string (&self->url, url);
  replace_string (&self->title, title);
  replace_string (&self->summary, summary);
  replace_string (&self->text, text);
  replace_string (&self->language, language);
  self->has_published = has_published;
  self->published = published;
  self->published_precision = precision;
  self->has_fields = TRUE;
}

/* Whether atlas_article_set_fields() was called: an article made from its
 * id alone (atlas_article_new()) has nothing but the id until then. */
gboolean
atlas_article_has_fields (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), FALSE);

  return self->has_fields;
}

void
atlas_article_add_entity (AtlasArticle *self,
                          const char   *id,
                          const char   *kind,
                          const char   *name,
                          const char   *country)
{
  AtlasEntityRef *ref = g_new0 (AtlasEntityRef, 1);

  ref->id = g_strdup (id);
  ref->kind = g_strdup (kind);
  ref->name = g_strdup (name);
  ref->country = g_strdup (country);
  g_ptr_array_add (self->entities, ref);
}

gint64 atlas_article_get_id (AtlasArticle *self) { return self->id; }
const char *atlas_article_get_item_id (AtlasArticle *self) { return self->item_id; }
const char *atlas_article_get_feed_title (AtlasArticle *self) { return self->feed_title; }
const char *atlas_article_get_url (AtlasArticle *self) { return self->url; }
const char *atlas_article_get_title (AtlasArticle *self) { return self->title; }
const char *atlas_article_get_summary (AtlasArticle *self) { return self->summary; }
const char *atlas_article_get_text (AtlasArticle *self) { return self->text; }
const char *atlas_article_get_language (AtlasArticle *self) { return self->language; }

/* The names, one a line as the store keeps them; NULL or "" for none. */
void
atlas_article_set_authors (AtlasArticle *self,
                           const char   *authors)
{
  g_return_if_fail (ATLAS_IS_ARTICLE (self));

  g_clear_pointer (&self->authors, g_strfreev);
  if (authors != NULL && *authors != '\0')
    self->authors = g_strsplit (authors, "\n", -1);
}

/* NULL when the feed named no one. */
const char * const *
atlas_article_get_authors (AtlasArticle *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE (self), NULL);
  return (const char * const *) self->authors;
}
GPtrArray *atlas_article_get_entities (AtlasArticle *self) { return self->entities; }

gboolean
atlas_article_get_published (AtlasArticle *self,
                             gint64       *published)
{
  if (published != NULL)
    *published = self->published;
  return self->has_published;
}

static AtlasPartialDate
published_as_partial_date (AtlasArticle *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (self->published);
  AtlasPartialDate date = { 0 };

  if (dt == NULL)
    return date;
  date.year = g_date_time_get_year (dt);
  date.month = g_date_time_get_month (dt);
  date.day = g_date_time_get_day_of_month (dt);
  date.precision = self->published_precision;
  return date;
}

/* The publication date for people, at the precision the source gave:
 * "18 sept. 2025", or "sept. 2025" when only the month is known. */
char *
atlas_article_format_date (AtlasArticle *self)
{
  AtlasPartialDate date;

  if (!self->has_published)
    return NULL;
  if (self->published_precision >= ATLAS_DATE_PRECISION_DAY)
    return atlas_timestamp_format_local (self->published);
  date = published_as_partial_date (self);
  return atlas_partial_date_format (&date);
}

/* RFC 3339 for a full date, or the partial date ("2025-09") it really is. */
char *
atlas_article_dup_published_iso (AtlasArticle *self)
{
  AtlasPartialDate date;

  if (!self->has_published)
    return NULL;
  if (self->published_precision >= ATLAS_DATE_PRECISION_DAY)
    return atlas_timestamp_to_iso8601 (self->published);
  date = published_as_partial_date (self);
  return atlas_partial_date_to_string (&date);
}

/* An entity's name with what tells it from another of the same name: its
 * country when given ("Nscale (Norway)"), else its kind ("Mercury
 * (product)"). */
char *
atlas_entity_name_told_apart (const char *name,
                              const char *kind,
                              const char *country)
{
  const char *apart = country != NULL ? atlas_country_display_name (country) : _(atlas_entity_kind_lookup (kind)->label);

  return g_strdup_printf (C_("entity name and what tells it apart", "%s (%s)"), name, apart);
}

/* What a chip or a list shows for the entity at `index` of `entities`: its
 * name, and when another of them has the same name (two companies called
 * alike), the name with what tells them apart: the country, if theirs
 * differ, else the kind. */
char *
atlas_entity_refs_label (GPtrArray *entities,
                         guint      index)
{
  const AtlasEntityRef *entity;
  gboolean twin = FALSE, same_country = TRUE;

  g_return_val_if_fail (index < entities->len, NULL);
  entity = g_ptr_array_index (entities, index);
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *other = g_ptr_array_index (entities, i);

      /* Compared as written: a list row asks for each of its chips. */
      if (i == index || g_strcmp0 (entity->name, other->name) != 0)
        continue;
      twin = TRUE;
      same_country &= g_strcmp0 (entity->country, other->country) == 0;
    }
  if (!twin)
    return g_strdup (entity->name);
  return atlas_entity_name_told_apart (entity->name, entity->kind, same_country ? NULL : entity->country);
}
