#pragma once

#include <gio/gio.h>

#include "atlas-feed-reader.h"
#include "atlas-store.h"
#include "atlas-tagger.h"

G_BEGIN_DECLS

/* What an import's counts count. */
typedef enum
{
  ATLAS_IMPORT_UNIT_ARTICLES,
  ATLAS_IMPORT_UNIT_SITES,
  ATLAS_IMPORT_UNIT_EVENTS,
} AtlasImportUnit;

typedef struct
{
  char      *source;
  char      *feed_title;
  /* Set when the whole feed was refused; the store was not changed. */
  char      *error;
  AtlasImportUnit unit;
  guint      added;
  guint      updated;
  guint      unchanged;
  guint      skipped;
  guint      entities_added;
  GPtrArray *messages;
} AtlasImportReport;

AtlasImportReport *atlas_import_report_new   (const char         *source);
void               atlas_import_report_free  (AtlasImportReport  *report);
char              *atlas_import_report_describe (const AtlasImportReport *report);

/* One feed's import, page by page, in one transaction. */
typedef struct _AtlasImport AtlasImport;

AtlasImport       *atlas_import_begin        (AtlasStore         *store,
                                              const AtlasFeed    *feed,
                                              const char         *source,
                                              const char         *key,
                                              GError            **error);
AtlasTagger       *atlas_import_get_tagger   (AtlasImport        *import);
gboolean           atlas_import_add_page     (AtlasImport        *import,
                                              const AtlasFeed    *page,
                                              GPtrArray          *tagged);
void               atlas_import_note         (AtlasImport        *import,
                                              const char         *message);
void               atlas_import_abort        (AtlasImport        *import,
                                              const GError       *reason);
AtlasImportReport *atlas_import_end          (AtlasImport        *import,
                                              GError            **error);

AtlasImportReport *atlas_import_feed         (AtlasStore         *store,
                                              const AtlasFeed    *feed,
                                              const char         *source,
                                              const char         *key,
                                              GError            **error);
AtlasImportReport *atlas_import_data         (AtlasStore            *store,
                                              const char            *data,
                                              gsize                  length,
                                              const char            *source,
                                              const AtlasFeedLimits *limits);
AtlasImportReport *atlas_import_file         (AtlasStore            *store,
                                              GFile                 *file,
                                              const AtlasFeedLimits *limits,
                                              GCancellable          *cancellable);

void               atlas_import_files_async  (AtlasStore          *store,
                                              GFile              **files,
                                              guint                n_files,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray         *atlas_import_files_finish (AtlasStore          *store,
                                              GAsyncResult        *result,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImportReport, atlas_import_report_free)

G_END_DECLS
