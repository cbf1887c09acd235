/* atlas-article-index.c: the filter's list and facet counts from memory
 *
 * SQLite answers one facet of 100,000 articles in tens of milliseconds, and a
 * filter change needs the list and three facets: several frames. The index
 * keeps what a filter looks at (dates, countries, mentions) as flat arrays in
 * list order, so one pass over the articles gives the ids and every count.
 * Only the text search still asks SQLite, for the ids FTS5 matches.
 *
 * The counting follows atlas-query.c to the letter (a test compares the two
 * on generated stores): within a group the choices OR, the groups AND, and a
 * facet counts the articles that pass every condition but its own group.
 *
 * The sites of the data files (a few hundred) are held too, and the same
 * filter selects them (atlas_site_matches()): the selection carries them
 * and their two facets, status and certainty, counted the same way.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-article-index.h"
#include "atlas-countries.h"
#include "atlas-kinds.h"
#include "atlas-query.h"
#include "atlas-sites.h"

typedef struct
{
  char  *id;
  char  *name;
  char  *sort_key;
  guint8 group;   /* AtlasFilterGroup, by its kind */
} Entity;

typedef struct
{
  gint64 id;
  guint  position;
} IdPosition;

struct _AtlasArticleIndex
{
  gatomicrefcount  ref_count;

  guint            n_articles;
  gint64          *ids;          /* list order: newest first */
  gint64          *starts;       /* publication, or G_MAXINT64 for none */
  gint64          *ends;         /* end of the span an article's date stands for */
  IdPosition      *by_id;        /* sorted by id, to meet FTS5's ascending ids */

  /* Per article, in list order: offsets into the flat arrays below. */
  guint           *country_offsets;
  guint16         *countries;
  guint           *mention_offsets;
  guint32         *mentions;

  GPtrArray       *country_codes;
  GHashTable      *country_by_code;  /* code → index + 1 */
  Entity          *entities;
  guint            n_entities;
  GHashTable      *entity_by_id;     /* id → index + 1 */

  GPtrArray       *sites;            /* AtlasSite, sealed */
};

G_DEFINE_BOXED_TYPE (AtlasArticleIndex, atlas_article_index, atlas_article_index_ref, atlas_article_index_unref)

AtlasArticleIndex *
atlas_article_index_ref (AtlasArticleIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_article_index_unref (AtlasArticleIndex *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->ids);
  g_free (self->starts);
  g_free (self->ends);
  g_free (self->by_id);
  g_free (self->country_offsets);
  g_free (self->countries);
  g_free (self->mention_offsets);
  g_free (self->mentions);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->country_by_code, g_hash_table_unref);
  for (guint i = 0; i < self->n_entities; i++)
    {
      g_free (self->entities[i].id);
      g_free (self->entities[i].name);
      g_free (self->entities[i].sort_key);
    }
  g_free (self->entities);
  g_clear_pointer (&self->entity_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_free (self);
}

guint
atlas_article_index_get_n_articles (AtlasArticleIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_articles;
}

static int
compare_id_positions (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = ((const IdPosition *) a)->id, y = ((const IdPosition *) b)->id;

  return x < y ? -1 : x > y;
}

/* Finds ids given in ascending order, as the store's primary keys and FTS5
 * give them: one walk of by_id for all of them, not a search each. */
typedef struct
{
  AtlasArticleIndex *index;
  guint              next;
} IdCursor;

static gboolean
id_cursor_find (IdCursor *cursor,
                gint64    id,
                guint    *position)
{
  const IdPosition *by_id = cursor->index->by_id;
  guint n = cursor->index->n_articles;

  while (cursor->next < n && by_id[cursor->next].id < id)
    cursor->next++;
  if (cursor->next == n || by_id[cursor->next].id != id)
    return FALSE;
  *position = by_id[cursor->next].position;
  return TRUE;
}

static gboolean
read_failed (AtlasStore  *store,
             int          rc,
             GError     **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  atlas_store_set_error (store, error, _("could not read the store"));
  return TRUE;
}

static gboolean
load_articles (AtlasArticleIndex  *self,
               AtlasStore         *store,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) by_id = g_array_new (FALSE, FALSE, sizeof (IdPosition));
  int rc;

  /* The span's end is SQLite's own arithmetic, the one the SQL filter uses. */
  stmt = atlas_store_prepare (store,
                              "SELECT id, published, CASE published_precision"
                              " WHEN 1 THEN CAST (strftime ('%s', published, 'unixepoch', '+1 year') AS INTEGER)"
                              " WHEN 2 THEN CAST (strftime ('%s', published, 'unixepoch', '+1 month') AS INTEGER)"
                              " ELSE published + 1 END "
                              "FROM articles ORDER BY published DESC, id DESC",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean dated = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 published = dated ? sqlite3_column_int64 (stmt, 1) : G_MAXINT64;
      gint64 end = dated ? sqlite3_column_int64 (stmt, 2) : G_MININT64;
      IdPosition entry = { id, ids->len };

      g_array_append_val (ids, id);
      g_array_append_val (starts, published);
      g_array_append_val (ends, end);
      g_array_append_val (by_id, entry);
    }
  if (read_failed (store, rc, error))
    return FALSE;

  g_array_sort (by_id, compare_id_positions);
  self->n_articles = ids->len;
  self->ids = (gint64 *) g_array_free (g_steal_pointer (&ids), FALSE);
  self->starts = (gint64 *) g_array_free (g_steal_pointer (&starts), FALSE);
  self->ends = (gint64 *) g_array_free (g_steal_pointer (&ends), FALSE);
  self->by_id = (IdPosition *) g_array_free (g_steal_pointer (&by_id), FALSE);
  return TRUE;
}

static gboolean
load_entities (AtlasArticleIndex  *self,
               AtlasStore         *store,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  int rc;

  stmt = atlas_store_prepare (store, "SELECT id, kind, name FROM entities", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      Entity entity;

      entity.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entity.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entity.sort_key = g_utf8_collate_key (entity.name, -1);
      entity.group = atlas_entity_kind_lookup (kind)->group;
      g_array_append_val (entities, entity);
      g_hash_table_insert (self->entity_by_id, entity.id, GUINT_TO_POINTER (entities->len));
    }
  self->n_entities = entities->len;
  self->entities = (Entity *) g_array_free (g_steal_pointer (&entities), FALSE);
  return !read_failed (store, rc, error);
}

typedef struct
{
  guint   position;
  guint32 value;
} Pair;

/* Turns (article position, value) pairs into per-article runs. */
static void
fill_runs (guint    n_articles,
           GArray  *pairs,
           guint  **offsets_out,
           gsize    value_size,
           gpointer *values_out)
{
  guint *offsets = g_new0 (guint, n_articles + 1);
  guint *cursor;
  guint8 *values = g_malloc (MAX (pairs->len, 1) * value_size);

  for (guint i = 0; i < pairs->len; i++)
    offsets[g_array_index (pairs, Pair, i).position + 1]++;
  for (guint i = 0; i < n_articles; i++)
    offsets[i + 1] += offsets[i];

  cursor = g_memdup2 (offsets, n_articles * sizeof (guint) + sizeof (guint));
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      guint slot = cursor[pair->position]++;

      if (value_size == sizeof (guint16))
        ((guint16 *) values)[slot] = pair->value;
      else
        ((guint32 *) values)[slot] = pair->value;
    }
  g_free (cursor);

  *offsets_out = offsets;
  *values_out = values;
}

/* What a row's second column stands for in the index; FALSE to skip it. */
typedef gboolean (*ValueOf) (AtlasArticleIndex *self,
                             const char        *text,
                             guint32           *value);

static gboolean
entity_value (AtlasArticleIndex *self,
              const char        *id,
              guint32           *value)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->entity_by_id, id));

  *value = index - 1;
  return index > 0;
}

/* Countries are numbered as they first come. */
static gboolean
country_value (AtlasArticleIndex *self,
               const char        *code,
               guint32           *value)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->country_by_code, code));

  if (index == 0)
    {
      if (self->country_codes->len == G_MAXUINT16)
        return FALSE;
      g_ptr_array_add (self->country_codes, g_strdup (code));
      index = self->country_codes->len;
      g_hash_table_insert (self->country_by_code, g_ptr_array_index (self->country_codes, index - 1),
                           GUINT_TO_POINTER (index));
    }
  *value = index - 1;
  return TRUE;
}

/* The (article position, value) pairs of `sql`, whose rows are an article
 * id and a text, in article order. */
static GArray *
read_pairs (AtlasArticleIndex  *self,
            AtlasStore         *store,
            const char         *sql,
            ValueOf             value_of,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, error);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  IdCursor cursor = { self, 0 };
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pair pair;

      if (id_cursor_find (&cursor, sqlite3_column_int64 (stmt, 0), &pair.position) &&
          value_of (self, (const char *) sqlite3_column_text (stmt, 1), &pair.value))
        g_array_append_val (pairs, pair);
    }
  return read_failed (store, rc, error) ? NULL : g_steal_pointer (&pairs);
}

static gboolean
load_mentions (AtlasArticleIndex  *self,
               AtlasStore         *store,
               GError            **error)
{
  g_autoptr(GArray) pairs = read_pairs (self, store, "SELECT article_id, entity_id FROM mentions ORDER BY article_id",
                                        entity_value, error);

  if (pairs == NULL)
    return FALSE;
  fill_runs (self->n_articles, pairs, &self->mention_offsets, sizeof (guint32), (gpointer *) &self->mentions);
  return TRUE;
}

static gboolean
load_countries (AtlasArticleIndex  *self,
                AtlasStore         *store,
                GError            **error)
{
  g_autoptr(GArray) pairs = read_pairs (self, store,
                                        "SELECT article_id, country FROM article_countries ORDER BY article_id",
                                        country_value, error);

  if (pairs == NULL)
    return FALSE;
  fill_runs (self->n_articles, pairs, &self->country_offsets, sizeof (guint16), (gpointer *) &self->countries);
  return TRUE;
}

/* Reads the whole store once, in one read transaction so that the articles,
 * mentions and countries are of the same moment. */
AtlasArticleIndex *
atlas_article_index_new (AtlasStore    *store,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(AtlasArticleIndex) self = g_new0 (AtlasArticleIndex, 1);
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->country_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!atlas_store_exec (store, "BEGIN", error))
    return NULL;
  ok = load_articles (self, store, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       load_entities (self, store, error) &&
       load_mentions (self, store, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       load_countries (self, store, error) &&
       (self->sites = atlas_sites_query (store, NULL, error)) != NULL;
  atlas_store_exec (store, "COMMIT", NULL);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* A GTaskThreadFunc that builds the index of the store at the path
 * `task_data` through a connection of its own. */
void
atlas_article_index_build_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  g_autoptr(AtlasStore) store = NULL;
  AtlasArticleIndex *index = NULL;
  GError *error = NULL;

  store = atlas_store_open (task_data, &error);
  if (store != NULL)
    index = atlas_article_index_new (store, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, (GDestroyNotify) atlas_article_index_unref);
}

/* ---- selecting ---------------------------------------------------------- */

enum {
  FAILS_COUNTRIES = 1 << 0,
  FAILS_COMPANIES = 1 << 1,
  FAILS_ENTITIES  = 1 << 2,
  FAILS_DATES     = 1 << 3,  /* no facet counts it */
};

/* Marks the chosen ids of a group among `n` known ones (`known` maps an id
 * to its index + 1); an id the store does not know matches nothing, as in
 * SQL. NULL when the group is empty. */
static guint8 *
choices (GHashTable *known,
         guint       n,
         GPtrArray  *ids)
{
  guint8 *chosen;

  if (ids->len == 0)
    return NULL;
  chosen = g_malloc0 (MAX (n, 1));
  for (guint i = 0; i < ids->len; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (known, g_ptr_array_index (ids, i)));
      if (index > 0)
        chosen[index - 1] = 1;
    }
  return chosen;
}

static gboolean
any_chosen (const guint8  *chosen,
            const guint32 *values,
            guint          from,
            guint          to)
{
  for (guint i = from; i < to; i++)
    if (chosen[values[i]])
      return TRUE;
  return FALSE;
}

/* Which articles the text search keeps. */
static guint8 *
text_matches (AtlasArticleIndex  *self,
              AtlasStore         *store,
              const char         *fts_query,
              GError            **error)
{
  g_autoptr(GArray) ids = atlas_query_text_matches (store, fts_query, error);
  IdCursor cursor = { self, 0 };
  guint8 *matches;

  if (ids == NULL)
    return NULL;
  matches = g_malloc0 (MAX (self->n_articles, 1));
  for (guint i = 0; i < ids->len; i++)
    {
      guint position;

      if (id_cursor_find (&cursor, g_array_index (ids, gint64, i), &position))
        matches[position] = 1;
    }
  return matches;
}

static GPtrArray *
facet_from_counts (AtlasArticleIndex *self,
                   AtlasStore        *store,
                   const AtlasFilter *filter,
                   AtlasFilterGroup   group,
                   const guint       *counts)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);

  if (group == ATLAS_FILTER_GROUP_COUNTRIES)
    {
      for (guint i = 0; i < self->country_codes->len; i++)
        if (counts[i] > 0)
          {
            const char *code = g_ptr_array_index (self->country_codes, i);

            g_ptr_array_add (all, atlas_facet_entry_new (code, atlas_country_display_name (code), NULL, counts[i],
                                                         atlas_filter_contains (filter, group, code)));
          }
    }
  else
    {
      for (guint i = 0; i < self->n_entities; i++)
        if (counts[i] > 0 && self->entities[i].group == group)
          {
            const Entity *entity = &self->entities[i];

            g_ptr_array_add (all, atlas_facet_entry_new (entity->id, entity->name, entity->sort_key, counts[i],
                                                         atlas_filter_contains (filter, group, entity->id)));
          }
    }
  return atlas_facet_entries_finish (all, store, filter, group, G_MAXUINT);
}

static AtlasSelection *
selection_new (void)
{
  AtlasSelection *selection = g_new0 (AtlasSelection, 1);

  g_atomic_ref_count_init (&selection->ref_count);
  selection->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  selection->undated_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  selection->undated_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  return selection;
}

/* One site facet: each status (or certainty) with the sites that pass the
 * rest of the filter, in the vocabulary's order; those with none are left
 * out unless chosen. */
static GPtrArray *
site_facet (GPtrArray         *sites,
            const AtlasFilter *filter,
            AtlasFilterGroup   group)
{
  guint n_words = 0;
  const AtlasSiteWordInfo *words = atlas_site_words (group, &n_words);
  g_autofree guint *counts = g_new0 (guint, n_words);
  GPtrArray *chosen = atlas_filter_get_group (filter, group);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);

  for (guint i = 0; i < sites->len; i++)
    {
      AtlasSite *site = g_ptr_array_index (sites, i);
      const char *value = group == ATLAS_FILTER_GROUP_STATUSES ? site->status : site->certainty;

      if (value == NULL || !atlas_site_matches (site, filter, group))
        continue;
      for (guint w = 0; w < n_words; w++)
        if (g_str_equal (value, words[w].id))
          counts[w]++;
    }
  for (guint w = 0; w < n_words; w++)
    {
      gboolean selected = g_ptr_array_find_with_equal_func (chosen, words[w].id, g_str_equal, NULL);

      if (counts[w] > 0 || selected)
        g_ptr_array_add (entries, atlas_facet_entry_new (words[w].id, _(words[w].label), NULL, counts[w], selected));
    }
  return entries;
}

/* The sites `filter` selects among `all` and their facets. */
static void
select_sites (AtlasSelection    *selection,
              GPtrArray         *all,
              const AtlasFilter *filter)
{
  selection->all_sites = g_ptr_array_ref (all);
  selection->sites = atlas_sites_select (all, filter);
  selection->statuses = site_facet (all, filter, ATLAS_FILTER_GROUP_STATUSES);
  selection->certainties = site_facet (all, filter, ATLAS_FILTER_GROUP_CERTAINTIES);
  selection->event_entities = atlas_sites_event_entities (all, filter);
}

/* Room for every article, filled through a pointer: an append a call costs
 * a sixth of a selection. */
static gint64 *
make_room (GArray *array,
           guint   n)
{
  g_array_set_size (array, n);
  return (gint64 *) (gpointer) array->data;
}

/* Down to its `len` values, in an array of that size when the room taken
 * was more than twice that, since selections are kept while views use them. */
static GArray *
trim (GArray *array,
      guint   len)
{
  GArray *trimmed;

  if (len >= array->len / 2)
    return g_array_set_size (array, len);
  trimmed = g_array_sized_new (FALSE, FALSE, sizeof (gint64), len);
  g_array_append_vals (trimmed, array->data, len);
  g_array_unref (array);
  return trimmed;
}

static void
reverse_times (GArray *times)
{
  gint64 *first = (gint64 *) (gpointer) times->data;

  for (guint i = 0, j = times->len; i + 1 < j; i++, j--)
    {
      gint64 swap = first[i];

      first[i] = first[j - 1];
      first[j - 1] = swap;
    }
}

/* The index of the first of the ascending `times` at or after `time`. */
static guint
first_at_or_after (const gint64 *times,
                   guint         n,
                   gint64        time)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (times[middle] < time)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The list and the three facets for `filter`. `store` answers the text
 * search, the one part that is not in memory. */
AtlasSelection *
atlas_article_index_select (AtlasArticleIndex  *self,
                            AtlasStore         *store,
                            const AtlasFilter  *filter,
                            GError            **error)
{
  g_autofree char *fts_query = atlas_filter_fts_query (filter);
  g_autofree guint8 *chosen_countries = choices (self->country_by_code, self->country_codes->len, filter->countries);
  g_autofree guint8 *chosen_companies = choices (self->entity_by_id, self->n_entities, filter->companies);
  g_autofree guint8 *chosen_entities = choices (self->entity_by_id, self->n_entities, filter->entities);
  g_autofree guint8 *text = NULL;
  g_autofree guint *country_counts = g_new0 (guint, MAX (self->country_codes->len, 1));
  /* Companies' and other entities' counts, each entity in its own group. */
  g_autofree guint *mention_counts = g_new0 (guint, MAX (self->n_entities, 1));
  gboolean dated = filter->since != G_MININT64 || filter->until != G_MAXINT64;
  AtlasSelection *selection;
  gint64 *ids, *undated_ids, *undated_times;
  guint n_ids = 0, n_undated = 0, n_times = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (fts_query != NULL && (text = text_matches (self, store, fts_query, error)) == NULL)
    return NULL;

  selection = selection_new ();
  ids = make_room (selection->ids, self->n_articles);
  undated_ids = make_room (selection->undated_ids, self->n_articles);
  undated_times = make_room (selection->undated_times, self->n_articles);

  for (guint a = 0; a < self->n_articles; a++)
    {
      guint c_from = self->country_offsets[a], c_to = self->country_offsets[a + 1];
      guint m_from = self->mention_offsets[a], m_to = self->mention_offsets[a + 1];
      guint fails = 0;

      if (text != NULL && !text[a])
        continue;
      if (dated && !(self->ends[a] > filter->since && self->starts[a] < filter->until))
        fails |= FAILS_DATES;

      if (chosen_countries != NULL)
        {
          gboolean found = FALSE;
          for (guint i = c_from; i < c_to && !found; i++)
            found = chosen_countries[self->countries[i]];
          if (!found)
            fails |= FAILS_COUNTRIES;
        }
      if (chosen_companies != NULL && !any_chosen (chosen_companies, self->mentions, m_from, m_to))
        fails |= FAILS_COMPANIES;
      if (chosen_entities != NULL && !any_chosen (chosen_entities, self->mentions, m_from, m_to))
        fails |= FAILS_ENTITIES;

      if ((fails & ~FAILS_DATES) == 0)
        {
          undated_ids[n_undated++] = self->ids[a];
          if (self->starts[a] != G_MAXINT64)
            undated_times[n_times++] = self->starts[a];
        }
      /* Counted only within the dates; an article failing one group is
       * still counted by that group's facet: ticking one of its entries
       * would bring it in. */
      if (fails & FAILS_DATES)
        continue;
      if (fails == 0)
        ids[n_ids++] = self->ids[a];
      if ((fails & ~FAILS_COUNTRIES) == 0)
        for (guint i = c_from; i < c_to; i++)
          country_counts[self->countries[i]]++;
      if (fails == 0)
        for (guint i = m_from; i < m_to; i++)
          mention_counts[self->mentions[i]]++;
      else if (fails == FAILS_COMPANIES || fails == FAILS_ENTITIES)
        {
          /* Failing one of the two groups only: that group's facet counts
           * it, and the other's does not. */
          guint8 counted = fails == FAILS_COMPANIES ? ATLAS_FILTER_GROUP_COMPANIES : ATLAS_FILTER_GROUP_ENTITIES;

          for (guint i = m_from; i < m_to; i++)
            if (self->entities[self->mentions[i]].group == counted)
              mention_counts[self->mentions[i]]++;
        }
    }
  selection->ids = trim (selection->ids, n_ids);
  selection->undated_ids = trim (selection->undated_ids, n_undated);
  selection->undated_times = trim (selection->undated_times, n_times);

  selection->countries = facet_from_counts (self, store, filter, ATLAS_FILTER_GROUP_COUNTRIES, country_counts);
  selection->companies = facet_from_counts (self, store, filter, ATLAS_FILTER_GROUP_COMPANIES, mention_counts);
  selection->entities = facet_from_counts (self, store, filter, ATLAS_FILTER_GROUP_ENTITIES, mention_counts);
  /* The list is newest first; atlas_selection_count_by_time() searches
   * the times in ascending order. */
  reverse_times (selection->undated_times);
  select_sites (selection, self->sites, filter);
  return selection;
}

/* The same through SQL alone, for a store without an index (the CLI) and as
 * the reference the index is tested against. */
AtlasSelection *
atlas_selection_new_from_store (AtlasStore         *store,
                                const AtlasFilter  *filter,
                                GError            **error)
{
  g_autoptr(AtlasSelection) selection = selection_new ();
  g_autoptr(AtlasFilter) undated = atlas_filter_copy (filter);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) undated_ids = NULL;
  g_autoptr(GPtrArray) sites = NULL;

  undated->since = G_MININT64;
  undated->until = G_MAXINT64;
  if ((ids = atlas_query_article_ids (store, filter, error)) == NULL ||
      (undated_ids = atlas_query_article_ids (store, undated, error)) == NULL ||
      !atlas_query_article_times (store, undated_ids, selection->undated_times, error) ||
      (selection->countries = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COUNTRIES, G_MAXUINT, error)) == NULL ||
      (selection->companies = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_COMPANIES, G_MAXUINT, error)) == NULL ||
      (selection->entities = atlas_query_facet (store, filter, ATLAS_FILTER_GROUP_ENTITIES, G_MAXUINT, error)) == NULL ||
      (sites = atlas_sites_query (store, NULL, error)) == NULL)
    return NULL;
  select_sites (selection, sites, filter);
  g_array_append_vals (selection->ids, ids->data, ids->len);
  g_array_append_vals (selection->undated_ids, undated_ids->data, undated_ids->len);
  return g_steal_pointer (&selection);
}

GPtrArray *
atlas_selection_get_facet (AtlasSelection   *selection,
                           AtlasFilterGroup  group)
{
  switch (group)
    {
    case ATLAS_FILTER_GROUP_COUNTRIES:
      return selection->countries;
    case ATLAS_FILTER_GROUP_COMPANIES:
      return selection->companies;
    case ATLAS_FILTER_GROUP_ENTITIES:
      return selection->entities;
    case ATLAS_FILTER_GROUP_STATUSES:
      return selection->statuses;
    case ATLAS_FILTER_GROUP_CERTAINTIES:
      return selection->certainties;
    case ATLAS_FILTER_GROUP_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* How many of the articles the filter selects, its dates aside, were
 * published in each bucket [edges[i], edges[i + 1]): the timeline's article
 * strip, two binary searches a bucket. */
GArray *
atlas_selection_count_by_time (AtlasSelection *selection,
                               GArray         *edges)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  const gint64 *times = (const gint64 *) (gpointer) selection->undated_times->data;
  guint n = selection->undated_times->len;

  g_return_val_if_fail (edges != NULL, counts);

  g_array_set_size (counts, edges->len > 0 ? edges->len - 1 : 0);
  for (guint i = 0; i < counts->len; i++)
    g_array_index (counts, guint, i) = first_at_or_after (times, n, g_array_index (edges, gint64, i + 1)) -
                                       first_at_or_after (times, n, g_array_index (edges, gint64, i));
  return counts;
}

AtlasSelection *
atlas_selection_ref (AtlasSelection *selection)
{
  g_return_val_if_fail (selection != NULL, NULL);
  g_atomic_ref_count_inc (&selection->ref_count);
  return selection;
}

void
atlas_selection_unref (AtlasSelection *selection)
{
  g_return_if_fail (selection != NULL);
  if (!g_atomic_ref_count_dec (&selection->ref_count))
    return;
  g_array_unref (selection->ids);
  g_array_unref (selection->undated_ids);
  g_array_unref (selection->undated_times);
  g_clear_pointer (&selection->countries, g_ptr_array_unref);
  g_clear_pointer (&selection->companies, g_ptr_array_unref);
  g_clear_pointer (&selection->entities, g_ptr_array_unref);
  g_clear_pointer (&selection->sites, g_ptr_array_unref);
  g_clear_pointer (&selection->all_sites, g_ptr_array_unref);
  g_clear_pointer (&selection->statuses, g_ptr_array_unref);
  g_clear_pointer (&selection->certainties, g_ptr_array_unref);
  g_clear_pointer (&selection->event_entities, g_ptr_array_unref);
  g_free (selection);
}
