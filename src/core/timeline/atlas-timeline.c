/* atlas-timeline.c: calendar arithmetic for a zoomable time axis
 *
 * Ticks and buckets fall on the calendar of the user's time zone: months
 * start on the first at midnight local time, weeks on Monday, whatever the
 * length of the days between (23 or 25 hours across a clock change).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-date.h"
#include "atlas-timeline.h"

/* Nominal lengths, only to choose a unit for a scale. */
static const double unit_seconds[ATLAS_TIME_N_UNITS] = {
  [ATLAS_TIME_DAY] = 86400.0,
  [ATLAS_TIME_WEEK] = 7 * 86400.0,
  [ATLAS_TIME_MONTH] = 30.44 * 86400.0,
  [ATLAS_TIME_QUARTER] = 91.31 * 86400.0,
  [ATLAS_TIME_YEAR] = 365.25 * 86400.0,
  [ATLAS_TIME_DECADE] = 3652.5 * 86400.0,
};

/* The finest unit whose steps are at least `min_pixels` apart. */
AtlasTimeUnit
atlas_time_unit_for_scale (double seconds_per_pixel,
                           double min_pixels)
{
  for (AtlasTimeUnit unit = ATLAS_TIME_DAY; unit < ATLAS_TIME_DECADE; unit++)
    if (unit_seconds[unit] / seconds_per_pixel >= min_pixels)
      return unit;
  return ATLAS_TIME_DECADE;
}

/* GDateTime covers years 1 to 9999: times beyond are held at the ends. */
static GDateTime *
local_time (gint64     time,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  AtlasPartialDate first = { ATLAS_DATE_MIN_YEAR, 1, 2, ATLAS_DATE_PRECISION_DAY };
  AtlasPartialDate last = { ATLAS_DATE_MAX_YEAR, 12, 30, ATLAS_DATE_PRECISION_DAY };

  time = CLAMP (time, atlas_partial_date_start (&first), atlas_partial_date_start (&last));
  utc = g_date_time_new_from_unix_utc (time);
  return g_date_time_to_timezone (utc, tz);
}

gint64
atlas_time_unit_floor (AtlasTimeUnit  unit,
                       gint64         time,
                       GTimeZone     *tz)
{
  g_autoptr(GDateTime) local = local_time (time, tz);
  g_autoptr(GDateTime) start = NULL;
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);
  int day = g_date_time_get_day_of_month (local);

  switch (unit)
    {
    case ATLAS_TIME_DAY:
      start = g_date_time_new (tz, year, month, day, 0, 0, 0);
      break;
    case ATLAS_TIME_WEEK:
      {
        g_autoptr(GDateTime) midnight = g_date_time_new (tz, year, month, day, 0, 0, 0);
        start = g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
      }
      break;
    case ATLAS_TIME_MONTH:
      start = g_date_time_new (tz, year, month, 1, 0, 0, 0);
      break;
    case ATLAS_TIME_QUARTER:
      start = g_date_time_new (tz, year, (month - 1) / 3 * 3 + 1, 1, 0, 0, 0);
      break;
    case ATLAS_TIME_YEAR:
      start = g_date_time_new (tz, year, 1, 1, 0, 0, 0);
      break;
    case ATLAS_TIME_DECADE:
    default:
      start = g_date_time_new (tz, MAX (ATLAS_DATE_MIN_YEAR, year / 10 * 10), 1, 1, 0, 0, 0);
      break;
    }
  /* Before the first Monday GDateTime knows: the first day it knows. */
  return start != NULL ? g_date_time_to_unix (start) : g_date_time_to_unix (local);
}

/* The start of the unit after the one starting at `start`. */
gint64
atlas_time_unit_next (AtlasTimeUnit  unit,
                      gint64         start,
                      GTimeZone     *tz)
{
  g_autoptr(GDateTime) local = local_time (start, tz);
  g_autoptr(GDateTime) next = NULL;

  switch (unit)
    {
    case ATLAS_TIME_DAY:
      next = g_date_time_add_days (local, 1);
      break;
    case ATLAS_TIME_WEEK:
      next = g_date_time_add_weeks (local, 1);
      break;
    case ATLAS_TIME_MONTH:
      next = g_date_time_add_months (local, 1);
      break;
    case ATLAS_TIME_QUARTER:
      next = g_date_time_add_months (local, 3);
      break;
    case ATLAS_TIME_YEAR:
      next = g_date_time_add_years (local, 1);
      break;
    case ATLAS_TIME_DECADE:
    default:
      next = g_date_time_add_years (local, 10);
      break;
    }
  /* Past year 9999 there is no next: a nominal step keeps loops finite. */
  if (next == NULL)
    return start + (gint64) unit_seconds[unit];
  /* Adding keeps the wall-clock time, so a step lands on a boundary again
   * even across a clock change. */
  return atlas_time_unit_floor (unit, g_date_time_to_unix (next), tz);
}

/* The starts of the units that begin in [from, to). */
GArray *
atlas_time_unit_ticks (AtlasTimeUnit  unit,
                       gint64         from,
                       gint64         to,
                       GTimeZone     *tz)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 t = atlas_time_unit_floor (unit, from, tz);

  if (t < from)
    t = atlas_time_unit_next (unit, t, tz);
  while (t < to)
    {
      gint64 next = atlas_time_unit_next (unit, t, tz);

      g_array_append_val (ticks, t);
      if (next <= t)
        break;
      t = next;
    }
  return ticks;
}

/* A tick's label, in the user's language: "2025", "Q3 2025", "Sep 2025",
 * "16 Sep". */
char *
atlas_time_unit_format (AtlasTimeUnit  unit,
                        gint64         start,
                        GTimeZone     *tz)
{
  g_autoptr(GDateTime) local = local_time (start, tz);

  switch (unit)
    {
    case ATLAS_TIME_DAY:
    case ATLAS_TIME_WEEK:
      /* TRANSLATORS: a day on the time axis, as strftime formats it */
      return g_date_time_format (local, C_("time axis", "%-d %b"));
    case ATLAS_TIME_MONTH:
      /* TRANSLATORS: a month on the time axis, as strftime formats it */
      return g_date_time_format (local, C_("time axis", "%b %Y"));
    case ATLAS_TIME_QUARTER:
      /* TRANSLATORS: a quarter of a year on the time axis: "Q3 2025" */
      return g_strdup_printf (C_("time axis", "Q%d %d"), (g_date_time_get_month (local) - 1) / 3 + 1,
                              g_date_time_get_year (local));
    case ATLAS_TIME_YEAR:
    case ATLAS_TIME_DECADE:
    default:
      return g_date_time_format (local, "%Y");
    }
}

/* A tick's label where it stands among others: a day or a week carries
 * its year on the first tick (`previous` is G_MININT64) and where the year
 * changes ("31 Dec", "1 Jan 2026"), so that an axis of days always says
 * which year it shows. Longer units carry it always. */
char *
atlas_time_tick_format (AtlasTimeUnit  unit,
                        gint64         tick,
                        gint64         previous,
                        GTimeZone     *tz)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (unit != ATLAS_TIME_DAY && unit != ATLAS_TIME_WEEK)
    return atlas_time_unit_format (unit, tick, tz);
  local = local_time (tick, tz);
  if (previous != G_MININT64)
    {
      before = local_time (previous, tz);
      if (g_date_time_get_year (before) == g_date_time_get_year (local))
        return atlas_time_unit_format (unit, tick, tz);
    }
  /* TRANSLATORS: a day on the time axis with its year, as strftime formats it */
  return g_date_time_format (local, C_("time axis", "%-d %b %Y"));
}

static gboolean
is_whole (AtlasTimeUnit  unit,
          gint64         since,
          gint64         until,
          GTimeZone     *tz)
{
  return atlas_time_unit_floor (unit, since, tz) == since && atlas_time_unit_next (unit, since, tz) == until;
}

/* A date range as a person says it: "Sep 2025" for a whole month, "2025" for
 * a whole year, else its first and last days; `until` is excluded, and
 * either end may be open (G_MININT64, G_MAXINT64). */
char *
atlas_time_range_format (gint64     since,
                         gint64     until,
                         GTimeZone *tz)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (since != G_MININT64 && until != G_MAXINT64)
    {
      if (is_whole (ATLAS_TIME_MONTH, since, until, tz))
        return atlas_time_unit_format (ATLAS_TIME_MONTH, since, tz);
      if (is_whole (ATLAS_TIME_YEAR, since, until, tz))
        return atlas_time_unit_format (ATLAS_TIME_YEAR, since, tz);
    }

  if (since != G_MININT64)
    {
      first = local_time (since, tz);
      /* TRANSLATORS: a day in a date range, as strftime formats it */
      from = g_date_time_format (first, C_("date range", "%-d %b %Y"));
    }
  if (until != G_MAXINT64)
    {
      last = local_time (until - 1, tz);
      to = g_date_time_format (last, C_("date range", "%-d %b %Y"));
    }
  if (from != NULL && to != NULL)
    /* TRANSLATORS: a date range, from the first day to the last */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("From %s"), from);
  return g_strdup_printf (_("Up to %s"), to);
}
