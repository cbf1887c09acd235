#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The files of Epoch AI's data this app reads. */
typedef enum
{
  ATLAS_EPOCH_GPU_CLUSTERS,
  ATLAS_EPOCH_DATA_CENTERS,
  ATLAS_EPOCH_DATA_CENTER_TIMELINES,
  ATLAS_EPOCH_FUNDING_ROUNDS,
} AtlasEpochFile;

gboolean atlas_epoch_file_recognise (GPtrArray       *header,
                                     const char      *name,
                                     AtlasEpochFile  *file,
                                     GError         **error);
int      atlas_epoch_column         (GPtrArray       *header,
                                     const char      *column);

G_END_DECLS
