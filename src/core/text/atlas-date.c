/* atlas-date.c: partial dates, and the dates feeds write */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
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

/* ---- the dates feeds really write --------------------------------------- */

typedef struct
{
  const char *name;
  int         minutes;
} ZoneName;

/* RFC 822's names, and those feeds are seen to use beside them. */
static const ZoneName zone_names[] = {
  { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
  { "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
  { "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
  { "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 }, { "AST", -240 }, { "ADT", -180 },
  { "BST", 60 }, { "CET", 60 }, { "CEST", 120 }, { "MET", 60 }, { "MEST", 120 }, { "WEST", 60 },
  { "EET", 120 }, { "EEST", 180 }, { "MSK", 180 }, { "IST", 330 }, { "SGT", 480 },
  { "HKT", 480 }, { "JST", 540 }, { "KST", 540 }, { "AEST", 600 }, { "AEDT", 660 },
  { "ACST", 570 }, { "AWST", 480 }, { "NZST", 720 }, { "NZDT", 780 },
};

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
month_from_name (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (strncmp (lower, month_names[i], 3) == 0)
      return i + 1;
  return 0;
}

static gboolean
is_weekday (const char *word)
{
  static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (strncmp (lower, days[i], 3) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_number (const char *word,
              int        *value)
{
  gsize len = strlen (word);

  return len > 0 && len <= 4 && parse_digits (word, len, value);
}

/* "+0100", "-07:00", "+01", "GMT+2", a name, or one military letter. */
static gboolean
parse_zone (const char *word,
            int        *minutes)
{
  const char *p = word;
  int hours = 0, mins = 0, sign;
  gsize digits;

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (g_ascii_strcasecmp (word, zone_names[i].name) == 0)
      {
        *minutes = zone_names[i].minutes;
        return TRUE;
      }
  if (g_ascii_strncasecmp (p, "GMT", 3) == 0 || g_ascii_strncasecmp (p, "UTC", 3) == 0)
    p += 3;
  if (*p != '+' && *p != '-')
    {
      /* Military letters: RFC 1123 says their sign was got wrong, so UTC. */
      *minutes = 0;
      return strlen (word) == 1 && g_ascii_isalpha (word[0]);
    }
  sign = *p == '-' ? -1 : 1;
  p++;
  digits = strspn (p, "0123456789");
  if (digits == 4 && p[4] == '\0')
    hours = (p[0] - '0') * 10 + (p[1] - '0'), mins = (p[2] - '0') * 10 + (p[3] - '0');
  else if ((digits == 1 || digits == 2) && p[digits] == '\0')
    hours = atoi (p);
  else if (digits == 2 && p[2] == ':' && strlen (p) == 5 && parse_digits (p + 3, 2, &mins))
    hours = (p[0] - '0') * 10 + (p[1] - '0');
  else
    return FALSE;
  if (hours > 14 || mins > 59)
    return FALSE;
  *minutes = sign * (hours * 60 + mins);
  return TRUE;
}

/* "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff". */
static gboolean
parse_clock (const char *word,
             int        *hour,
             int        *minute,
             int        *second)
{
  g_auto(GStrv) parts = g_strsplit (word, ":", 4);
  guint n = g_strv_length (parts);
  char *dot;

  *second = 0;
  if (n < 2 || n > 3)
    return FALSE;
  if (n == 3 && (dot = strchr (parts[2], '.')) != NULL)
    *dot = '\0';
  if (!parse_number (parts[0], hour) || !parse_number (parts[1], minute) ||
      (n == 3 && !parse_number (parts[2], second)))
    return FALSE;
  return *hour <= 24 && *minute <= 59 && *second <= 60;
}

/* RFC 822 as feeds write it: "Sun, 06 Jul 2014 12:56:00 GMT", and without
 * the weekday, with a named zone, a two-digit year, no seconds, a full month
 * name, dashes between the parts or no zone at all. */
static gboolean
parse_rfc822 (const char *text,
              gint64     *unix_time)
{
  g_autofree char *copy = g_strdup (text);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GDateTime) dt = NULL;
  int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0, zone = 0;
  gsize year_digits;
  guint i = 0;

  for (char *w = strtok (copy, " \t\r\n,"); w != NULL; w = strtok (NULL, " \t\r\n,"))
    g_ptr_array_add (words, w);
  if (words->len > 0 && is_weekday (g_ptr_array_index (words, 0)) &&
      !g_ascii_isdigit (((char *) g_ptr_array_index (words, 0))[0]))
    i++;

  /* "06-Jul-2014" is three words in one. */
  if (i < words->len && strchr (g_ptr_array_index (words, i), '-') != NULL)
    {
      char *joined = g_ptr_array_index (words, i);
      g_auto(GStrv) parts = g_strsplit (joined, "-", 4);

      if (g_strv_length (parts) != 3 || !parse_number (parts[0], &day) ||
          (month = month_from_name (parts[1])) == 0 || !parse_number (parts[2], &year))
        return FALSE;
      year_digits = strlen (parts[2]);
      i++;
    }
  else if (i + 2 < words->len)
    {
      const char *a = g_ptr_array_index (words, i);
      const char *b = g_ptr_array_index (words, i + 1);

      /* "06 Jul 2014", or "Jul 06 2014" as some feeds write it. */
      if (parse_number (a, &day) && (month = month_from_name (b)) != 0)
        ;
      else if ((month = month_from_name (a)) != 0 && parse_number (b, &day))
        ;
      else
        return FALSE;
      if (!parse_number (g_ptr_array_index (words, i + 2), &year))
        return FALSE;
      year_digits = strlen (g_ptr_array_index (words, i + 2));
      i += 3;
    }
  else
    return FALSE;

  if (year_digits <= 2)
    year += year < 50 ? 2000 : 1900;

  if (i < words->len && !parse_clock (g_ptr_array_index (words, i++), &hour, &minute, &second))
    return FALSE;
  if (i < words->len && !parse_zone (g_ptr_array_index (words, i++), &zone))
    return FALSE;
  if (i < words->len)
    return FALSE;

  if (year < ATLAS_DATE_MIN_YEAR || year > ATLAS_DATE_MAX_YEAR || !g_date_valid_dmy (day, month, year))
    return FALSE;
  dt = g_date_time_new_utc (year, month, day, hour == 24 ? 0 : hour, minute, second == 60 ? 59 : second);
  if (dt == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (dt) + (hour == 24 ? 86400 : 0) - zone * 60;
  return TRUE;
}

/* A publication date as RSS, RDF and Atom feeds write it: RFC 822 in all its
 * variants, RFC 3339, ISO 8601 with a space or without a zone (read as UTC),
 * and W3C-DTF's "2003" and "2003-12", which keep their precision. */
gboolean
atlas_feed_date_parse (const char         *text,
                       gint64             *unix_time,
                       AtlasDatePrecision *precision)
{
  g_autofree char *trimmed = NULL;
  AtlasPartialDate partial;
  gsize len;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  len = strlen (trimmed);
  if (len == 0 || len > 64)
    return FALSE;

  *precision = ATLAS_DATE_PRECISION_DAY;
  if ((len == 4 || len == 7) && atlas_partial_date_parse (trimmed, &partial))
    {
      *unix_time = atlas_partial_date_start (&partial);
      *precision = partial.precision;
      return TRUE;
    }
  if (len >= 10 && g_ascii_isdigit (trimmed[0]) && trimmed[4] == '-')
    {
      if (len > 10 && trimmed[10] == ' ')
        trimmed[10] = 'T';
      if (atlas_timestamp_parse (trimmed, unix_time))
        return TRUE;
    }
  return parse_rfc822 (trimmed, unix_time);
}
