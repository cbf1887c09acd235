#pragma once

#include <gtk/gtk.h>

#include "atlas-graph-view-private.h"

void        atlas_test_drain           (void);
void        atlas_test_wait_for_frames (GtkWidget      *widget);
void        atlas_test_wait_for_graph  (AtlasGraphView *graph);
GdkTexture *atlas_test_render          (GtkWidget      *widget);
guchar     *atlas_test_pixels          (GdkTexture     *texture);
gboolean    atlas_test_has_color       (GdkTexture     *texture,
                                        int             left,
                                        int             top,
                                        int             width,
                                        int             height,
                                        double          red,
                                        double          green,
                                        double          blue);
void        atlas_test_assert_golden   (GdkTexture     *texture,
                                        const char     *name);
GtkEventController *atlas_test_find_controller (GtkWidget *widget,
                                                GType      type);
