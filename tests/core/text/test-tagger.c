#include "atlas-tagger.h"
#include "atlas-text.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
scan (AtlasTagger *tagger,
      const char  *text)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree const char **keys = NULL;
  guint n = 0;

  atlas_tagger_scan (tagger, text, found);
  keys = (const char **) g_hash_table_get_keys_as_array (found, &n);
  g_qsort_with_data (keys, n, sizeof (char *), compare_strings, NULL);
  return g_strjoinv (",", (char **) keys);
}

static AtlasTagger *
corpus_tagger (void)
{
  AtlasTagger *tagger = atlas_tagger_new ();

  atlas_tagger_add_countries (tagger);
  atlas_tagger_add (tagger, "NVIDIA", "nvidia");
  atlas_tagger_add (tagger, "Oxford Quantum Circuits", "oqc");
  atlas_tagger_add (tagger, "OQC", "oqc");
  atlas_tagger_add (tagger, "Oxford", "oxford");
  atlas_tagger_add (tagger, "techUK", "techuk");
  atlas_tagger_add (tagger, "Université d'Édimbourg", "edinburgh");
  return tagger;
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  /* French country names, accents and case do not matter. */
  { "Le Royaume-Uni investit", "GB" },
  { "en ECOSSE comme en Angleterre", "GB" },
  { "Les Pays-Bas, la Norvège et la Suède", "NL,NO,SE" },
  { "l'Espagne et l'Allemagne", "DE,ES" },
  { "aux États-Unis", "US" },
  { "aux Etats-Unis", "US" },
  /* English names. */
  { "The United Kingdom and the Netherlands", "GB,NL" },
  { "Norway, Sweden, Spain and Germany", "DE,ES,NO,SE" },
  { "Scotland and England", "GB" },
  /* Word boundaries: "UK" inside "techUK" is not the country. */
  { "techUK launches a hub", "techuk" },
  { "the UK and techUK", "GB,techuk" },
  { "Nvidia's chips", "nvidia" },
  { "NVIDIAX is not a match", "" },
  /* Overlapping names: both the long and the short one are found. */
  { "Oxford Quantum Circuits (OQC)", "oqc,oxford" },
  { "avec l'Université d'Édimbourg", "edinburgh" },
  { "universite d'edimbourg", "edinburgh" },
  { "", "" },
  { "no names here at all", "" },
};

static void
test_cases (void)
{
  g_autoptr(AtlasTagger) tagger = corpus_tagger ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = scan (tagger, cases[i].text);
      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

static void
test_many_aliases (void)
{
  g_autoptr(AtlasTagger) tagger = atlas_tagger_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *ids = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u Holdings", i);
      g_autofree char *id = g_strdup_printf ("c%u", i);
      atlas_tagger_add (tagger, name, id);
    }
  g_assert_cmpuint (atlas_tagger_get_n_phrases (tagger), ==, 5000);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Company holdings and more words in a long article text. ");
  g_string_append (text, "Company 4321 Holdings announced");
  ids = scan (tagger, text->str);
  g_assert_cmpstr (ids, ==, "c4321");
}

static void
test_fold (void)
{
  g_autofree char *a = atlas_text_fold ("Écosse NORVÈGE Ærø");
  g_assert_cmpstr (a, ==, "ecosse norvege ærø");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tagger/cases", test_cases);
  g_test_add_func ("/tagger/many-aliases", test_many_aliases);
  g_test_add_func ("/tagger/fold", test_fold);

  return g_test_run ();
}
