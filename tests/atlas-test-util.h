#pragma once

#include "atlas-graph.h"
#include "atlas-store.h"

G_BEGIN_DECLS

char       *atlas_test_make_dir      (void);
AtlasStore *atlas_test_open_store    (const char *dir);
AtlasStore *atlas_test_corpus_store  (const char *dir);
AtlasStore *atlas_test_corpus_and_plain_store (const char *dir);
void        atlas_test_wait_while    (gpointer    object,
                                      const char *boolean_property,
                                      guint       seconds);
int         atlas_test_run_with_store (AtlasStore **store,
                                       AtlasStore *(*make) (const char *dir));
AtlasGraph *atlas_test_build_graph   (AtlasStore *store,
                                      const char *country,
                                      gboolean    comentions,
                                      char      **hidden);
const AtlasGraphNode *atlas_test_graph_node (AtlasGraph *graph,
                                             const char *id);
char       *atlas_test_snapshot      (AtlasStore *store);
void        atlas_test_remove_dir    (const char *dir);
gint64      atlas_test_deadline      (guint       seconds);
char       *atlas_test_epoch_file    (const char *name,
                                      gsize      *length);
GBytes     *atlas_test_write_spoilt_store (const char *good,
                                           const char *kind,
                                           const char *path);

typedef struct _AtlasTestLock AtlasTestLock;

AtlasTestLock *atlas_test_lock_hold  (const char    *path,
                                      gulong         hold_us);
void           atlas_test_lock_join  (AtlasTestLock *lock);

G_END_DECLS
