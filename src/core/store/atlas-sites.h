#pragma once

#include "atlas-filter.h"
#include "atlas-rollup.h"
#include "atlas-site.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* One imported data file: a feed of the store without articles. */
typedef struct
{
  char   *key;
  char   *title;
  guint   sites;
  guint   events;
  gint64  imported_at;
} AtlasDataFile;

void       atlas_data_file_free          (AtlasDataFile *file);
GPtrArray *atlas_sites_list_files        (AtlasStore          *store,
                                          GError             **error);
gboolean   atlas_sites_remove_file       (AtlasStore          *store,
                                          const char          *key,
                                          GError             **error);
void       atlas_sites_remove_file_async (AtlasStore          *store,
                                          const char          *key,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   atlas_sites_remove_file_finish (AtlasStore         *store,
                                           GAsyncResult       *result,
                                           GError            **error);

GPtrArray *atlas_sites_query  (AtlasStore         *store,
                               const AtlasFilter  *filter,
                               GError            **error);
void       atlas_sites_name_rollups (AtlasStore   *store,
                                     GPtrArray    *rollups,
                                     AtlasRollupBy by);

G_END_DECLS
