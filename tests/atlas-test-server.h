#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AtlasTestServer AtlasTestServer;

AtlasTestServer *atlas_test_server_new       (void);
void             atlas_test_server_free      (AtlasTestServer *self);
char            *atlas_test_server_url       (AtlasTestServer *self,
                                              const char      *path);
void             atlas_test_server_set_feed  (AtlasTestServer *self,
                                              const char      *path,
                                              const char      *body);
void             atlas_test_server_set_typed_feed (AtlasTestServer *self,
                                                   const char      *path,
                                                   const char      *body,
                                                   const char      *content_type);
guint            atlas_test_server_get_hits  (AtlasTestServer *self,
                                              const char      *path);
char            *atlas_test_server_dup_user_agent (AtlasTestServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTestServer, atlas_test_server_free)

G_END_DECLS
