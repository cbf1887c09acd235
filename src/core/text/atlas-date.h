#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_DATE_PRECISION_NONE = 0,
  ATLAS_DATE_PRECISION_YEAR = 1,
  ATLAS_DATE_PRECISION_MONTH = 2,
  ATLAS_DATE_PRECISION_DAY = 3,
} AtlasDatePrecision;

/* A date known only to the year or month stays so: "Sept 2025" is a span of a
 * month, never a made-up first of September. */
typedef struct
{
  int                year;
  int                month;
  int                day;
  AtlasDatePrecision precision;
} AtlasPartialDate;

#define ATLAS_DATE_MIN_YEAR 1
#define ATLAS_DATE_MAX_YEAR 9999

gboolean  atlas_partial_date_parse      (const char             *text,
                                         AtlasPartialDate       *date);
char     *atlas_partial_date_to_string  (const AtlasPartialDate *date);
char     *atlas_partial_date_format     (const AtlasPartialDate *date);
gint64    atlas_partial_date_start      (const AtlasPartialDate *date);
gint64    atlas_partial_date_end        (const AtlasPartialDate *date);

gboolean  atlas_timestamp_parse         (const char             *rfc3339,
                                         gint64                 *unix_time);
gboolean  atlas_feed_date_parse         (const char             *text,
                                         gint64                 *unix_time,
                                         AtlasDatePrecision     *precision);
char     *atlas_timestamp_to_iso8601    (gint64                  unix_time);
char     *atlas_timestamp_format_local  (gint64                  unix_time);

G_END_DECLS
