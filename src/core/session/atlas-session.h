#pragma once

#include <gio/gio.h>

#include "atlas-article-index.h"
#include "atlas-store.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SESSION (atlas_session_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSession, atlas_session, ATLAS, SESSION, GObject)

AtlasSession   *atlas_session_new                 (AtlasStore     *store,
                                                   AtlasViewState *view_state);
AtlasStore     *atlas_session_get_store           (AtlasSession   *self);
AtlasViewState *atlas_session_get_view_state      (AtlasSession   *self);
AtlasSelection *atlas_session_get_selection       (AtlasSession   *self);
const char     *atlas_session_get_error           (AtlasSession   *self);
gboolean        atlas_session_get_loading         (AtlasSession   *self);
void            atlas_session_allow_workers       (AtlasSession   *self);
gboolean        atlas_session_get_workers_allowed (AtlasSession   *self);
gboolean        atlas_session_selects_all         (AtlasSession   *self,
                                                   gboolean        dates_aside);
guint           atlas_session_get_store_generation (AtlasSession  *self);

/* What a model's worker read last: every article of one generation of the
 * store, or a selection. */
typedef struct
{
  gboolean all;
  guint    store_generation;
} AtlasSessionRead;

gboolean        atlas_session_begin_read          (AtlasSession     *self,
                                                   gboolean          dates_aside,
                                                   AtlasSessionRead *read,
                                                   GArray          **ids);
gboolean        atlas_session_read_stands         (AtlasSession           *self,
                                                   const AtlasSessionRead *read,
                                                   gboolean                dates_aside);

G_END_DECLS
