#pragma once

#include <gio/gio.h>

#include "atlas-fetcher.h"
#include "atlas-importer.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_SUBSCRIPTION_MAX_PAGES 10

typedef struct
{
  char    *url;
  char    *title;
  gboolean enabled;
  char    *etag;
  char    *last_modified;
  gint64   last_checked;
  gint64   last_success;
  char    *last_error;
  gint64   retry_after;
  guint    n_articles;
} AtlasSubscription;

/* What to do with the address of a web page that names several feeds. */
typedef enum
{
  ATLAS_DISCOVERY_OFFER,   /* fail, with the feeds in `feed_links` to choose from */
  ATLAS_DISCOVERY_FIRST,   /* take the first */
} AtlasDiscovery;

typedef enum
{
  ATLAS_REFRESH_UPDATED,
  ATLAS_REFRESH_NOT_MODIFIED,
  ATLAS_REFRESH_FAILED,
  ATLAS_REFRESH_WAITING,
  ATLAS_REFRESH_DISABLED,
} AtlasRefreshOutcome;

typedef struct
{
  /* The feed's address: the one asked for, or the feed its page named. */
  char               *url;
  /* The web page asked for, when its feed was found through it. */
  char               *page_url;
  /* The feeds a web page names (AtlasFeedLink), when it names several and
   * the caller is to choose. */
  GPtrArray          *feed_links;
  AtlasRefreshOutcome outcome;
  /* What the import did, when a feed was imported. */
  AtlasImportReport  *import;
  /* In plain words, when it failed or was skipped. */
  char               *message;
  /* The feed was read but could not be stored: the disk holding the store
   * is full. */
  gboolean            disk_full;
  guint               pages;
  double              seconds;
} AtlasRefreshReport;

typedef struct
{
  guint       feeds_imported;
  guint       feeds_failed;
  guint       feeds_not_stored_disk_full;
  guint       new_articles;
  /* The message of the first failure, owned by its report. */
  const char *first_error;
} AtlasRefreshTally;

void                atlas_refresh_tally             (GPtrArray          *reports,
                                                     AtlasRefreshTally  *tally);
void                atlas_subscription_free         (AtlasSubscription  *subscription);
void                atlas_refresh_report_free       (AtlasRefreshReport *report);
char               *atlas_refresh_report_describe   (const AtlasRefreshReport *report);

GPtrArray          *atlas_subscriptions_list        (AtlasStore              *store,
                                                     GError                 **error);
AtlasSubscription  *atlas_subscriptions_get         (AtlasStore              *store,
                                                     const char              *url,
                                                     GError                 **error);
gboolean            atlas_subscriptions_last_refresh (AtlasStore             *store,
                                                     gint64                 *last_checked);
AtlasRefreshReport *atlas_subscriptions_add         (AtlasStore              *store,
                                                     const char              *url,
                                                     AtlasDiscovery           discovery,
                                                     const AtlasFetchLimits  *limits,
                                                     GCancellable            *cancellable);
gboolean            atlas_subscriptions_remove      (AtlasStore              *store,
                                                     const char              *url,
                                                     GError                 **error);
gboolean            atlas_subscriptions_set_enabled (AtlasStore              *store,
                                                     const char              *url,
                                                     gboolean                 enabled,
                                                     GError                 **error);
GPtrArray          *atlas_subscriptions_refresh     (AtlasStore              *store,
                                                     const char              *url,
                                                     gboolean                 force,
                                                     const AtlasFetchLimits  *limits,
                                                     GCancellable            *cancellable);
AtlasRefreshReport *atlas_fetch_and_import          (AtlasStore              *store,
                                                     const char              *url,
                                                     AtlasDiscovery           discovery,
                                                     const AtlasFetchLimits  *limits,
                                                     GCancellable            *cancellable);

/* In a worker thread with a connection of its own. Refresh, add and OPML
 * import all finish with atlas_subscriptions_finish(). */
void                atlas_subscriptions_refresh_async     (AtlasStore          *store,
                                                           const char          *url,
                                                           gboolean             force,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                atlas_subscriptions_add_async         (AtlasStore          *store,
                                                           const char          *url,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                atlas_subscriptions_import_opml_async (AtlasStore          *store,
                                                           GBytes              *opml,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray          *atlas_subscriptions_finish            (AtlasStore          *store,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                atlas_subscriptions_remove_async      (AtlasStore          *store,
                                                           const char          *url,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                atlas_subscriptions_set_enabled_async (AtlasStore          *store,
                                                           const char          *url,
                                                           gboolean             enabled,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            atlas_subscriptions_change_finish     (AtlasStore          *store,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSubscription, atlas_subscription_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRefreshReport, atlas_refresh_report_free)

G_END_DECLS
