#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_CSV_ERROR (atlas_csv_error_quark ())

typedef enum
{
  ATLAS_CSV_ERROR_UNTERMINATED,   /* a quoted field runs to the end of the file */
  ATLAS_CSV_ERROR_AFTER_QUOTE,    /* text after a field's closing quote */
  ATLAS_CSV_ERROR_TOO_WIDE,       /* more columns than anyone's data has */
  ATLAS_CSV_ERROR_ENCODING,       /* not UTF-8 */
} AtlasCsvError;

/* More columns than this in a row is an error, not data. */
#define ATLAS_CSV_MAX_COLUMNS 1000

typedef struct _AtlasCsvReader AtlasCsvReader;

GQuark          atlas_csv_error_quark    (void);
AtlasCsvReader *atlas_csv_reader_new     (const char     *data,
                                          gsize           length,
                                          const char     *name);
void            atlas_csv_reader_free    (AtlasCsvReader *self);
gboolean        atlas_csv_reader_next    (AtlasCsvReader *self,
                                          GPtrArray     **fields,
                                          GError        **error);
guint           atlas_csv_reader_get_line (AtlasCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCsvReader, atlas_csv_reader_free)

G_END_DECLS
