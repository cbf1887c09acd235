/* atlas-filter.c: what the user asked to see (countries, companies, entities, sites' status and certainty, text, dates) */
#include "atlas-filter.h"
#include "atlas-store.h"


G_DEFINE_BOXED_TYPE (AtlasFilter, atlas_filter, atlas_filter_copy, atlas_filter_free)

static GPtrArray *
string_set_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static gpointer
copy_string (gconstpointer string,
             gpointer      user_data)
{
  return g_strdup (string);
}

static GPtrArray *
string_set_copy (GPtrArray *set)
{
  return g_ptr_array_copy (set, copy_string, NULL);
}

static gboolean
string_set_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_ptr_array_find_with_equal_func (b, g_ptr_array_index (a, i), g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

AtlasFilter *
atlas_filter_new (void)
{
  AtlasFilter *filter = g_new0 (AtlasFilter, 1);

  filter->countries = string_set_new ();
  filter->companies = string_set_new ();
  filter->entities = string_set_new ();
  filter->statuses = string_set_new ();
  filter->certainties = string_set_new ();
  filter->since = G_MININT64;
  filter->until = G_MAXINT64;
  return filter;
}

AtlasFilter *
atlas_filter_copy (const AtlasFilter *filter)
{
  AtlasFilter *copy = g_new0 (AtlasFilter, 1);

  copy->countries = string_set_copy (filter->countries);
  copy->companies = string_set_copy (filter->companies);
  copy->entities = string_set_copy (filter->entities);
  copy->statuses = string_set_copy (filter->statuses);
  copy->certainties = string_set_copy (filter->certainties);
  copy->text = g_strdup (filter->text);
  copy->since = filter->since;
  copy->until = filter->until;
  return copy;
}

void
atlas_filter_free (AtlasFilter *filter)
{
  if (filter == NULL)
    return;
  g_ptr_array_unref (filter->countries);
  g_ptr_array_unref (filter->companies);
  g_ptr_array_unref (filter->entities);
  g_ptr_array_unref (filter->statuses);
  g_ptr_array_unref (filter->certainties);
  g_free (filter->text);
  g_free (filter);
}

gboolean
atlas_filter_equal (const AtlasFilter *a,
                    const AtlasFilter *b)
{
  return string_set_equal (a->countries, b->countries) &&
         string_set_equal (a->companies, b->companies) &&
         string_set_equal (a->entities, b->entities) &&
         string_set_equal (a->statuses, b->statuses) &&
         string_set_equal (a->certainties, b->certainties) &&
         g_strcmp0 (a->text ? a->text : "", b->text ? b->text : "") == 0 &&
         a->since == b->since && a->until == b->until;
}

gboolean
atlas_filter_is_empty (const AtlasFilter *filter)
{
  g_autofree char *fts = atlas_filter_fts_query (filter);

  return filter->countries->len == 0 && filter->companies->len == 0 &&
         filter->entities->len == 0 && filter->statuses->len == 0 && filter->certainties->len == 0 && fts == NULL &&
         filter->since == G_MININT64 && filter->until == G_MAXINT64;
}

GPtrArray *
atlas_filter_get_group (const AtlasFilter *filter,
                        AtlasFilterGroup   group)
{
  switch (group)
    {
    case ATLAS_FILTER_GROUP_COUNTRIES:
      return filter->countries;
    case ATLAS_FILTER_GROUP_COMPANIES:
      return filter->companies;
    case ATLAS_FILTER_GROUP_ENTITIES:
      return filter->entities;
    case ATLAS_FILTER_GROUP_STATUSES:
      return filter->statuses;
    case ATLAS_FILTER_GROUP_CERTAINTIES:
      return filter->certainties;
    case ATLAS_FILTER_GROUP_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
atlas_filter_contains (const AtlasFilter *filter,
                       AtlasFilterGroup   group,
                       const char        *id)
{
  return g_ptr_array_find_with_equal_func (atlas_filter_get_group (filter, group), id, g_str_equal, NULL);
}

void
atlas_filter_add (AtlasFilter      *filter,
                  AtlasFilterGroup  group,
                  const char       *id)
{
  if (!atlas_filter_contains (filter, group, id))
    g_ptr_array_add (atlas_filter_get_group (filter, group), g_strdup (id));
}

/* Returns TRUE when `id` is in the group afterwards. */
gboolean
atlas_filter_toggle (AtlasFilter      *filter,
                     AtlasFilterGroup  group,
                     const char       *id)
{
  GPtrArray *set = atlas_filter_get_group (filter, group);
  guint index;

  if (g_ptr_array_find_with_equal_func (set, id, g_str_equal, &index))
    {
      g_ptr_array_remove_index (set, index);
      return FALSE;
    }
  g_ptr_array_add (set, g_strdup (id));
  return TRUE;
}

static gboolean
append_prefix_term (const char *word,
                    gsize       len,
                    gpointer    user_data)
{
  GString *query = user_data;

  if (query->len > 0)
    g_string_append_c (query, ' ');
  /* A term is made of letters and digits, but a quote inside would be
   * doubled: whatever the user types, it is never FTS5 syntax. */
  g_string_append_c (query, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (word[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, word[i]);
    }
  g_string_append (query, "\"*");
  return TRUE;
}

/* The search text as an FTS5 query: every term must occur, each as a prefix
 * so results follow the typing. NULL when there is nothing to search for. */
char *
atlas_filter_fts_query (const AtlasFilter *filter)
{
  g_autoptr(GString) query = g_string_new (NULL);

  if (filter->text == NULL)
    return NULL;

  atlas_store_foreach_index_term (filter->text, append_prefix_term, query);
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}
