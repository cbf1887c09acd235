#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The calendar units a time axis steps by, finest first. */
typedef enum
{
  ATLAS_TIME_DAY,
  ATLAS_TIME_WEEK,
  ATLAS_TIME_MONTH,
  ATLAS_TIME_QUARTER,
  ATLAS_TIME_YEAR,
  ATLAS_TIME_DECADE,
} AtlasTimeUnit;

#define ATLAS_TIME_N_UNITS (ATLAS_TIME_DECADE + 1)

AtlasTimeUnit atlas_time_unit_for_scale (double         seconds_per_pixel,
                                         double         min_pixels);
gint64        atlas_time_unit_floor     (AtlasTimeUnit  unit,
                                         gint64         time,
                                         GTimeZone     *tz);
gint64        atlas_time_unit_next      (AtlasTimeUnit  unit,
                                         gint64         start,
                                         GTimeZone     *tz);
GArray       *atlas_time_unit_ticks     (AtlasTimeUnit  unit,
                                         gint64         from,
                                         gint64         to,
                                         GTimeZone     *tz);
char         *atlas_time_tick_format    (AtlasTimeUnit  unit,
                                         gint64         tick,
                                         gint64         previous,
                                         GTimeZone     *tz);
char         *atlas_time_unit_format    (AtlasTimeUnit  unit,
                                         gint64         start,
                                         GTimeZone     *tz);

char         *atlas_time_range_format   (gint64         since,
                                         gint64         until,
                                         GTimeZone     *tz);

G_END_DECLS
