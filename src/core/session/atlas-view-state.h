#pragma once

#include <glib-object.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEW_STATE (atlas_view_state_get_type ())

G_DECLARE_FINAL_TYPE (AtlasViewState, atlas_view_state, ATLAS, VIEW_STATE, GObject)

AtlasViewState    *atlas_view_state_new                  (void);
const AtlasFilter *atlas_view_state_get_filter           (AtlasViewState   *self);
void               atlas_view_state_set_filter           (AtlasViewState   *self,
                                                          const AtlasFilter *filter);
gboolean           atlas_view_state_toggle               (AtlasViewState   *self,
                                                          AtlasFilterGroup  group,
                                                          const char       *id);
void               atlas_view_state_set_text             (AtlasViewState   *self,
                                                          const char       *text);
void               atlas_view_state_set_date_range       (AtlasViewState   *self,
                                                          gint64            since,
                                                          gint64            until);
void               atlas_view_state_clear_filter         (AtlasViewState   *self);
gint64             atlas_view_state_get_selected_article (AtlasViewState   *self);
void               atlas_view_state_set_selected_article (AtlasViewState   *self,
                                                          gint64            article_id);
const char        *atlas_view_state_get_selected_entity  (AtlasViewState   *self);
void               atlas_view_state_set_selected_entity  (AtlasViewState   *self,
                                                          const char       *entity_id);

G_END_DECLS
