#pragma once

#include <glib.h>

double bench_now_ms     (void);
double bench_percentile (GArray *values,
                         double  p);
