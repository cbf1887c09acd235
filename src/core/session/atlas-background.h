#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void atlas_background_thread_enter (void);
void atlas_task_run_in_background  (GTask           *task,
                                    GTaskThreadFunc  func);

G_END_DECLS
