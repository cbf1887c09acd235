#pragma once

#include <gtk/gtk.h>

#include "bench-stats.h"

double bench_offscreen_frame (GtkWidget *widget);
