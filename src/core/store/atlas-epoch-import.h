#pragma once

#include "atlas-importer.h"

G_BEGIN_DECLS

gboolean           atlas_epoch_data_is_csv  (const char *data,
                                             gsize       length,
                                             const char *source);
AtlasImportReport *atlas_epoch_import_data  (AtlasStore *store,
                                             const char *data,
                                             gsize       length,
                                             const char *source);

G_END_DECLS
