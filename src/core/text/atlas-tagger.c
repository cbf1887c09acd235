/* atlas-tagger.c: finds known names in plain text
 *
 * Names and aliases are folded (case, accents) and split into words, then kept
 * in a trie whose edges are whole words. Scanning an article walks its words
 * once and follows the trie from each word, so the cost grows with the text and
 * the longest name, not with the number of names, and a match can only start
 * and end on word boundaries ("UK" is not found in "techUK").
 */
#include "atlas-tagger.h"

#include <string.h>

#include "atlas-countries.h"
#include "atlas-text.h"

typedef struct _TrieNode TrieNode;

struct _TrieNode
{
  GHashTable *children;  /* word → TrieNode */
  GPtrArray  *targets;   /* ids found when a phrase ends here */
};

struct _AtlasTagger
{
  TrieNode *root;
  guint     n_phrases;
};

static TrieNode *
trie_node_new (void)
{
  return g_new0 (TrieNode, 1);
}

static void
trie_node_free (gpointer data)
{
  TrieNode *node = data;

  g_clear_pointer (&node->children, g_hash_table_unref);
  g_clear_pointer (&node->targets, g_ptr_array_unref);
  g_free (node);
}

AtlasTagger *
atlas_tagger_new (void)
{
  AtlasTagger *self = g_new0 (AtlasTagger, 1);

  self->root = trie_node_new ();
  return self;
}

void
atlas_tagger_free (AtlasTagger *self)
{
  if (self == NULL)
    return;
  trie_node_free (self->root);
  g_free (self);
}

static gboolean
collect_word (const char *word,
              gsize       len,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strndup (word, len));
  return TRUE;
}

void
atlas_tagger_add (AtlasTagger *self,
                  const char  *phrase,
                  const char  *target)
{
  g_autofree char *folded = atlas_text_fold (phrase);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  TrieNode *node = self->root;

  atlas_text_foreach_word (folded, collect_word, words);
  if (words->len == 0)
    return;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      TrieNode *child;

      if (node->children == NULL)
        node->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, trie_node_free);
      child = g_hash_table_lookup (node->children, word);
      if (child == NULL)
        {
          child = trie_node_new ();
          g_hash_table_insert (node->children, g_strdup (word), child);
        }
      node = child;
    }

  if (node->targets == NULL)
    node->targets = g_ptr_array_new_with_free_func (g_free);
  if (!g_ptr_array_find_with_equal_func (node->targets, target, g_str_equal, NULL))
    {
      g_ptr_array_add (node->targets, g_strdup (target));
      self->n_phrases++;
    }
}

void
atlas_tagger_add_countries (AtlasTagger *self)
{
  const AtlasCountry *countries;
  guint n;

  countries = atlas_countries_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      atlas_tagger_add (self, countries[i].name, countries[i].code);
      for (guint j = 0; countries[i].aliases[j] != NULL; j++)
        atlas_tagger_add (self, countries[i].aliases[j], countries[i].code);
    }
}

guint
atlas_tagger_get_n_phrases (AtlasTagger *self)
{
  return self->n_phrases;
}

typedef struct
{
  GArray *starts;
  GArray *lengths;
} WordSpans;

static gboolean
collect_span (const char *word,
              gsize       len,
              gpointer    user_data)
{
  WordSpans *spans = user_data;
  const char *start = word;

  g_array_append_val (spans->starts, start);
  g_array_append_val (spans->lengths, len);
  return TRUE;
}

/* Adds to `found` (a set of strings) every target whose phrase occurs in
 * `text` as whole words. */
void
atlas_tagger_scan (AtlasTagger *self,
                   const char  *text,
                   GHashTable  *found)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) lengths = NULL;
  WordSpans spans;
  char buffer[128];

  if (text == NULL || self->root->children == NULL)
    return;

  folded = atlas_text_fold (text);
  starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  spans.starts = starts;
  spans.lengths = lengths;
  atlas_text_foreach_word (folded, collect_span, &spans);

  for (guint i = 0; i < starts->len; i++)
    {
      TrieNode *node = self->root;

      for (guint j = i; j < starts->len && node->children != NULL; j++)
        {
          gsize len = g_array_index (lengths, gsize, j);

          /* No name has a word this long; it cannot continue a match. */
          if (len >= sizeof buffer)
            break;
          memcpy (buffer, g_array_index (starts, const char *, j), len);
          buffer[len] = '\0';

          node = g_hash_table_lookup (node->children, buffer);
          if (node == NULL)
            break;
          if (node->targets != NULL)
            for (guint k = 0; k < node->targets->len; k++)
              g_hash_table_add (found, g_strdup (g_ptr_array_index (node->targets, k)));
        }
    }
}

/* The entities named in an item's title, summary and text: a set of ids. */
GHashTable *
atlas_tagger_scan_item (AtlasTagger     *self,
                        const AtlasItem *item)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  atlas_tagger_scan (self, item->title, found);
  atlas_tagger_scan (self, item->summary, found);
  atlas_tagger_scan (self, item->text, found);
  return found;
}
