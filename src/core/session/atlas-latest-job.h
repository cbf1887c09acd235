#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_LATEST_JOB (atlas_latest_job_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLatestJob, atlas_latest_job, ATLAS, LATEST_JOB, GObject)

/* Called on the requesting thread just before a request's worker starts. */
typedef void (*AtlasLatestJobPrepare) (gpointer source_object,
                                       gpointer task_data);

AtlasLatestJob *atlas_latest_job_new     (void);
void            atlas_latest_job_set_prepare (AtlasLatestJob        *self,
                                              AtlasLatestJobPrepare  prepare);
void            atlas_latest_job_run     (AtlasLatestJob      *self,
                                          gpointer             source_object,
                                          GTaskThreadFunc      func,
                                          gpointer             task_data,
                                          GDestroyNotify       task_data_free,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void            atlas_latest_job_cancel  (AtlasLatestJob      *self);
gboolean        atlas_latest_job_get_busy (AtlasLatestJob     *self);

void            atlas_latest_job_post    (GTask               *task,
                                          GSourceFunc          func,
                                          gpointer             data,
                                          GDestroyNotify       data_free);

G_END_DECLS
