/* atlas-epoch.c: which of Epoch AI's files a CSV is, by its header row
 *
 * Epoch AI publishes its GPU clusters, frontier data centres, their
 * timelines and AI companies' funding rounds as CSV files (CC BY 4.0). A
 * file is known by the columns its first row names, not by its file name
 * (downloads get renamed) nor by the columns' order (new columns appear
 * between releases): every column the importer reads must be there. Any
 * other CSV is refused with a message saying what the app reads.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "atlas-epoch.h"

typedef struct
{
  AtlasEpochFile     file;
  const char *const *columns;  /* all of them present */
} Signature;

static const char *const gpu_clusters[] = {
  "Name", "Status", "Certainty", "Country", "Owner", "H100 equivalents", "Chip type (primary)", NULL,
};
static const char *const data_centers[] = {
  "Handle", "Title", "Address", "Latitude", "Longitude", "Owner", NULL,
};
static const char *const data_center_timelines[] = {
  "Date", "Data center", "Construction status", "Power (MW)", NULL,
};
static const char *const funding_rounds[] = {
  "Id", "Company", "Close date", "Funding (equity)", "Valuation (post-money)", NULL,
};

static const Signature signatures[] = {
  { ATLAS_EPOCH_GPU_CLUSTERS, gpu_clusters },
  { ATLAS_EPOCH_DATA_CENTERS, data_centers },
  { ATLAS_EPOCH_DATA_CENTER_TIMELINES, data_center_timelines },
  { ATLAS_EPOCH_FUNDING_ROUNDS, funding_rounds },
};

/* Where `column` is in the header row, or -1. */
int
atlas_epoch_column (GPtrArray  *header,
                    const char *column)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), column) == 0)
      return (int) i;
  return -1;
}

/* Which file `header` (the first row of the file called `name`) begins;
 * FALSE, with a message naming the file, for any other CSV. */
gboolean
atlas_epoch_file_recognise (GPtrArray       *header,
                            const char      *name,
                            AtlasEpochFile  *file,
                            GError         **error)
{
  for (guint s = 0; s < G_N_ELEMENTS (signatures); s++)
    {
      gboolean all = TRUE;

      for (guint c = 0; signatures[s].columns[c] != NULL && all; c++)
        all = atlas_epoch_column (header, signatures[s].columns[c]) >= 0;
      if (all)
        {
          *file = signatures[s].file;
          return TRUE;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not one of the Epoch AI files this app reads (GPU clusters, data centers, data center "
                 "timelines, AI companies’ funding rounds): its first row lacks their columns"),
               name);
  return FALSE;
}
