/* window-test-util.h: what the window tests share */
#pragma once

#include <adwaita.h>

#include "atlas-graph-view-private.h"
#include "atlas-store.h"
#include "atlas-timeline-view-private.h"
#include "atlas-window-private.h"

G_BEGIN_DECLS

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  wanted);

guint         n_articles               (AtlasWindow *window);
GtkWidget *   find_widget              (GtkWidget *widget,
                                        WidgetMatch matches,
                                        gconstpointer wanted);
GtkWidget *   find_toplevel            (GType type);
gboolean      is_shown_label           (GtkWidget *widget,
                                        gconstpointer text);
GtkLabel *    find_label               (GtkWidget *widget,
                                        const char *text);
gboolean      action_buttons_sensitive (GtkWidget *widget,
                                        const char *action);
void          save_png                 (GtkWidget *widget,
                                        const char *name);
AtlasWindow * open_window              (AtlasStore *store,
                                        AtlasWindow **weak);
void          close_window             (AtlasWindow **weak);
void          select_first_article     (AtlasWindow *window);
void          on_importing_changed     (AtlasWindow *window,
                                        GParamSpec *pspec,
                                        gboolean *done);
void          wait_for_timeline        (AtlasTimelineView *timeline);
gboolean      run_command              (const char *const *argv);
void          rerun_test               (const char *const *wrapper,
                                        const char *first_variable,
                                        ...);
gboolean      is_rerun                 (void);
gboolean      rerun_in_mount_namespace (void);
void          mount_small_disk         (const char *dir);
void          unmount_small_disk       (const char *dir);
gboolean      is_of_type               (GtkWidget *widget,
                                        gconstpointer type);
GtkWidget *   find_by_type             (GtkWidget *widget,
                                        GType type);
gboolean      is_list_of               (GtkWidget *widget,
                                        gconstpointer articles);

G_END_DECLS
