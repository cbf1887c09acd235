/* test-csv.c: rows of a CSV file: quoting, line breaks, errors with their line, Epoch AI's files */
#include <string.h>

#include "atlas-csv.h"
#include "atlas-test-util.h"

/* Every row of `text`, its fields joined by "|", rows by "\n"; NULL and
 * `error` set on an error. */
static char *
read_all (const char  *text,
          gsize        length,
          GError     **error)
{
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (text, length, "test.csv");
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *fields;

  while (atlas_csv_reader_next (reader, &fields, error))
    {
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", (const char *) g_ptr_array_index (fields, i));
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_strdup (out->str);
}

static void
test_rows (void)
{
  static const struct { const char *csv, *rows; } cases[] = {
    { "a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n" },
    { "a,b\r\n1,2\r\n", "a|b\n1|2\n" },
    { "a,b\r1,2", "a|b\n1|2\n" },
    /* Quoted commas, doubled quotes, line breaks inside. */
    { "name,quote\n\"Colossus, phase 2\",\"He said \"\"big\"\"\"\n", "name|quote\nColossus, phase 2|He said \"big\"\n" },
    { "a,b\n\"two\nlines\",x\n", "a|b\ntwo\nlines|x\n" },
    /* Empty fields, an empty quoted field, a row with no line break. */
    { ",,\n\"\",x", "||\n|x\n" },
    /* A lone quote inside an unquoted field is text. */
    { "5\" disk,x\n", "5\" disk|x\n" },
    /* The byte order mark of a spreadsheet's UTF-8. */
    { "\xef\xbb\xbfName,Status\n", "Name|Status\n" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *rows = read_all (cases[i].csv, strlen (cases[i].csv), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
}

/* Each row knows the line it began on, line breaks inside quotes counted. */
static void
test_lines (void)
{
  const char *csv = "h1,h2\n\"a\nb\r\nc\",x\ny,z\n";
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (csv, strlen (csv), "lines.csv");
  GPtrArray *fields;
  guint lines[3], n = 0;

  while (atlas_csv_reader_next (reader, &fields, NULL))
    lines[n++] = atlas_csv_reader_get_line (reader);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (lines[0], ==, 1);
  g_assert_cmpuint (lines[1], ==, 2);
  g_assert_cmpuint (lines[2], ==, 5);
}

/* What makes the rows guesswork is an error that names the file and the
 * line where the row began. */
static void
test_errors (void)
{
  static const struct { const char *csv; gsize length; int code; const char *message; } cases[] = {
    { "a,b\n1,\"cut in the mid", 0, ATLAS_CSV_ERROR_UNTERMINATED,
      "test.csv, line 2: a quoted field is not closed before the end of the file" },
    { "a,b\n\"x\"y,z\n", 0, ATLAS_CSV_ERROR_AFTER_QUOTE, "test.csv, line 2: text after a quoted field's closing quote" },
    { "a,\xff\xfe,b\n", 0, ATLAS_CSV_ERROR_ENCODING, "test.csv, line 1: the text is not UTF-8" },
    { "a\0b,c\n", 6, ATLAS_CSV_ERROR_ENCODING, "test.csv, line 1: the text is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *rows = read_all (cases[i].csv, cases[i].length ? cases[i].length : strlen (cases[i].csv), &error);

      g_assert_null (rows);
      g_assert_error (error, ATLAS_CSV_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* A row of 10,000 columns. */
  {
    g_autoptr(GString) wide = g_string_new ("a");
    g_autoptr(GError) error = NULL;
    g_autofree char *rows = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (wide, ",x");
    rows = read_all (wide->str, wide->len, &error);
    g_assert_null (rows);
    g_assert_error (error, ATLAS_CSV_ERROR, ATLAS_CSV_ERROR_TOO_WIDE);
  }
}

/* Random bytes and cut or flipped copies of a valid file: every outcome is
 * rows or one clear error, never a crash or a read past the data (the
 * sanitizer build runs this). */
static void
test_hostile (void)
{
  const char *valid = "Name,Owner,Chips\n\"Colossus, \"\"phase 1\"\"\",\"xAI, Inc.\",\"H100\nH200\"\nB,C,D\r\n";
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 20000; round++)
    {
      gsize length = g_rand_int_range (rand, 0, 200);
      g_autofree char *data = g_malloc (MAX (length, 1));
      g_autoptr(GError) error = NULL;
      g_autofree char *rows = NULL;

      if (round % 2 == 0)
        for (gsize i = 0; i < length; i++)
          data[i] = (char) g_rand_int_range (rand, 0, 256);
      else
        {
          length = MIN (length, strlen (valid));
          memcpy (data, valid, length);
          if (length > 0)
            data[g_rand_int_range (rand, 0, length)] = "\",\n\r\xc3x"[g_rand_int_range (rand, 0, 6)];
        }
      rows = read_all (data, length, &error);
      g_assert_true ((rows == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (g_str_has_prefix (error->message, "test.csv, line "));
    }
}

/* Epoch AI's files, where the conformance data is (skipped elsewhere):
 * every row as wide as the header, the known row counts. */
static void
test_epoch_files (void)
{
  static const struct { const char *file; guint rows; } files[] = {
    { "gpu_clusters.csv", 786 }, { "data_centers.csv", 17 },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      gsize length;
      g_autofree char *data = atlas_test_epoch_file (files[f].file, &length);
      g_autoptr(AtlasCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *fields;
      guint width = 0, rows = 0;

      if (data == NULL)
        return;
      reader = atlas_csv_reader_new (data, length, files[f].file);
      while (atlas_csv_reader_next (reader, &fields, &error))
        {
          if (width == 0)
            width = fields->len;
          else
            {
              g_assert_cmpuint (fields->len, ==, width);
              rows++;
            }
        }
      g_assert_no_error (error);
      g_test_message ("%s: %u columns, %u rows", files[f].file, width, rows);
      g_assert_cmpuint (rows, ==, files[f].rows);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/rows", test_rows);
  g_test_add_func ("/csv/lines", test_lines);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/hostile", test_hostile);
  g_test_add_func ("/csv/epoch-files", test_epoch_files);

  return g_test_run ();
}
