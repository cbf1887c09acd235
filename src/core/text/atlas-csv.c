/* atlas-csv.c: rows of a CSV file (RFC 4180), for the site data the app imports
 *
 * Our own small reader rather than a library: Debian's libcsv is not in the
 * GNOME runtime (it would need a Flatpak module of its own), and what the
 * files need is little: fields split on commas, rows on CRLF or LF, fields
 * in double quotes holding commas, doubled quotes and line breaks. A UTF-8
 * byte order mark at the start is skipped; a lone quote inside an unquoted
 * field is kept as text, as spreadsheets write it. Anything else that would
 * make the rows guesswork is an error naming the file and the line where
 * the row began: a quoted field still open at the end of the file, text
 * after a closing quote, a row of more than ATLAS_CSV_MAX_COLUMNS fields,
 * text that is not UTF-8. The reader works on the data in memory and
 * copies each field once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-csv.h"

struct _AtlasCsvReader
{
  const char *data;
  gsize       length;
  gsize       at;
  char       *name;
  guint       line;        /* of the next byte, from 1 */
  guint       row_line;    /* where the last row began */
  GPtrArray  *fields;      /* the last row's, owned here */
  GString    *field;
};

G_DEFINE_QUARK (atlas-csv-error-quark, atlas_csv_error)

/* `name` (a file's) is what the messages say. The data must outlive the
 * reader. */
AtlasCsvReader *
atlas_csv_reader_new (const char *data,
                      gsize       length,
                      const char *name)
{
  AtlasCsvReader *self = g_new0 (AtlasCsvReader, 1);

  self->data = data;
  self->length = length;
  self->name = g_strdup (name != NULL ? name : "CSV");
  self->line = 1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->at = 3;
  return self;
}

void
atlas_csv_reader_free (AtlasCsvReader *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_ptr_array_unref (self->fields);
  g_string_free (self->field, TRUE);
  g_free (self);
}

/* The line where the row last read began, from 1. */
guint
atlas_csv_reader_get_line (AtlasCsvReader *self)
{
  return self->row_line;
}

static gboolean
fail (AtlasCsvReader  *self,
      GError         **error,
      AtlasCsvError    code,
      const char      *why)
{
  g_set_error (error, ATLAS_CSV_ERROR, code,
               /* TRANSLATORS: a file's name, a line number and what is wrong there */
               _("%s, line %u: %s"), self->name, self->row_line, why);
  return FALSE;
}

/* Ends the field being read: it joins the row, if the row has room. */
static gboolean
end_field (AtlasCsvReader  *self,
           GError         **error)
{
  g_autofree char *why = NULL;

  if (self->fields->len >= ATLAS_CSV_MAX_COLUMNS)
    {
      why = g_strdup_printf (_("more than %'u columns"), ATLAS_CSV_MAX_COLUMNS);
      return fail (self, error, ATLAS_CSV_ERROR_TOO_WIDE, why);
    }
  if (!g_utf8_validate_len (self->field->str, self->field->len, NULL))
    return fail (self, error, ATLAS_CSV_ERROR_ENCODING, _("the text is not UTF-8"));
  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
  return TRUE;
}

/* A line break at the reader's place (LF, CRLF or a lone CR): its length,
 * or 0. */
static gsize
line_break (AtlasCsvReader *self)
{
  if (self->at >= self->length)
    return 0;
  if (self->data[self->at] == '\n')
    return 1;
  if (self->data[self->at] == '\r')
    return self->at + 1 < self->length && self->data[self->at + 1] == '\n' ? 2 : 1;
  return 0;
}

/* The next row's fields in `*fields` (owned by the reader, good until the
 * next call). FALSE at the end of the data, or on an error (then set). */
gboolean
atlas_csv_reader_next (AtlasCsvReader  *self,
                       GPtrArray      **fields,
                       GError         **error)
{
  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);
  *fields = NULL;
  if (self->at >= self->length)
    return FALSE;
  self->row_line = self->line;

  for (;;)
    {
      gsize brk;

      if (self->at < self->length && self->data[self->at] == '"')
        {
          /* Quoted: up to the quote that is not doubled. */
          self->at++;
          for (;;)
            {
              const char *quote;

              if (self->at >= self->length)
                return fail (self, error, ATLAS_CSV_ERROR_UNTERMINATED,
                             _("a quoted field is not closed before the end of the file"));
              quote = memchr (self->data + self->at, '"', self->length - self->at);
              if (quote == NULL)
                {
                  self->at = self->length;
                  continue;
                }
              for (const char *p = self->data + self->at; p < quote; p++)
                self->line += *p == '\n' || (*p == '\r' && (p + 1 == quote || p[1] != '\n'));
              g_string_append_len (self->field, self->data + self->at, quote - (self->data + self->at));
              self->at = quote - self->data + 1;
              if (self->at < self->length && self->data[self->at] == '"')
                {
                  g_string_append_c (self->field, '"');
                  self->at++;
                  continue;
                }
              break;
            }
          if (self->at < self->length && self->data[self->at] != ',' && line_break (self) == 0)
            return fail (self, error, ATLAS_CSV_ERROR_AFTER_QUOTE, _("text after a quoted field's closing quote"));
        }
      else
        {
          gsize start = self->at;

          while (self->at < self->length && self->data[self->at] != ',' && line_break (self) == 0)
            self->at++;
          g_string_append_len (self->field, self->data + start, self->at - start);
        }

      if (!end_field (self, error))
        return FALSE;
      if (self->at < self->length && self->data[self->at] == ',')
        {
          self->at++;
          continue;
        }
      /* The end of the row: a line break, or the end of the data. */
      brk = line_break (self);
      self->at += brk;
      self->line += brk > 0;
      *fields = self->fields;
      return TRUE;
    }
}
