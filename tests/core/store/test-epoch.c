/* test-epoch.c: Epoch AI's files known by their header rows, any other CSV refused */
#include <gio/gio.h>
#include <string.h>

#include "atlas-csv.h"
#include "atlas-epoch.h"
#include "atlas-test-util.h"

static GPtrArray *
header_of (const char *first_row)
{
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (first_row, strlen (first_row), "test.csv");
  GPtrArray *fields = NULL;
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (atlas_csv_reader_next (reader, &fields, NULL));
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (fields, i)));
  return copy;
}

/* By their columns, in any order, with more of them; not by name. */
static void
test_recognised (void)
{
  static const struct { const char *header; AtlasEpochFile file; } cases[] = {
    { "Name,Status,Certainty,Single cluster?,H100 equivalents,Chip type (primary),Country,Owner",
      ATLAS_EPOCH_GPU_CLUSTERS },
    { "Owner,Country,H100 equivalents,Chip type (primary),Certainty,Status,Name,A New Column",
      ATLAS_EPOCH_GPU_CLUSTERS },
    { "Handle,Title,Project,Address,Latitude,Longitude,Owner,Users", ATLAS_EPOCH_DATA_CENTERS },
    { "Date,Data center,Construction status,Power (MW),H100 equivalents", ATLAS_EPOCH_DATA_CENTER_TIMELINES },
    { "Id,Company,Close date,Status,Funding (equity),Funding (debt),Valuation (post-money)", ATLAS_EPOCH_FUNDING_ROUNDS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) header = header_of (cases[i].header);
      g_autoptr(GError) error = NULL;
      AtlasEpochFile file;

      g_assert_true (atlas_epoch_file_recognise (header, "renamed.csv", &file, &error));
      g_assert_no_error (error);
      g_assert_cmpint (file, ==, cases[i].file);
    }
  {
    g_autoptr(GPtrArray) header = header_of ("Handle,Title,Address,Latitude,Longitude,Owner");

    g_assert_cmpint (atlas_epoch_column (header, "Latitude"), ==, 3);
    g_assert_cmpint (atlas_epoch_column (header, "Altitude"), ==, -1);
  }
}

/* Another CSV, or one of these with a column the importer reads missing:
 * refused, naming the file. */
static void
test_refused (void)
{
  static const char *const headers[] = {
    "title,url,published",
    "Name,Organization (from Organizations),Company type,Product Domain(s),Founding date",
    "Name,Status,Certainty,H100 equivalents,Chip type (primary),Owner",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(GPtrArray) header = header_of (headers[i]);
      g_autoptr(GError) error = NULL;
      AtlasEpochFile file;

      g_assert_false (atlas_epoch_file_recognise (header, "mine.csv", &file, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, "mine.csv is not one of the Epoch AI files this app reads"));
    }
}

/* Epoch AI's own files, where the data is (skipped elsewhere). */
static void
test_epoch_files (void)
{
  static const struct { const char *name; AtlasEpochFile file; } files[] = {
    { "gpu_clusters.csv", ATLAS_EPOCH_GPU_CLUSTERS },
    { "data_centers.csv", ATLAS_EPOCH_DATA_CENTERS },
    { "data_center_timelines.csv", ATLAS_EPOCH_DATA_CENTER_TIMELINES },
    { "ai_companies_funding_rounds.csv", ATLAS_EPOCH_FUNDING_ROUNDS },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      gsize length;
      g_autofree char *data = atlas_test_epoch_file (files[f].name, &length);
      g_autoptr(AtlasCsvReader) reader = NULL;
      GPtrArray *fields;
      AtlasEpochFile file;

      if (data == NULL)
        return;
      reader = atlas_csv_reader_new (data, length, files[f].name);
      g_assert_true (atlas_csv_reader_next (reader, &fields, NULL));
      g_assert_true (atlas_epoch_file_recognise (fields, files[f].name, &file, NULL));
      g_assert_cmpint (file, ==, files[f].file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/epoch/recognised", test_recognised);
  g_test_add_func ("/epoch/refused", test_refused);
  g_test_add_func ("/epoch/files", test_epoch_files);

  return g_test_run ();
}
