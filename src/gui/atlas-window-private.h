/* atlas-window-private.h: what the window's files share */
#pragma once

#include "atlas-article-list.h"
#include "atlas-entity-table.h"
#include "atlas-site-page.h"
#include "atlas-site-table.h"
#include "atlas-event-table.h"
#include "atlas-filter-sidebar.h"
#include "atlas-graph-view.h"
#include "atlas-reader.h"
#include "atlas-refresher.h"
#include "atlas-session.h"
#include "atlas-timeline-view.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  AtlasStore           *store;
  AtlasViewState       *view_state;
  AtlasSession         *session;
  AtlasArticleList     *articles;
  gboolean              painted;
  GtkSingleSelection   *selection;
  GCancellable         *cancellable;
  gboolean              importing;
  gboolean              announce_import;
  AtlasRefresher       *refresher;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *main_paned;
  AdwFlap              *flap;
  AdwLeaflet           *leaflet;
  GtkStackPage         *graph_page;
  GtkStackPage         *entities_page;
  GtkWidget            *list_pane;
  GtkWidget            *reader_pane;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *error_page;
  AdwStatusPage        *loading_page;
  AtlasFilterSidebar   *sidebar;
  AtlasReader          *reader;
  AtlasGraphView       *graph_view;
  AtlasTimelineView    *timeline_view;
  AtlasEventTable      *event_table;
  AtlasEntityTable     *entity_table;
  GtkWidget            *graph_switcher;
  GtkStack             *right_stack;
  AtlasSitePage        *site_page;
  GtkWidget            *back_button;
  GtkStack             *refresh_stack;
  GtkSpinner           *refresh_spinner;
};

void _atlas_window_class_actions_init      (GtkWidgetClass *widget_class);
void _atlas_window_update_actions          (AtlasWindow    *self);
void _atlas_window_import_files            (AtlasWindow    *self,
                                            GFile         **files,
                                            guint           n_files,
                                            gboolean        announce);
void _atlas_window_toast                   (AtlasWindow    *self,
                                            const char     *text);
void _atlas_window_toast_with_button       (AtlasWindow    *self,
                                            const char     *text,
                                            const char     *button_label,
                                            const char     *action);
void _atlas_window_save_state              (AtlasWindow    *self);
void _atlas_window_restore_state           (AtlasWindow    *self);
void _atlas_window_restore_timeline_height (AtlasWindow    *self);

/* For the tests and benchmarks only. */
GListModel     *atlas_window_get_articles      (AtlasWindow    *self);

G_END_DECLS
