/* test-epoch-import.c: Epoch AI's files written to the store, whole or not at all */
#include <string.h>

#include "atlas-epoch-import.h"
#include "atlas-importer.h"
#include "atlas-test-util.h"

static gint64
count (AtlasStore *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
text (AtlasStore *store,
      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static AtlasImportReport *
import_csv (AtlasStore *store,
            const char *name,
            const char *csv)
{
  return atlas_import_data (store, csv, strlen (csv), name, NULL);
}

static void
assert_imported (AtlasImportReport *report)
{
  if (report->error != NULL)
    g_error ("import refused: %s", report->error);
}

#define CLUSTER_HEADER \
  "Name,Status,Certainty,H100 equivalents,Chip type (primary),Chip quantity (primary),Country,Owner,Users," \
  "First Operational Date,Power Capacity (MW),Reported Power Capacity (MW),Calculated Power Capacity (MW)," \
  "Location,Builds Upon,Superseded by,Possible Duplicate,Quote,Source 1,Source 2\n"

/* Quoted commas, doubled quotes and a line break in a field; countries by
 * their ISO names; owners merged with a company the store already has. */
static void
test_clusters (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) feed = NULL;
  g_autoptr(AtlasImportReport) report = NULL;
  g_autofree char *quote = NULL;
  static const char *const feed_json =
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[],"
    "\"_atlas\":{\"entities\":[{\"id\":\"xai-corp\",\"kind\":\"company\",\"name\":\"xAI Corp\",\"aliases\":[\"xAI\"]}]}}";
  static const char *const csv =
    CLUSTER_HEADER
    "Colossus,Existing,Confirmed,200000,\"NVIDIA H100, H200\",200000,United States of America,xAI,\"xAI,Cloud\","
    "2024-09-02,300,,300,\"Memphis, Tennessee\",,Colossus Phase 2,,\"He said \"\"it is big\"\"\nand more\","
    "https://example.com/a,not a link\n"
    "Colossus Phase 2,Planned,Likely,,,,Korea (Republic of),\"xAI, Nvidia\",,2026,1000,1000,800,,Colossus,,True,,,\n"
    "Anonymous,Decommissioned,Unlikely,10,,,Philippines (the),,,,,,,,,,,,,\n"
    "Anonymous,Existing,Confirmed,20,,,,,,,,,,,,,,,,\n";

  feed = atlas_import_data (store, feed_json, strlen (feed_json), "feed.json", NULL);
  assert_imported (feed);

  report = import_csv (store, "/somewhere/gpu_clusters.csv", csv);
  assert_imported (report);
  g_assert_cmpuint (report->unit, ==, ATLAS_IMPORT_UNIT_SITES);
  g_assert_cmpuint (report->added, ==, 4);

  g_assert_cmpint (count (store, "SELECT count(*) FROM sites"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'site'"), ==, 4);
  /* The shared name is two sites. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE name IN ('Anonymous #1', 'Anonymous #2')"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'colossus' AND country = 'US' "
                          "AND place = 'Memphis, Tennessee'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'colossus-phase-2' AND country = 'KR'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE name = 'Anonymous #1' AND country = 'PH'"), ==, 1);
  /* xAI is the store's company, found by its alias, not a second one. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'company'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE subject = 'xai-corp' AND predicate = 'owns'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE subject = 'xai-corp' AND predicate = 'uses' "
                          "AND object = 'colossus'"), ==, 1);
  /* "Cloud" is a word, not a company: no entity, but kept as the file wrote it. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE name = 'Cloud'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE users = 'xAI\nCloud'"), ==, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE entity_id = 'colossus' AND status = 'existing' "
                          "AND certainty = 'confirmed' AND chip_type = 'NVIDIA H100, H200' AND chip_quantity = 200000 "
                          "AND power_mw = 300 AND power_source = 'calculated' AND first_operational = '2024-09-02' "
                          "AND superseded_by = 'Colossus Phase 2' AND duplicate = 0 "
                          "AND sources = 'https://example.com/a' AND source_row = 2 AND source_file = 'gpu_clusters.csv'"), ==, 1);
  quote = text (store, "SELECT quote FROM sites WHERE entity_id = 'colossus'");
  g_assert_cmpstr (quote, ==, "He said \"it is big\"\nand more");
  /* The second row starts on line 4: the quote took two. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE entity_id = 'colossus-phase-2' AND status = 'planned' "
                          "AND certainty = 'likely' AND power_source = 'reported' AND first_operational = '2026' "
                          "AND first_operational_precision = 1 AND builds_upon = 'Colossus' AND duplicate = 1 "
                          "AND source_row = 4"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE status = 'decommissioned' AND certainty = 'unlikely'"), ==, 1);
  /* First operational dates are events of their site, traced to their row. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM events e JOIN event_entities x ON x.event_id = e.id "
                          "WHERE e.kind = 'opening' AND x.entity_id = 'colossus' AND e.source_row = 2 "
                          "AND e.url = 'https://example.com/a'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE kind = 'opening'"), ==, 2);
  atlas_test_remove_dir (dir);
}

/* The same file again changes nothing; a newer one updates the rows it
 * names and keeps what the store had set. */
static void
test_reimport (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) first = NULL;
  g_autoptr(AtlasImportReport) again = NULL;
  g_autoptr(AtlasImportReport) newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *const older_csv =
    CLUSTER_HEADER
    "Alpha,Planned,Likely,100,,,France,Owner One,,,,,,,,,,,,\n"
    "Beta,Existing,Confirmed,200,,,,Owner Two,,,,,,,,,,,,\n";
  static const char *const newer_csv =
    CLUSTER_HEADER
    "Beta,Existing,Confirmed,200,,,,Owner Two,,,,,,,,,,,,\n"
    "Alpha,Existing,Confirmed,150,,,France,Owner One,,2025-01,,,,,,,,,,\n"
    "Gamma,Planned,Unlikely,,,,Germany,,,,,,,,,,,,,\n";

  first = import_csv (store, "gpu_clusters.csv", older_csv);
  assert_imported (first);
  /* Set by someone else since: kept. */
  g_assert_true (atlas_store_exec (store, "UPDATE entities SET country = 'GB' WHERE id = 'beta'", NULL));
  before = atlas_test_snapshot (store);

  again = import_csv (store, "gpu_clusters.csv", older_csv);
  assert_imported (again);
  g_assert_cmpuint (again->added + again->updated + again->entities_added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 2);
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (after, ==, before);

  newer = import_csv (store, "gpu_clusters.csv", newer_csv);
  assert_imported (newer);
  g_assert_cmpuint (newer->added, ==, 1);
  g_assert_cmpuint (newer->updated, ==, 1);
  g_assert_cmpuint (newer->unchanged, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'site'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE entity_id = 'alpha' AND status = 'existing' "
                          "AND h100e = 150 AND first_operational = '2025-01' AND source_row = 3"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'beta' AND country = 'GB'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE predicate = 'owns'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events"), ==, 1);
  atlas_test_remove_dir (dir);
}

/* Bad input of every kind: refused whole, naming the file and the line,
 * the store as it was. */
static void
test_refused (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) good = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GString) wide = g_string_new (CLUSTER_HEADER "Wide,Existing,Confirmed");
  static const struct { const char *csv; const char *says; } cases[] = {
    { CLUSTER_HEADER "Cut,Existing,Confirmed,1,,,,,\"never closed\n", "gpu_clusters.csv, line 2" },
    { CLUSTER_HEADER "Ok,Existing,Confirmed,1,,,,,,,,,,,,,,,,\nBad,Existing,Confirmed,lots,,,,,,,,,,,,,,,,\n",
      "gpu_clusters.csv, line 3: “lots” in column “H100 equivalents” is not a number" },
    { CLUSTER_HEADER "Ok,Existing,Confirmed,1,,,,,,,,,,,,,,,,\nBad,Operational,Confirmed,1,,,,,,,,,,,,,,,,\n",
      "gpu_clusters.csv, line 3: status “Operational”" },
    { CLUSTER_HEADER "Bad,Existing,Sure,1,,,,,,,,,,,,,,,,\n", "line 2: certainty “Sure”" },
    { CLUSTER_HEADER "Bad,Existing,Confirmed,1,,,Atlantis,,,,,,,,,,,,,\n", "line 2: “Atlantis” in column “Country”" },
    { CLUSTER_HEADER "Bad,Existing,Confirmed,1,,,,,,31/12/2024,,,,,,,,,,\n", "line 2: “31/12/2024”" },
    { CLUSTER_HEADER "Bad\xff,Existing,Confirmed,1,,,,,,,,,,,,,,,,\n", "gpu_clusters.csv, line 2" },
    { CLUSTER_HEADER ",Existing,Confirmed,1,,,,,,,,,,,,,,,,\n", "line 2: the cluster has no name" },
    { "title,url,published\nA,https://example.com,2024\n", "gpu_clusters.csv is not one of the Epoch AI files" },
    { "", "gpu_clusters.csv is empty" },
    { "Handle,Title,Address,Latitude,Longitude,Owner\nh,t,a,north,west,o\n", "line 2: “north west” is not a position" },
    { "Date,Data center,Construction status,Power (MW)\n,Somewhere,Started,1\n", "line 2: the step has no date" },
    { "Id,Company,Close date,Funding (equity),Valuation (post-money)\nr,,2024-01-01,1,1\n", "line 2: the round names no company" },
  };

  good = import_csv (store, "gpu_clusters.csv", CLUSTER_HEADER "Kept,Existing,Confirmed,1,,,,,,,,,,,,,,,,\n");
  assert_imported (good);
  before = atlas_test_snapshot (store);

  for (guint i = 0; i < 10000; i++)
    g_string_append (wide, ",x");
  g_string_append_c (wide, '\n');

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      const char *csv = i < G_N_ELEMENTS (cases) ? cases[i].csv : wide->str;
      const char *says = i < G_N_ELEMENTS (cases) ? cases[i].says : "gpu_clusters.csv, line 2";
      g_autoptr(AtlasImportReport) report = import_csv (store, "gpu_clusters.csv", csv);
      g_autofree char *after = NULL;

      g_assert_nonnull (report->error);
      if (strstr (report->error, says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, report->error, says);
      g_assert_cmpuint (report->added + report->updated + report->entities_added, ==, 0);
      after = atlas_test_snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }
  atlas_test_remove_dir (dir);
}

/* Data centres: positions in degrees, minutes and seconds, certainty from
 * the "#tag"s, companies of every role; their timelines find them by handle. */
static void
test_data_centers (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autoptr(AtlasImportReport) sites = NULL;
  g_autoptr(AtlasImportReport) steps = NULL;
  g_autoptr(AtlasImportReport) rounds = NULL;
  static const char *const centers =
    "Handle,Title,Project,Address,Latitude,Longitude,Owner,Users,Investors,Construction companies,Energy companies,"
    "Current H100 equivalents,Current power (MW),Current total capital cost (2025 USD billions)\n"
    "Big One Texas,Big One,Stargate #likely,\"1 Road, Abilene, TX\",32°29'59\"N, 99°47'02\"W,Oracle #confident,"
    "\"OpenAI #confident, Oracle #likely\",\"Softbank,OpenAI\",Crusoe,Power Co,1000,200,2.5\n"
    "Small One,,,,41°11'6.6732\"N,114°42'1.6272\"E,Alibaba #speculative,,,,,0,0,0\n";
  static const char *const timeline =
    "Date,Data center,Construction status,Power (MW),H100 equivalents,Total capital cost (2025 USD billions)\n"
    "2024-06-01,Big One Texas,Land cleared,0,0,0\n"
    "2025-01-15,Big One Texas,\"Building 1 operational, more to come\",100,500,1.5\n";
  static const char *const funding =
    "Id,Company,Close date,Status,Funding (equity),Funding (debt),Valuation (post-money),Report date,Source 1\n"
    "Round A,OpenAI,,Late discussions,1000000000,500000000,300000000000,2025-03-31,https://example.com/r\n";
  double lat, lon;

  sites = import_csv (store, "data_centers.csv", centers);
  assert_imported (sites);
  g_assert_cmpuint (sites->added, ==, 2);
  {
    g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store, "SELECT lat, lon FROM entities WHERE id = 'big-one'", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    lat = sqlite3_column_double (stmt, 0);
    lon = sqlite3_column_double (stmt, 1);
    g_assert_cmpfloat_with_epsilon (lat, 32.4997, 0.0001);
    g_assert_cmpfloat_with_epsilon (lon, -99.7839, 0.0001);
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'small-one' AND lon > 114.70 AND lon < 114.71 "
                          "AND country IS NULL"), ==, 1);
  /* No country column: the state at the end of the handle says which. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'big-one' AND country = 'US'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE entity_id = 'big-one' AND certainty = 'likely' "
                          "AND status = 'existing' AND cost = 2.5e9 AND h100e = 1000 AND power_mw = 200 "
                          "AND power_source IS NULL AND source_file = 'data_centers.csv'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE entity_id = 'small-one' AND certainty = 'unlikely' "
                          "AND status = 'under-construction'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM aliases WHERE entity_id = 'big-one' AND alias = 'Big One Texas'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE object = 'big-one'"), ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE subject = 'openai' AND predicate = 'invests_in'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE subject = 'crusoe' AND predicate = 'builds'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE subject = 'power-co' AND predicate = 'powers'"), ==, 1);

  steps = import_csv (store, "data_center_timelines.csv", timeline);
  assert_imported (steps);
  g_assert_cmpuint (steps->unit, ==, ATLAS_IMPORT_UNIT_EVENTS);
  g_assert_cmpuint (steps->added, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events e JOIN event_entities x ON x.event_id = e.id "
                          "WHERE e.kind = 'construction' AND x.entity_id = 'big-one'"), ==, 2);
  /* Nothing spent and nothing running yet is no figure to show. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE title = 'Land cleared' "
                          "AND amount_value IS NULL AND note IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE amount_value = 1.5e9 "
                          "AND note = '100 MW, 500 H100e'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'site'"), ==, 2);

  rounds = import_csv (store, "ai_companies_funding_rounds.csv", funding);
  assert_imported (rounds);
  /* OpenAI, an investor above, is the round's company: one entity. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE name = 'OpenAI'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events e JOIN event_entities x ON x.event_id = e.id "
                          "WHERE e.kind = 'funding' AND x.entity_id = 'openai' AND e.amount_value = 1.5e9 "
                          "AND e.amount_currency = 'USD' AND e.date = '2025-03-31' AND e.url = 'https://example.com/r' "
                          "AND e.note LIKE '%Late discussions%'"), ==, 1);
  atlas_test_remove_dir (dir);
}

/* Epoch's own files, as the app bundles them. */
static void
test_snapshot (void)
{
  static const char *const names[] = {
    "gpu_clusters.csv", "data_centers.csv", "data_center_timelines.csv", "ai_companies_funding_rounds.csv",
  };
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(AtlasStore) store = atlas_test_open_store (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          gsize length = 0;
          g_autofree char *data = atlas_test_epoch_file (names[i], &length);
          g_autoptr(AtlasImportReport) report = NULL;

          if (data == NULL)
            {
              atlas_test_remove_dir (dir);
              return;
            }
          report = atlas_import_data (store, data, length, names[i], NULL);
          assert_imported (report);
          if (round == 1)
            g_assert_cmpuint (report->added + report->updated, ==, 0);
        }
      if (round == 0)
        before = atlas_test_snapshot (store);
    }
  after = atlas_test_snapshot (store);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE source_file = 'gpu_clusters.csv'"), ==, 786);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE source_file = 'data_centers.csv'"), ==, 17);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE duplicate"), ==, 94);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites WHERE status = 'decommissioned'"), ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites s JOIN entities e ON e.id = s.entity_id "
                          "WHERE s.source_file = 'gpu_clusters.csv' AND e.country IS NULL"), ==, 85);
  /* The data centres' countries, from their addresses and handles. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM sites s JOIN entities e ON e.id = s.entity_id "
                          "WHERE s.source_file = 'data_centers.csv' AND e.country = 'US'"), >=, 14);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE id = 'alibaba-zhangbei' AND country = 'CN'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE kind = 'site' AND country = 'KR'"), ==, 18);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE kind = 'construction'"), ==, 118);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events WHERE kind = 'funding'"), ==, 36);
  g_assert_cmpint (count (store, "SELECT count(*) FROM relations WHERE predicate = 'owns'"), >, 400);
  atlas_test_remove_dir (dir);
}

/* Only a CSV goes to this importer: by its name, or by an Epoch header. */
static void
test_is_csv (void)
{
  static const char *const header = "Name,Status,Certainty,Country,Owner,H100 equivalents,Chip type (primary)\n";

  g_assert_true (atlas_epoch_data_is_csv ("a,b", 3, "x.csv"));
  g_assert_true (atlas_epoch_data_is_csv ("a,b", 3, "X.CSV"));
  g_assert_true (atlas_epoch_data_is_csv (header, strlen (header), "download"));
  g_assert_false (atlas_epoch_data_is_csv ("<rss/>", 6, "feed.xml"));
  g_assert_false (atlas_epoch_data_is_csv ("{\"a\":1}", 7, "feed.json"));
  g_assert_false (atlas_epoch_data_is_csv ("", 0, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/epoch-import/clusters", test_clusters);
  g_test_add_func ("/epoch-import/reimport", test_reimport);
  g_test_add_func ("/epoch-import/refused", test_refused);
  g_test_add_func ("/epoch-import/data-centers", test_data_centers);
  g_test_add_func ("/epoch-import/snapshot", test_snapshot);
  g_test_add_func ("/epoch-import/is-csv", test_is_csv);

  return g_test_run ();
}
