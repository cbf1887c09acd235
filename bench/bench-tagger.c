/* bench-tagger: the word-trie tagger against the obvious alternative, one
 * search per alias, on the same generated articles in the same process.
 *
 *   meson test -C build --benchmark tagger --verbose
 *   build/bench/bench-tagger [N_ALIASES] [N_ARTICLES]
 */
#include <string.h>

#include "atlas-tagger.h"
#include "atlas-text.h"

static const char *const words[] = {
  "data", "centre", "cloud", "compute", "power", "grid", "invest", "capacity", "site", "campus",
  "energie", "reseau", "calcul", "puces", "usine", "investissement", "projet", "region", "nord", "sud",
};

static char *
make_name (GRand *rand,
           guint  i)
{
  return g_strdup_printf ("%s%u %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i,
                          g_rand_boolean (rand) ? "Holdings" : "Systems");
}

static char *
make_article (GRand      *rand,
              GPtrArray  *names)
{
  GString *text = g_string_new (NULL);

  while (text->len < 2000)
    {
      if (g_rand_int_range (rand, 0, 40) == 0)
        g_string_append (text, g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len)));
      else
        g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ". " : " ");
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* The reference: fold the text once, then look for every folded alias and
 * keep the hits that sit on word boundaries. */
static void
naive_scan (GPtrArray  *folded_names,
            GPtrArray  *ids,
            const char *text,
            GHashTable *found)
{
  g_autofree char *folded = atlas_text_fold (text);

  for (guint i = 0; i < folded_names->len; i++)
    {
      const char *name = g_ptr_array_index (folded_names, i);
      gsize len = strlen (name);

      for (const char *hit = strstr (folded, name); hit != NULL; hit = strstr (hit + 1, name))
        {
          gboolean starts = hit == folded || !is_word_char (g_utf8_prev_char (hit));
          gboolean ends = hit[len] == '\0' || !is_word_char (hit + len);

          if (starts && ends)
            {
              g_hash_table_add (found, g_strdup (g_ptr_array_index (ids, i)));
              break;
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_aliases = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  guint n_articles = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folded_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtlasTagger) tagger = atlas_tagger_new ();
  g_autoptr(GHashTable) trie_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) naive_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 start, build_us, trie_us, naive_us;
  guint trie_hits = 0, naive_hits = 0;

  for (guint i = 0; i < n_aliases; i++)
    {
      g_ptr_array_add (names, make_name (rand, i));
      g_ptr_array_add (folded_names, atlas_text_fold (g_ptr_array_index (names, i)));
      g_ptr_array_add (ids, g_strdup_printf ("e%u", i));
    }
  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, make_article (rand, names));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_aliases; i++)
    atlas_tagger_add (tagger, g_ptr_array_index (names, i), g_ptr_array_index (ids, i));
  build_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_articles; i++)
    {
      atlas_tagger_scan (tagger, g_ptr_array_index (articles, i), trie_found);
      trie_hits += g_hash_table_size (trie_found);
      g_hash_table_remove_all (trie_found);
    }
  trie_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_articles; i++)
    {
      naive_scan (folded_names, ids, g_ptr_array_index (articles, i), naive_found);
      naive_hits += g_hash_table_size (naive_found);
      g_hash_table_remove_all (naive_found);
    }
  naive_us = g_get_monotonic_time () - start;

  g_print ("tagger: %u aliases, %u articles of ~2 KB\n", n_aliases, n_articles);
  g_print ("  trie: build %.1f ms, scan %.1f ms (%.3f ms per article), %u names found\n",
           build_us / 1000.0, trie_us / 1000.0, trie_us / 1000.0 / n_articles, trie_hits);
  g_print ("  one search per alias (reference): scan %.1f ms, %u names found\n", naive_us / 1000.0, naive_hits);
  g_print ("  ratio: the trie scans in %.4f of the reference's time (%.0fx faster)\n",
           (double) trie_us / naive_us, (double) naive_us / MAX (trie_us, 1));

  if (trie_hits != naive_hits)
    {
      g_printerr ("bench-tagger: the two methods disagree (%u vs %u)\n", trie_hits, naive_hits);
      return 1;
    }
  return 0;
}
