#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-date.h"

static gboolean
parse_digits (const char *p,
              guint       n,
              int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
atlas_partial_date_parse (const char       *text,
                          AtlasPartialDate *date)
{
  AtlasPartialDate d = { 0 };
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  *date = d;
  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;

  if (!parse_digits (text, 4, &d.year) || d.year < ATLAS_DATE_MIN_YEAR)
    return FALSE;
  d.precision = ATLAS_DATE_PRECISION_YEAR;

  if (len >= 7)
    {
      if (text[4] != '-' || !parse_digits (text + 5, 2, &d.month) || d.month < 1 || d.month > 12)
        return FALSE;
      d.precision = ATLAS_DATE_PRECISION_MONTH;
    }

  if (len == 10)
    {
      if (text[7] != '-' || !parse_digits (text + 8, 2, &d.day) ||
          !g_date_valid_dmy (d.day, d.month, d.year))
        return FALSE;
      d.precision = ATLAS_DATE_PRECISION_DAY;
    }

  *date = d;
  return TRUE;
}

char *
atlas_partial_date_to_string (const AtlasPartialDate *date)
{
  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case ATLAS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case ATLAS_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case ATLAS_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

static GDateTime *
partial_date_first_moment (const AtlasPartialDate *date)
{
  return g_date_time_new_utc (date->year,
                              date->precision >= ATLAS_DATE_PRECISION_MONTH ? date->month : 1,
                              date->precision >= ATLAS_DATE_PRECISION_DAY ? date->day : 1,
                              0, 0, 0);
}

char *
atlas_partial_date_format (const AtlasPartialDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date->precision == ATLAS_DATE_PRECISION_NONE)
    return g_strdup ("");

  dt = partial_date_first_moment (date);
  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      return g_date_time_format (dt, "%Y");
    case ATLAS_DATE_PRECISION_MONTH:
      /* TRANSLATORS: a month and year, in g_date_time_format() notation */
      return g_date_time_format (dt, _("%b %Y"));
    case ATLAS_DATE_PRECISION_DAY:
    case ATLAS_DATE_PRECISION_NONE:
    default:
      /* TRANSLATORS: a day, month and year, in g_date_time_format() notation */
      return g_date_time_format (dt, _("%-d %b %Y"));
    }
}

/* Seconds since the epoch (UTC) at which the span starts. */
gint64
atlas_partial_date_start (const AtlasPartialDate *date)
{
  g_autoptr(GDateTime) dt = partial_date_first_moment (date);

  return g_date_time_to_unix (dt);
}

/* Seconds since the epoch (UTC) at which the span ends, exclusive. */
gint64
atlas_partial_date_end (const AtlasPartialDate *date)
{
  g_autoptr(GDateTime) first = partial_date_first_moment (date);
  g_autoptr(GDateTime) next = NULL;

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      next = g_date_time_add_years (first, 1);
      break;
    case ATLAS_DATE_PRECISION_MONTH:
      next = g_date_time_add_months (first, 1);
      break;
    case ATLAS_DATE_PRECISION_DAY:
    case ATLAS_DATE_PRECISION_NONE:
    default:
      next = g_date_time_add_days (first, 1);
      break;
    }

  /* Year 9999 has no successor in GDateTime. */
  if (next == NULL)
    return g_date_time_to_unix (first) + 366 * G_GINT64_CONSTANT (86400);

  return g_date_time_to_unix (next);
}

gboolean
atlas_timestamp_parse (const char *rfc3339,
                       gint64     *unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (rfc3339 == NULL || strlen (rfc3339) < 10 || strlen (rfc3339) > 40)
    return FALSE;

  /* A bare date is common in hand-written feeds; read it as midnight UTC. */
  if (strlen (rfc3339) == 10)
    {
      AtlasPartialDate d;

      if (!atlas_partial_date_parse (rfc3339, &d))
        return FALSE;
      *unix_time = atlas_partial_date_start (&d);
      return TRUE;
    }

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (rfc3339, utc);
  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

char *
atlas_timestamp_to_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
atlas_timestamp_format_local (gint64 unix_time)
{
  /* Asked anew, the local zone is looked up again for each of the ~200 rows
   * a filter change rebinds; GLib keeps it for the process anyway. */
  static GTimeZone *local;
  g_autoptr(GDateTime) dt = NULL;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());
  dt = g_date_time_new_from_unix_utc (unix_time);
  if (dt != NULL)
    {
      GDateTime *utc = g_steal_pointer (&dt);

      dt = g_date_time_to_timezone (utc, local);
      g_date_time_unref (utc);
    }

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, _("%-d %b %Y"));
}
