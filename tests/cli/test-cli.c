#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-test-server.h"
#include "atlas-test-util.h"

static char *dir;
static char *db;
/* Permissions do not stop root: the CLI then runs as "nobody". */
static gboolean as_nobody;

static int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  if (as_nobody && geteuid () == 0)
    {
      g_ptr_array_add (argv, "setpriv");
      g_ptr_array_add (argv, "--reuid=65534");
      g_ptr_array_add (argv, "--regid=65534");
      g_ptr_array_add (argv, "--clear-groups");
    }
  g_ptr_array_add (argv, (gpointer) g_getenv ("COMPUTE_ATLAS_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static JsonArray *
articles_json (const char *first_filter,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  const char *arg = first_filter;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COMPUTE_ATLAS_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, "articles");
  g_ptr_array_add (argv, "--json");
  va_start (args, first_filter);
  for (; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_import_and_list (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *entities = g_build_filename (CORPUS_DIR, "00-entities.json", NULL);
  g_autofree char *hyperai = g_build_filename (CORPUS_DIR, "10-hyperai.json", NULL);
  g_autofree char *revue = g_build_filename (CORPUS_DIR, "20-revue-de-presse.json", NULL);
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) norway = NULL;
  g_autoptr(JsonArray) search = NULL;
  JsonObject *article;

  g_assert_cmpint (run (&out, &err, "import", entities, hyperai, revue, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 article added"));

  all = articles_json (NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 2);
  article = json_array_get_object_element (all, 0);
  g_assert_cmpstr (json_object_get_string_member (article, "id"), ==, "urn:compute-atlas:corpus:uk-ai-factories-2025-09");
  g_assert_cmpstr (json_object_get_string_member (article, "feed"), ==, "HyperAI — Articles tendance");
  g_assert_cmpstr (json_object_get_string_member (article, "published"), ==, "2025-09");
  g_assert_true (json_object_has_member (article, "url"));
  g_assert_true (json_object_has_member (article, "title"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "entities")), >, 10);

  norway = articles_json ("--country", "no", NULL);
  g_assert_cmpuint (json_array_get_length (norway), ==, 1);
  g_clear_pointer (&norway, json_array_unref);
  norway = articles_json ("--country", "NO", "--company", "nvidia", "--since", "2024", "--until", "2024", NULL);
  g_assert_cmpuint (json_array_get_length (norway), ==, 1);
  search = articles_json ("--search", "Ecosse", NULL);
  g_assert_cmpuint (json_array_get_length (search), ==, 1);
}

static void
test_entities_and_facets (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *facets;
  JsonArray *countries;

  g_assert_cmpint (run (&out, &err, "entities", "--kind", "site", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 8);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "facets", "--company", "nscale", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  facets = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (facets, "articles"), ==, 1);
  countries = json_object_get_array_member (facets, "countries");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (countries, 0), "id"), ==, "GB");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "facets", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "United Kingdom"));
}

/* The events under the article filters, in time order, with their dates'
 * precision; --since and --until keep those whose span overlaps. */
static void
test_timeline (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *events;
  JsonObject *first, *investment = NULL;

  g_assert_cmpint (run (&out, &err, "timeline", "--country", "NO", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  events = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (events), ==, 6);
  first = json_array_get_object_element (events, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2017");
  g_assert_cmpstr (json_object_get_string_member (first, "precision"), ==, "year");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "other");
  g_assert_true (json_object_get_null_member (first, "amount"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* September 2025: the eight events of that month, the £11bn among them. */
  g_assert_cmpint (run (&out, &err, "timeline", "--since", "2025-09", "--until", "2025-09", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  events = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (events), ==, 8);
  for (guint i = 0; i < json_array_get_length (events) && investment == NULL; i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      if (g_strcmp0 (json_object_get_string_member (event, "kind"), "investment") == 0)
        investment = event;
    }
  g_assert_nonnull (investment);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (investment, "amount"), "value"), ==, 11e9);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (investment, "amount"), "currency"), ==, "GBP");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (investment, "quantity"), "value"), ==, 120000);
  g_assert_cmpint (json_object_get_int_member (investment, "article"), >, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* May 2024 overlaps the events known only to the year 2024. */
  g_assert_cmpint (run (&out, &err, "timeline", "--since", "2024-05", "--until", "2024-05", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "5 events"));
  g_assert_nonnull (strstr (out, "2024-05"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "timeline", "--since", "May 2024", NULL), !=, 0);
}

/* A synthetic corpus: files that import, the same for the same seed. */
static void
test_generate (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *corpus = g_build_filename (dir, "synthetic", NULL);
  g_autofree char *again = g_build_filename (dir, "synthetic-again", NULL);
  g_autofree char *articles = g_build_filename (corpus, "01-articles.json", NULL);
  g_autofree char *articles_again = g_build_filename (again, "01-articles.json", NULL);
  g_autofree char *entities = g_build_filename (corpus, "00-entities.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (run (&out, &err, "generate", "--out", corpus, "--articles", "40", "--entities", "30",
                        "--seed", "9", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 feeds written"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "generate", "--out", again, "--articles", "40", "--entities", "30",
                        "--seed", "9", NULL), ==, 0);
  g_assert_true (g_file_get_contents (articles, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (articles_again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "import", entities, articles, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "40 articles added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "generate", "--articles", "4", NULL), !=, 0);
}

static void
test_hostile_import (void)
{
  static const char *const bodies[] = {
    "",
    "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]",
    "\xff\xfe\x00garbage",
  };
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);

  g_assert_cmpint (run (&before, &err, "articles", "--json", NULL), ==, 0);
  g_assert_true (g_file_set_contents (good, "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *path = g_build_filename (dir, "hostile.json", NULL);
      g_autofree char *out = NULL;
      g_autofree char *after = NULL;

      g_clear_pointer (&err, g_free);
      g_assert_true (g_file_set_contents (path, bodies[i], i == 3 ? 11 : -1, NULL));
      g_assert_cmpint (run (&out, &err, "import", good, path, NULL), ==, 1);
      g_assert_nonnull (strstr (err, "hostile.json"));
      g_assert_nonnull (strstr (err, "refused"));
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (&after, &err, "articles", "--json", NULL), ==, 0);
      g_assert_cmpstr (before, ==, after);
    }
}


/* A store the CLI cannot use is named, left as it is, and the exit status
 * says so. */
static void
test_unusable_stores (void)
{
  static const char *const kinds[] = { "cut", "zeroed", "garbage", "newer" };
  g_autofree char *good = db;
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.db", dir, kinds[i]);
      g_autoptr(GBytes) bytes = atlas_test_write_spoilt_store (good, kinds[i], path);
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gsize after_size = 0;

      db = path;
      g_assert_cmpint (run (&out, &err, "articles", NULL), !=, 0);
      db = NULL;
      g_assert_nonnull (strstr (err, path));
      g_assert_nonnull (strstr (err, "left untouched"));
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), after, after_size);
    }
  /* Checkpointed by the spoiling: the whole store is in its main file. */
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));

  /* A read-only store, and a writable one in a read-only folder (where
   * SQLite cannot make the -shm file it needs even to read). */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/read-only-%u", dir, i);
      g_autofree char *path = g_build_filename (folder, "atlas.db", NULL);
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gsize after_size = 0;

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      g_assert_cmpint (g_chmod (path, i == 0 ? 0444 : 0666), ==, 0);
      g_assert_cmpint (g_chmod (folder, i == 0 ? 0777 : 0555), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      db = path;
      as_nobody = TRUE;
      g_assert_cmpint (run (&out, &err, "articles", NULL), !=, 0);
      as_nobody = FALSE;
      db = NULL;
      g_assert_nonnull (strstr (err, path));
      g_assert_nonnull (strstr (err, i == 0 ? "read-only" : "cannot be opened for writing"));
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (contents, length, after, after_size);
      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
    }
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  db = g_steal_pointer (&good);
}

/* The sites' and roll-ups' command-line contract, on a file whose rows
 * overlap: a possible duplicate, a site in three phases whose columns
 * disagree (the first names no successor), two owners, two countries. */
static JsonArray *
sites_json (const char *command,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list list;
  int status;

  va_start (list, command);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  /* run() takes its arguments listed: up to six filters here. */
  g_assert_cmpuint (args->len, <=, 6);
  g_ptr_array_set_size (args, 6);
  status = run (&out, &err, command, "--json", args->pdata[0], args->pdata[1], args->pdata[2],
                args->pdata[3], args->pdata[4], args->pdata[5], NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static JsonObject *
find_object (JsonArray  *array,
             const char *member,
             const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, member), value) == 0)
        return object;
    }
  g_error ("no %s “%s”", member, value);
}

static void
test_sites_and_rollup (void)
{
  g_autofree char *saved_db = db;
  g_autofree char *csv = g_build_filename (dir, "clusters.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) some = NULL;
  g_autoptr(JsonArray) countries = NULL;
  g_autoptr(JsonArray) companies = NULL;
  JsonObject *site, *chips, *us, *acme;
  static const char *const rows =
    "Name,Status,Certainty,H100 equivalents,Chip type (primary),Chip quantity (primary),Chip type (secondary),"
    "Chip quantity (secondary),Country,Owner,Users,First Operational Date,Power Capacity (MW),"
    "Reported Power Capacity (MW),Calculated Power Capacity (MW),Builds Upon,Superseded by,Possible Duplicate,"
    "Source 1,Source 2\n"
    "Big Phase 1,Existing,Confirmed,100,H100,100,,,United States of America,Acme,Beta,2024-05,10,10,,,,,https://a.example/1,\n"
    "Big Phase 2,Existing,Confirmed,300,H100,300,,,United States of America,Acme,,2025,30,,30,Big Phase 1,Big Phase 3,,,\n"
    "Big Phase 3,Planned,Likely,600,H100,600,B200,50,United States of America,Acme,,,60,,,Big Phase 2,,,,\n"
    "Big Copy,Existing,Confirmed,100,,,,,United States of America,Acme,,,10,,,,,True,,\n"
    "Small,Existing,Unlikely,5,,,,,France,\"Acme,Beta\",,,1,,,,,,,\n";

  db = g_build_filename (dir, "sites.db", NULL);
  g_assert_true (g_file_set_contents (csv, rows, -1, NULL));
  g_assert_cmpint (run (&out, &err, "import", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "5 sites added"));

  all = sites_json ("sites", NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 5);
  site = find_object (all, "name", "Big Phase 3");
  g_assert_cmpstr (json_object_get_string_member (site, "id"), ==, "big-phase-3");
  g_assert_cmpstr (json_object_get_string_member (site, "country"), ==, "US");
  g_assert_cmpstr (json_object_get_string_member (site, "status"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (site, "certainty"), ==, "likely");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (site, "owners"), 0), ==, "Acme");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (site, "users")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (site, "chips")), ==, 2);
  chips = json_array_get_object_element (json_object_get_array_member (site, "chips"), 1);
  g_assert_cmpstr (json_object_get_string_member (chips, "type"), ==, "B200");
  g_assert_cmpfloat (json_object_get_double_member (chips, "quantity"), ==, 50);
  g_assert_cmpfloat (json_object_get_double_member (site, "h100e"), ==, 600);
  g_assert_cmpfloat (json_object_get_double_member (site, "power_mw"), ==, 60);
  g_assert_true (json_object_get_null_member (site, "power_source"));
  g_assert_true (json_object_get_null_member (site, "first_operational"));
  g_assert_false (json_object_get_boolean_member (site, "duplicate"));
  g_assert_true (json_object_get_null_member (site, "superseded_by"));
  site = find_object (all, "name", "Big Phase 1");
  g_assert_cmpstr (json_object_get_string_member (site, "power_source"), ==, "reported");
  g_assert_cmpstr (json_object_get_string_member (site, "first_operational"), ==, "2024-05");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (site, "sources"), 0), ==, "https://a.example/1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (site, "users"), 0), ==, "Beta");
  site = find_object (all, "name", "Big Phase 2");
  g_assert_cmpstr (json_object_get_string_member (site, "power_source"), ==, "calculated");
  g_assert_cmpstr (json_object_get_string_member (site, "superseded_by"), ==, "Big Phase 3");
  g_assert_true (json_object_get_boolean_member (find_object (all, "name", "Big Copy"), "duplicate"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (find_object (all, "name", "Big Copy"), "sources")), ==, 0);

  /* Several values of one flag: any; different flags: all. */
  some = sites_json ("sites", "--status", "planned", "--status", "existing", "--certainty", "unlikely", NULL);
  g_assert_cmpuint (json_array_get_length (some), ==, 1);
  g_clear_pointer (&some, json_array_unref);
  some = sites_json ("sites", "--country", "fr", "--country", "US", "--company", "beta", NULL);
  g_assert_cmpuint (json_array_get_length (some), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (some, 0), "name"), ==, "Small");
  g_clear_pointer (&some, json_array_unref);
  some = sites_json ("sites", "--company", "acme", "--status", "existing", NULL);
  g_assert_cmpuint (json_array_get_length (some), ==, 4);

  /* Phases count once (the latest of the set), the duplicate not at all. */
  countries = sites_json ("rollup", "--by", "country", NULL);
  g_assert_cmpuint (json_array_get_length (countries), ==, 2);
  us = find_object (countries, "key", "US");
  g_assert_cmpstr (json_object_get_string_member (us, "name"), ==, "United States");
  g_assert_cmpint (json_object_get_int_member (us, "sites"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (us, "power_mw"), ==, 60);
  g_assert_cmpfloat (json_object_get_double_member (us, "h100e"), ==, 600);
  g_clear_pointer (&countries, json_array_unref);
  /* Without the planned phase, the existing one it superseded stands. */
  countries = sites_json ("rollup", "--by", "country", "--status", "existing", NULL);
  us = find_object (countries, "key", "US");
  g_assert_cmpint (json_object_get_int_member (us, "sites"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (us, "h100e"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (us, "left_out_duplicates"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (us, "left_out_phases"), ==, 1);

  companies = sites_json ("rollup", "--by", "company", NULL);
  g_assert_cmpuint (json_array_get_length (companies), ==, 2);
  acme = find_object (companies, "key", "acme");
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme");
  g_assert_cmpint (json_object_get_int_member (acme, "sites"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (acme, "power_mw"), ==, 61);
  g_assert_cmpfloat (json_object_get_double_member (acme, "h100e"), ==, 605);
  g_assert_cmpint (json_object_get_int_member (find_object (companies, "key", "beta"), "sites"), ==, 1);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "sites", "--status", "built", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“built” is not a status"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "rollup", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--by"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "rollup", "--by", "region", NULL), ==, 2);

  g_free (db);
  db = g_steal_pointer (&saved_db);
}

static void
test_usage_errors (void)
{
  static const char *const cases[][4] = {
    { "articles", "--country", "Britain", NULL },
    { "articles", "--company", "Not An Id", NULL },
    { "articles", "--since", "yesterday", NULL },
    { "articles", "--bogus", NULL, NULL },
    { "frobnicate", NULL, NULL, NULL },
    { "import", NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (&out, &err, cases[i][0], cases[i][1], cases[i][2], cases[i][3]), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "compute-atlas-cli: ") || strstr (err, "Usage") != NULL);
    }
}

static void
test_refuses_foreign_store (void)
{
  g_autofree char *saved = db;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  db = g_build_filename (dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (db, "my precious notes, not a database at all.......", -1, NULL));
  g_assert_cmpint (run (&out, &err, "articles", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "not a Compute Atlas store"));
  g_assert_true (g_file_get_contents (db, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my precious notes, not a database at all.......");
  g_free (db);
  db = g_steal_pointer (&saved);
}

/* Another process holding the store's write lock for longer than the five
 * seconds SQLite waits for it: the import exits 1 once they are over, says
 * the store is locked, and stores nothing. */
static void
test_busy_store (void)
{
  const char *feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Busy\","
                     " \"items\": [{\"id\": \"1\", \"title\": \"Waiting for the lock\"}]}";
  g_autofree char *saved = db;
  g_autofree char *feed_path = g_build_filename (dir, "busy.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  AtlasTestLock *lock;
  gint64 start;
  double seconds;
  int status;

  db = g_build_filename (dir, "busy.db", NULL);
  g_assert_true (g_file_set_contents (feed_path, feed, -1, NULL));
  g_assert_cmpint (run (&out, &err, "articles", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  lock = atlas_test_lock_hold (db, 7 * G_USEC_PER_SEC);
  start = g_get_monotonic_time ();
  status = run (&out, &err, "import", feed_path, NULL);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  atlas_test_lock_join (lock);

  g_test_message ("busy store: exit %d after %.1f s: %s", status, seconds, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpfloat (seconds, >=, 4.5);
  g_assert_cmpfloat (seconds, <, 7);
  g_assert_nonnull (strstr (err, db));
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_cmpint (run (&listed, NULL, "articles", NULL), ==, 0);
  g_assert_null (strstr (listed, "Waiting for the lock"));

  g_free (db);
  db = g_steal_pointer (&saved);
}

static void
test_feeds (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *url = atlas_test_server_url (server, "/cli.json");
  g_autofree char *html = atlas_test_server_url (server, "/html");
  g_autofree char *missing = atlas_test_server_url (server, "/status/404");
  g_autofree char *opml_path = g_build_filename (dir, "subscriptions.opml", NULL);
  g_autofree char *opml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *feed;

  atlas_test_server_set_feed (server, "/cli.json",
                              "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"News & <Views>\","
                              " \"items\": [{\"id\": \"n1\", \"title\": \"Nscale au Royaume-Uni\"}]}");

  g_assert_cmpint (run (&out, &err, "feeds", "add", url, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 article added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "feeds", "list", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  feed = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (feed, "url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (feed, "title"), ==, "News & <Views>");
  g_assert_cmpint (json_object_get_int_member (feed, "articles"), ==, 1);
  g_assert_true (json_object_get_boolean_member (feed, "enabled"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "feeds", "refresh", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "not modified"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not a feed: refused, and nothing changes. */
  g_assert_cmpint (run (&before, &err, "articles", "--json", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "add", html, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is a web page that names no feed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "articles", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Export, remove, import back: the title survives & and <. */
  g_assert_cmpint (run (&out, &err, "feeds", "export-opml", opml_path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (opml_path, &opml, NULL, NULL));
  g_assert_nonnull (strstr (opml, "News &amp; &lt;Views&gt;"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "remove", url, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "remove", url, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    g_autofree char *with_missing = g_strdup_printf ("<opml version=\"2.0\"><body>"
                                                     "<outline text=\"A &amp; B\" xmlUrl=\"%s\"/>"
                                                     "<outline text=\"Gone\" xmlUrl=\"%s\"/></body></opml>", url, missing);
    g_assert_true (g_file_set_contents (opml_path, with_missing, -1, NULL));
  }
  g_assert_cmpint (run (&out, &err, "feeds", "import-opml", opml_path, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "1 article added"));
  g_assert_nonnull (strstr (err, "404 Not Found"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "feeds", "disable", url, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(disabled)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* import URL reads a feed without subscribing to it. */
  g_assert_cmpint (run (&out, &err, "feeds", "remove", url, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "import", url, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
}

/* RSS and Atom files import like JSON Feeds; a site's address that names
 * several feeds lists them and exits 1, unless --first takes the first. */
static void
test_feed_formats_and_discovery (void)
{
  g_autoptr(AtlasTestServer) server = atlas_test_server_new ();
  g_autofree char *page = atlas_test_server_url (server, "/site/");
  g_autofree char *rss_url = atlas_test_server_url (server, "/site/news.rss");
  g_autofree char *atom_url = atlas_test_server_url (server, "/site/news.atom");
  g_autofree char *rss_file = g_test_build_filename (G_TEST_DIST, "data", "feeds", "rss2.xml", NULL);
  g_autofree char *atom_file = g_test_build_filename (G_TEST_DIST, "data", "feeds", "atom.xml", NULL);
  g_autofree char *rss = NULL;
  g_autofree char *html = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (rss_file, &rss, NULL, NULL));
  html = g_strdup_printf ("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"All\" href=\"news.rss\">"
                          "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"%s\"></head></html>", atom_url);
  atlas_test_server_set_typed_feed (server, "/site/", html, "text/html");
  atlas_test_server_set_typed_feed (server, "/site/news.rss", rss, "application/xml");

  g_assert_cmpint (run (&out, &err, "import", rss_file, atom_file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "4 articles added"));
  g_assert_nonnull (strstr (out, "2 articles added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Who wrote each article, as the feed says. */
  {
    g_autoptr(JsonArray) newport = articles_json ("--search", "Newport", NULL);
    JsonArray *authors;

    g_assert_cmpuint (json_array_get_length (newport), ==, 1);
    authors = json_object_get_array_member (json_array_get_object_element (newport, 0), "authors");
    g_assert_cmpuint (json_array_get_length (authors), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (authors, 0), ==, "Jane Doe");
  }

  /* The choice: each feed on a line of its own, address first. */
  g_assert_cmpint (run (&out, &err, "feeds", "add", page, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "names 2 feeds; choose one"));
  g_assert_nonnull (strstr (err, "--first"));
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], rss_url));
  g_assert_nonnull (strstr (lines[0], "\tAll\tapplication/rss+xml"));
  g_assert_true (g_str_has_prefix (lines[1], atom_url));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "import", page, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "feeds", "add", "--first", page, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "names the feed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "list", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, rss_url));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "feeds", "remove", rss_url, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("COMPUTE_ATLAS_CLI"));

  dir = atlas_test_make_dir ();
  db = g_build_filename (dir, "cli.db", NULL);

  g_test_add_func ("/cli/import-and-list", test_import_and_list);
  g_test_add_func ("/cli/entities-and-facets", test_entities_and_facets);
  g_test_add_func ("/cli/timeline", test_timeline);
  g_test_add_func ("/cli/sites-and-rollup", test_sites_and_rollup);
  g_test_add_func ("/cli/generate", test_generate);
  g_test_add_func ("/cli/hostile-import", test_hostile_import);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/refuses-foreign-store", test_refuses_foreign_store);
  g_test_add_func ("/cli/unusable-stores", test_unusable_stores);
  g_test_add_func ("/cli/busy-store", test_busy_store);
  g_test_add_func ("/cli/feeds", test_feeds);
  g_test_add_func ("/cli/feed-formats-and-discovery", test_feed_formats_and_discovery);

  status = g_test_run ();
  atlas_test_remove_dir (dir);
  return status;
}
