#pragma once

#include <gtk/gtk.h>

double bench_now_ms          (void);
double bench_percentile      (GArray    *values,
                              double     p);
double bench_offscreen_frame (GtkWidget *widget);
