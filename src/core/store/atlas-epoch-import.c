/* atlas-epoch-import.c: Epoch AI's CSV files written to the store as sites, companies and events
 *
 * One file is one transaction: every row is read and checked before anything
 * is written, and a file with one bad row (a cut quote, a number that is not
 * one, a status the data does not define) is refused whole, naming its line,
 * with the store unchanged. A file is a feed of its own (keyed by which of
 * Epoch's files it is), so its sites, relations and events are traced to
 * it, row by row, and go with it when it is removed.
 *
 * Sites and companies are found by name or alias among the entities the
 * store already holds (an article's "xAI" and Epoch's "xAI" are one entity);
 * only what is missing is created, and an entity's stored fields are only
 * filled in, never overwritten, so that what a user or an earlier feed set
 * is kept. Re-importing the same file changes nothing; a newer one updates
 * the rows it names.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "atlas-countries.h"
#include "atlas-country-names.h"
#include "atlas-csv.h"
#include "atlas-date.h"
#include "atlas-epoch.h"
#include "atlas-epoch-import.h"
#include "atlas-text.h"

typedef struct
{
  gboolean set;
  double   value;
} Number;

/* One site, from a row of the GPU clusters or the data centres file. */
typedef struct
{
  guint             line;
  char             *name;
  char             *alias;
  const char       *country;
  char             *place;
  gboolean          has_position;
  double            lat;
  double            lon;
  const char       *status;
  const char       *certainty;
  char             *chip_type;
  Number            chip_quantity;
  char             *chip2_type;
  Number            chip2_quantity;
  Number            h100e;
  Number            power_mw;
  const char       *power_source;
  Number            cost;
  char             *sector;
  AtlasPartialDate  first_operational;
  char             *builds_upon;
  char             *superseded_by;
  gboolean          duplicate;
  GPtrArray        *owners;
  GPtrArray        *users;
  GPtrArray        *investors;
  GPtrArray        *builders;
  GPtrArray        *energy;
  char             *quote;
  GPtrArray        *sources;
  char             *fingerprint;
} SiteRow;

/* One dated step: a data centre's timeline row or a funding round. */
typedef struct
{
  guint             line;
  char             *subject;
  AtlasPartialDate  date;
  const char       *kind;
  char             *title;
  Number            amount;
  char             *note;
  char             *url;
} StepRow;

typedef struct
{
  AtlasStore        *store;
  const char        *name;       /* the file's name, in messages */
  AtlasEpochFile     file;
  GPtrArray         *header;
  GPtrArray         *sites;      /* SiteRow */
  GPtrArray         *steps;      /* StepRow */
  AtlasImportReport *report;
  gint64             feed_id;
  /* Folded names and aliases of the store's entities → their ids. */
  GHashTable        *site_ids;
  GHashTable        *company_ids;
  GHashTable        *owner_names;
  GError            *error;
} EpochImport;

/* Each file is a feed of the store. */
static const struct
{
  const char *key;
  const char *file_name;   /* as Epoch names its download */
  const char *title;
  const char *url;
} feeds[] = {
  [ATLAS_EPOCH_GPU_CLUSTERS] = { "epoch:gpu_clusters", "gpu_clusters.csv", N_("Epoch AI: GPU clusters"),
                                 "https://epoch.ai/data/gpu-clusters" },
  [ATLAS_EPOCH_DATA_CENTERS] = { "epoch:data_centers", "data_centers.csv", N_("Epoch AI: frontier data centers"),
                                 "https://epoch.ai/data/data-centers" },
  [ATLAS_EPOCH_DATA_CENTER_TIMELINES] = { "epoch:data_center_timelines", "data_center_timelines.csv",
                                          N_("Epoch AI: data center timelines"), "https://epoch.ai/data/data-centers" },
  [ATLAS_EPOCH_FUNDING_ROUNDS] = { "epoch:ai_companies_funding_rounds", "ai_companies_funding_rounds.csv",
                                   N_("Epoch AI: AI companies’ funding rounds"), "https://epoch.ai/data/ai-companies" },
};

static void
site_row_free (gpointer data)
{
  SiteRow *row = data;

  g_free (row->name);
  g_free (row->alias);
  g_free (row->place);
  g_free (row->chip_type);
  g_free (row->chip2_type);
  g_free (row->sector);
  g_free (row->builds_upon);
  g_free (row->superseded_by);
  g_clear_pointer (&row->owners, g_ptr_array_unref);
  g_clear_pointer (&row->users, g_ptr_array_unref);
  g_clear_pointer (&row->investors, g_ptr_array_unref);
  g_clear_pointer (&row->builders, g_ptr_array_unref);
  g_clear_pointer (&row->energy, g_ptr_array_unref);
  g_free (row->quote);
  g_clear_pointer (&row->sources, g_ptr_array_unref);
  g_free (row->fingerprint);
  g_free (row);
}

static void
step_row_free (gpointer data)
{
  StepRow *row = data;

  g_free (row->subject);
  g_free (row->title);
  g_free (row->note);
  g_free (row->url);
  g_free (row);
}

/* ---- reading a row ----------------------------------------------------- */

typedef struct
{
  EpochImport *import;
  GPtrArray   *fields;
  guint        line;
} Row;

static G_GNUC_PRINTF (2, 3) gboolean
row_error (Row        *row,
           const char *format,
           ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  if (row->import->error == NULL)
    /* TRANSLATORS: a file's name, a line number and what is wrong there */
    g_set_error (&row->import->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s, line %u: %s"),
                 row->import->name, row->line, why);
  return FALSE;
}

/* The cell of `column`, cleaned and trimmed; NULL when the file has no such
 * column or the cell is empty. */
static char *
cell (Row        *row,
      const char *column)
{
  int index = atlas_epoch_column (row->import->header, column);
  char *text;
  gsize length;

  if (index < 0 || (guint) index >= row->fields->len)
    return NULL;
  text = atlas_text_clean (g_ptr_array_index (row->fields, index), G_MAXSIZE, NULL);
  g_strstrip (text);
  /* A few names are quoted inside their field ("\"Crusoe Goodnight in
   * Claude, Texas\""): the quotes are no part of the name. */
  length = strlen (text);
  if (length >= 2 && text[0] == '"' && strchr (text + 1, '"') == text + length - 1)
    {
      memmove (text, text + 1, length - 2);
      text[length - 2] = '\0';
      g_strstrip (text);
    }
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
cell_number (Row        *row,
             const char *column,
             Number     *number)
{
  g_autofree char *text = cell (row, column);
  char *end = NULL;

  number->set = FALSE;
  if (text == NULL)
    return TRUE;
  number->value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number->value))
    return row_error (row, _("“%s” in column “%s” is not a number"), text, column);
  number->set = TRUE;
  return TRUE;
}

static gboolean
cell_date (Row              *row,
           const char       *column,
           AtlasPartialDate *date)
{
  g_autofree char *text = cell (row, column);

  memset (date, 0, sizeof *date);
  if (text == NULL || atlas_partial_date_parse (text, date))
    return TRUE;
  return row_error (row, _("“%s” in column “%s” is not a date (YYYY-MM-DD)"), text, column);
}

/* The word after '#' in a data-centre cell ("Amazon #confident") is how
 * sure Epoch is of it. The certainty words of the two files, as the store
 * keeps them. */
static const char *
certainty_of_tag (const char *tag)
{
  static const char *const tags[][2] = {
    { "confident", "confirmed" }, { "likely", "likely" }, { "speculative", "unlikely" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_ascii_strcasecmp (tag, tags[i][0]) == 0)
      return tags[i][1];
  return NULL;
}

/* Names from a cell holding several, separated by commas, without their
 * "#tag"s; the first tag found goes to `*tag` when asked for. */
static GPtrArray *
cell_names (Row         *row,
            const char  *column,
            const char **tag)
{
  g_autofree char *text = cell (row, column);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return names;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *hash = strchr (parts[i], '#');

      if (hash != NULL)
        {
          if (tag != NULL && *tag == NULL)
            *tag = certainty_of_tag (g_strstrip (hash + 1));
          *hash = '\0';
        }
      g_strstrip (parts[i]);
      if (*parts[i] != '\0' && !g_ptr_array_find_with_equal_func (names, parts[i], g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (parts[i]));
    }
  return names;
}

/* "32°35'25"N", "41°11'6.6732"N" or plain degrees, as a signed number. */
static gboolean
parse_degrees (const char *text,
               double     *degrees)
{
  double parts[3] = { 0, 0, 0 };
  const char *p = text;
  char *end;
  guint n = 0;
  double sign = 1;

  while (n < 3)
    {
      while (*p == ' ')
        p++;
      if (!g_ascii_isdigit (*p) && *p != '-')
        break;
      parts[n++] = g_ascii_strtod (p, &end);
      if (end == p)
        return FALSE;
      p = end;
      /* The degree, minute and second signs, in their UTF-8 and ASCII forms. */
      if (g_str_has_prefix (p, "°"))
        p += strlen ("°");
      else if (*p == '\'' || *p == '"')
        p++;
      else if (g_str_has_prefix (p, "′") || g_str_has_prefix (p, "″"))
        p += strlen ("′");
    }
  while (*p == ' ')
    p++;
  if (*p == 'S' || *p == 'W')
    sign = -1, p++;
  else if (*p == 'N' || *p == 'E')
    p++;
  if (n == 0 || *p != '\0' || parts[1] >= 60 || parts[2] >= 60)
    return FALSE;
  *degrees = sign * (fabs (parts[0]) + parts[1] / 60 + parts[2] / 3600) * (parts[0] < 0 ? -1 : 1);
  return isfinite (*degrees);
}

static char *
row_fingerprint (Row *row)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint i = 0; i < row->fields->len; i++)
    {
      const char *field = g_ptr_array_index (row->fields, i);

      g_checksum_update (sum, (const guchar *) field, strlen (field));
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static SiteRow *
site_row_new (Row *row)
{
  SiteRow *site = g_new0 (SiteRow, 1);

  site->line = row->line;
  site->fingerprint = row_fingerprint (row);
  site->sources = g_ptr_array_new_with_free_func (g_free);
  return site;
}

static gboolean
read_country (Row        *row,
              SiteRow    *site,
              const char *column)
{
  g_autofree char *name = cell (row, column);

  if (name == NULL)
    return TRUE;
  site->country = atlas_country_code_for_name (name);
  if (site->country == NULL)
    return row_error (row, _("“%s” in column “%s” is not a country known to ISO 3166"), name, column);
  return TRUE;
}

static gboolean
read_status (Row     *row,
             SiteRow *site)
{
  static const char *const statuses[][2] = {
    { "Existing", "existing" }, { "Planned", "planned" }, { "Under construction", "under-construction" },
    { "Decommissioned", "decommissioned" },
  };
  g_autofree char *text = cell (row, "Status");

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (text, statuses[i][0]) == 0)
      {
        site->status = statuses[i][1];
        return TRUE;
      }
  return row_error (row, _("status “%s” is not Existing, Planned, Under construction or Decommissioned"),
                    text ? text : "");
}

static gboolean
read_certainty (Row     *row,
                SiteRow *site)
{
  static const char *const words[][2] = {
    { "Confirmed", "confirmed" }, { "Likely", "likely" }, { "Unlikely", "unlikely" },
  };
  g_autofree char *text = cell (row, "Certainty");

  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i][0]) == 0)
      {
        site->certainty = words[i][1];
        return TRUE;
      }
  return row_error (row, _("certainty “%s” is not Confirmed, Likely or Unlikely"), text);
}

static void
read_sources (Row     *row,
              SiteRow *site)
{
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *column = g_strdup_printf ("Source %u", i);
      char *url = cell (row, column);

      /* Only links a browser may open are kept; a note in a source cell is not one. */
      if (url != NULL && atlas_text_is_web_link (url))
        g_ptr_array_add (site->sources, url);
      else
        g_free (url);
    }
}

static gboolean
read_gpu_cluster (Row *row)
{
  SiteRow *site = site_row_new (row);
  g_autofree char *duplicate = NULL;
  Number reported, calculated;

  g_ptr_array_add (row->import->sites, site);
  site->name = cell (row, "Name");
  if (site->name == NULL)
    return row_error (row, _("the cluster has no name"));
  site->place = cell (row, "Location");
  site->chip_type = cell (row, "Chip type (primary)");
  site->chip2_type = cell (row, "Chip type (secondary)");
  site->sector = cell (row, "Sector");
  site->builds_upon = cell (row, "Builds Upon");
  site->superseded_by = cell (row, "Superseded by");
  site->quote = cell (row, "Quote");
  duplicate = cell (row, "Possible Duplicate");
  site->duplicate = duplicate != NULL && g_ascii_strcasecmp (duplicate, "False") != 0;
  site->owners = cell_names (row, "Owner", NULL);
  site->users = cell_names (row, "Users", NULL);
  site->investors = g_ptr_array_new ();
  site->builders = g_ptr_array_new ();
  site->energy = g_ptr_array_new ();
  read_sources (row, site);

  if (!read_status (row, site) || !read_certainty (row, site) || !read_country (row, site, "Country") ||
      !cell_number (row, "Chip quantity (primary)", &site->chip_quantity) ||
      !cell_number (row, "Chip quantity (secondary)", &site->chip2_quantity) ||
      !cell_number (row, "H100 equivalents", &site->h100e) ||
      !cell_number (row, "Power Capacity (MW)", &site->power_mw) ||
      !cell_number (row, "Reported Power Capacity (MW)", &reported) ||
      !cell_number (row, "Calculated Power Capacity (MW)", &calculated) ||
      !cell_number (row, "Hardware Cost", &site->cost) ||
      !cell_date (row, "First Operational Date", &site->first_operational))
    return FALSE;

  /* The file's power is the reported figure where there is one. */
  if (site->power_mw.set)
    site->power_source = reported.set ? "reported" : calculated.set ? "calculated" : NULL;
  return TRUE;
}

/* The data-centre file has an address but no country: the address's last
 * parts may name it ("…, Hebei, China, 076471"); otherwise a state or
 * province only one country has, last words of the handle first ("Amazon
 * Canton Mississippi"), then the address's parts. NULL when nothing does. */
static const char *
country_of_place (const char *address,
                  const char *handle)
{
  g_auto(GStrv) parts = g_strsplit (address ? address : "", ",", -1);
  g_auto(GStrv) words = g_strsplit (handle ? handle : "", " ", -1);
  guint n_parts = g_strv_length (parts);
  guint n_words = g_strv_length (words);
  const char *code;

  for (guint i = n_parts; i-- > 0;)
    {
      g_strstrip (parts[i]);
      if ((code = atlas_country_code_for_name (parts[i])) != NULL && strlen (parts[i]) > 2)
        return code;
    }
  for (guint take = 1; take <= 3 && take <= n_words; take++)
    {
      g_autofree char *tail = g_strjoinv (" ", words + n_words - take);

      if ((code = atlas_country_code_for_subdivision (tail)) != NULL)
        return code;
    }
  for (guint i = n_parts; i-- > 0;)
    if ((code = atlas_country_code_for_subdivision (parts[i])) != NULL)
      return code;
  return NULL;
}

static gboolean
read_data_center (Row *row)
{
  SiteRow *site = site_row_new (row);
  g_autofree char *project = NULL;
  g_autofree char *latitude = NULL;
  g_autofree char *longitude = NULL;
  const char *certainty = NULL;
  const char *owner_certainty = NULL;

  g_ptr_array_add (row->import->sites, site);
  site->alias = cell (row, "Handle");
  site->name = cell (row, "Title");
  if (site->name == NULL)
    site->name = g_strdup (site->alias);
  if (site->name == NULL)
    return row_error (row, _("the data center has no name"));
  site->place = cell (row, "Address");
  site->owners = cell_names (row, "Owner", &owner_certainty);
  site->users = cell_names (row, "Users", NULL);
  site->investors = cell_names (row, "Investors", NULL);
  site->builders = cell_names (row, "Construction companies", NULL);
  site->energy = cell_names (row, "Energy companies", NULL);
  /* The project's tag says how sure the whole site is; without a project,
   * its owner's does. */
  g_ptr_array_unref (cell_names (row, "Project", &certainty));
  site->certainty = certainty ? certainty : owner_certainty;

  latitude = cell (row, "Latitude");
  longitude = cell (row, "Longitude");
  if (latitude != NULL && longitude != NULL)
    {
      if (!parse_degrees (latitude, &site->lat) || fabs (site->lat) > 90 ||
          !parse_degrees (longitude, &site->lon) || fabs (site->lon) > 180)
        return row_error (row, _("“%s %s” is not a position"), latitude, longitude);
      site->has_position = TRUE;
    }

  if (!read_country (row, site, "Country"))
    return FALSE;
  if (site->country == NULL)
    site->country = country_of_place (site->place, site->alias);
  if (!cell_number (row, "Current H100 equivalents", &site->h100e) ||
      !cell_number (row, "Current power (MW)", &site->power_mw) ||
      !cell_number (row, "Current total capital cost (2025 USD billions)", &site->cost))
    return FALSE;
  if (site->cost.set)
    site->cost.value *= 1e9;
  /* The file follows sites being built: one that draws power runs. */
  site->status = site->power_mw.set && site->power_mw.value > 0 ? "existing" : "under-construction";
  return TRUE;
}

static StepRow *
step_row_new (Row        *row,
              const char *kind)
{
  StepRow *step = g_new0 (StepRow, 1);

  step->line = row->line;
  step->kind = kind;
  g_ptr_array_add (row->import->steps, step);
  return step;
}

static gboolean
read_timeline_step (Row *row)
{
  StepRow *step = step_row_new (row, "construction");
  Number power, h100e;
  g_autoptr(GString) note = g_string_new (NULL);

  step->subject = cell (row, "Data center");
  step->title = cell (row, "Construction status");
  if (step->subject == NULL)
    return row_error (row, _("the step names no data center"));
  if (!cell_date (row, "Date", &step->date) || !cell_number (row, "Power (MW)", &power) ||
      !cell_number (row, "H100 equivalents", &h100e) ||
      !cell_number (row, "Total capital cost (2025 USD billions)", &step->amount))
    return FALSE;
  if (step->date.precision == ATLAS_DATE_PRECISION_NONE)
    return row_error (row, _("the step has no date"));
  /* Zero is the file's "nothing spent yet", not an amount to show. */
  step->amount.set = step->amount.set && step->amount.value > 0;
  if (step->amount.set)
    step->amount.value *= 1e9;
  if (power.set && power.value > 0)
    g_string_append_printf (note, "%g MW", power.value);
  if (h100e.set && h100e.value > 0)
    g_string_append_printf (note, "%s%.0f H100e", note->len ? ", " : "", h100e.value);
  step->note = note->len ? g_strdup (note->str) : NULL;
  return TRUE;
}

static gboolean
read_funding_round (Row *row)
{
  StepRow *step = step_row_new (row, "funding");
  g_autofree char *status = NULL;
  g_autofree char *round = NULL;
  Number equity, debt, valuation;
  g_autoptr(GString) note = g_string_new (NULL);

  step->subject = cell (row, "Company");
  if (step->subject == NULL)
    return row_error (row, _("the round names no company"));
  if (!cell_date (row, "Close date", &step->date) ||
      !cell_number (row, "Funding (equity)", &equity) || !cell_number (row, "Funding (debt)", &debt) ||
      !cell_number (row, "Valuation (post-money)", &valuation))
    return FALSE;
  /* A round still in talks has no close date, only the day it was reported. */
  if (step->date.precision == ATLAS_DATE_PRECISION_NONE && !cell_date (row, "Report date", &step->date))
    return FALSE;
  if (step->date.precision == ATLAS_DATE_PRECISION_NONE)
    return row_error (row, _("the round has neither a close date nor a report date"));

  step->amount.set = equity.set || debt.set;
  step->amount.value = (equity.set ? equity.value : 0) + (debt.set ? debt.value : 0);
  status = cell (row, "Status");
  round = cell (row, "Id");
  step->title = g_strdup_printf (_("%s funding round"), step->subject);
  if (round != NULL)
    g_string_append (note, round);
  if (status != NULL)
    g_string_append_printf (note, "%s%s", note->len ? "; " : "", status);
  if (valuation.set)
    g_string_append_printf (note, "%s%s %.0f USD", note->len ? "; " : "", _("post-money valuation"), valuation.value);
  step->note = note->len ? g_strdup (note->str) : NULL;
  step->url = cell (row, "Source 1");
  if (step->url != NULL && !atlas_text_is_web_link (step->url))
    g_clear_pointer (&step->url, g_free);
  return TRUE;
}

/* Epoch gives its rows no ids, and some names are many rows' (257 rows are
 * "Anonymized Chinese System"): each of those is a site of its own, told
 * apart by its place among them, "Anonymized Chinese System #2". The same
 * file gives the same names again; a newer one may order them otherwise,
 * which no key in the data could prevent. */
static void
number_shared_names (GPtrArray *sites)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < sites->len; i++)
    {
      SiteRow *site = g_ptr_array_index (sites, i);
      char *key = atlas_text_fold (site->name);

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  for (guint i = 0; i < sites->len; i++)
    {
      SiteRow *site = g_ptr_array_index (sites, i);
      char *key = atlas_text_fold (site->name);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) > 1)
        {
          char *numbered = g_strdup_printf ("%s #%u", site->name, n);

          g_free (site->name);
          site->name = numbered;
        }
      g_hash_table_insert (seen, key, GUINT_TO_POINTER (n));
    }
}

/* Every row read and checked; FALSE on the first bad one. */
static gboolean
read_rows (EpochImport *import,
           const char  *data,
           gsize        length)
{
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (data, length, import->name);
  GPtrArray *fields = NULL;

  if (!atlas_csv_reader_next (reader, &fields, &import->error))
    {
      if (import->error == NULL)
        g_set_error (&import->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s is empty"), import->name);
      return FALSE;
    }
  if (!atlas_epoch_file_recognise (fields, import->name, &import->file, &import->error))
    return FALSE;
  import->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (import->header, g_strdup (g_ptr_array_index (fields, i)));

  while (atlas_csv_reader_next (reader, &fields, &import->error))
    {
      Row row = { import, fields, atlas_csv_reader_get_line (reader) };
      gboolean ok = FALSE;

      /* A blank line is no row. */
      if (fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0')
        continue;
      switch (import->file)
        {
        case ATLAS_EPOCH_GPU_CLUSTERS:
          ok = read_gpu_cluster (&row);
          break;
        case ATLAS_EPOCH_DATA_CENTERS:
          ok = read_data_center (&row);
          break;
        case ATLAS_EPOCH_DATA_CENTER_TIMELINES:
          ok = read_timeline_step (&row);
          break;
        case ATLAS_EPOCH_FUNDING_ROUNDS:
          ok = read_funding_round (&row);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  number_shared_names (import->sites);
  return import->error == NULL;
}

/* ---- writing ----------------------------------------------------------- */

static void
bind_number (sqlite3_stmt *stmt,
             int           index,
             Number        number)
{
  if (number.set)
    sqlite3_bind_double (stmt, index, number.value);
  else
    sqlite3_bind_null (stmt, index);
}

static AtlasStmtLease *
lease (EpochImport *import,
       const char  *sql)
{
  return import->error == NULL ? atlas_store_lease (import->store, sql, &import->error) : NULL;
}

static gboolean
done (EpochImport    *import,
      AtlasStmtLease *stmt)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  atlas_store_set_error (import->store, &import->error, _("the file could not be stored"));
  return FALSE;
}

static char *
name_key (const char *name)
{
  char *key = atlas_text_fold (name);

  return g_strstrip (key);
}

/* Every site and every company-like entity the store holds, by folded name
 * and alias: a data file names them in words, not by id. */
static gboolean
load_entity_names (EpochImport *import)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "SELECT id, kind, name FROM entities WHERE kind <> 'country' "
                                          "UNION ALL SELECT a.entity_id, e.kind, a.alias FROM aliases a "
                                          "JOIN entities e ON e.id = a.entity_id WHERE e.kind <> 'country'");
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      GHashTable *ids = g_strcmp0 (kind, "site") == 0 ? import->site_ids
                      : g_strcmp0 (kind, "product") == 0 ? NULL : import->company_ids;
      char *key = name_key ((const char *) sqlite3_column_text (stmt, 2));

      /* An entity's own name wins over another's alias. */
      if (ids != NULL && !g_hash_table_contains (ids, key))
        g_hash_table_insert (ids, key, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      else
        g_free (key);
    }
  if (rc != SQLITE_DONE)
    atlas_store_set_error (import->store, &import->error, _("the store could not be read"));
  return import->error == NULL;
}

/* An id for a new entity: its name in lower case, words joined by '-',
 * made unique in the store. */
static char *
new_entity_id (EpochImport *import,
               const char  *name)
{
  g_autofree char *folded = name_key (name);
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(AtlasStmtLease) stmt = NULL;
  char *id;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        g_string_append_c (base, *p);
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "entity");

  id = g_strdup (base->str);
  for (guint n = 2;; n++)
    {
      if ((stmt = lease (import, "SELECT 1 FROM entities WHERE id = ?1")) == NULL)
        {
          g_free (id);
          return NULL;
        }
      atlas_store_bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return id;
      g_clear_pointer (&stmt, atlas_stmt_lease_end);
      g_free (id);
      id = g_strdup_printf ("%s-%u", base->str, n);
    }
}

static gboolean
ensure_country (EpochImport *import,
                const char  *code)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "INSERT OR IGNORE INTO entities (id, kind, name, country) "
                                          "VALUES (?1, 'country', ?2, ?1)");
  const AtlasCountry *country = atlas_country_lookup (code);

  if (stmt == NULL)
    return FALSE;
  atlas_store_bind_text (stmt, 1, code);
  atlas_store_bind_text (stmt, 2, country ? country->name : code);
  return done (import, stmt);
}

/* The id of the entity called `name` (or `alias`) in `ids`, created with
 * `kind` when there is none. A found one's missing country, place and
 * position are filled in; what it has is kept. */
static const char *
find_or_add_entity (EpochImport   *import,
                    GHashTable    *ids,
                    const char    *kind,
                    const char    *name,
                    const char    *alias,
                    const SiteRow *site)
{
  g_autofree char *key = name_key (name);
  g_autofree char *alias_key = alias ? name_key (alias) : NULL;
  const char *id = g_hash_table_lookup (ids, key);
  const char *country = site ? site->country : NULL;
  g_autoptr(AtlasStmtLease) stmt = NULL;

  if (id == NULL && alias_key != NULL)
    id = g_hash_table_lookup (ids, alias_key);
  if (country != NULL && !ensure_country (import, country))
    return NULL;

  if (id == NULL)
    {
      char *new_id = new_entity_id (import, name);

      if (new_id == NULL || (stmt = lease (import,
                                           "INSERT INTO entities (id, kind, name, country, place, lat, lon) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) == NULL)
        {
          g_free (new_id);
          return NULL;
        }
      atlas_store_bind_text (stmt, 1, new_id);
      atlas_store_bind_text (stmt, 2, kind);
      atlas_store_bind_text (stmt, 3, name);
      atlas_store_bind_text (stmt, 4, country);
      atlas_store_bind_text (stmt, 5, site ? site->place : NULL);
      if (site != NULL && site->has_position)
        {
          sqlite3_bind_double (stmt, 6, site->lat);
          sqlite3_bind_double (stmt, 7, site->lon);
        }
      g_hash_table_insert (ids, g_steal_pointer (&key), new_id);
      if (!done (import, stmt))
        return NULL;
      import->report->entities_added++;
      id = new_id;
    }
  else if (site != NULL)
    {
      /* Articles that mention a site whose country was unknown now count for that country. */
      if (country != NULL)
        {
          if ((stmt = lease (import,
                             "INSERT OR IGNORE INTO article_countries (article_id, country) "
                             "SELECT m.article_id, ?2 FROM mentions m JOIN entities e ON e.id = m.entity_id "
                             "WHERE m.entity_id = ?1 AND e.country IS NULL")) == NULL)
            return NULL;
          atlas_store_bind_text (stmt, 1, id);
          atlas_store_bind_text (stmt, 2, country);
          if (!done (import, stmt))
            return NULL;
          g_clear_pointer (&stmt, atlas_stmt_lease_end);
        }
      if ((stmt = lease (import,
                         "UPDATE entities SET country = coalesce (country, ?2), place = coalesce (place, ?3), "
                         "  lat = coalesce (lat, ?4), lon = coalesce (lon, ?5) WHERE id = ?1")) == NULL)
        return NULL;
      atlas_store_bind_text (stmt, 1, id);
      atlas_store_bind_text (stmt, 2, country);
      atlas_store_bind_text (stmt, 3, site->place);
      if (site->has_position)
        {
          sqlite3_bind_double (stmt, 4, site->lat);
          sqlite3_bind_double (stmt, 5, site->lon);
        }
      if (!done (import, stmt))
        return NULL;
    }

  /* The file's own key for a site (a data centre's handle) finds it again. */
  if (alias != NULL && g_strcmp0 (alias, name) != 0)
    {
      g_clear_pointer (&stmt, atlas_stmt_lease_end);
      if ((stmt = lease (import, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)")) == NULL)
        return NULL;
      atlas_store_bind_text (stmt, 1, id);
      atlas_store_bind_text (stmt, 2, alias);
      if (!done (import, stmt))
        return NULL;
      if (!g_hash_table_contains (ids, alias_key))
        g_hash_table_insert (ids, g_steal_pointer (&alias_key), g_strdup (id));
    }
  return id;
}

static gboolean
add_relation (EpochImport *import,
              const char  *subject,
              const char  *predicate,
              const char  *object,
              guint        line)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "INSERT INTO relations (feed_id, subject, predicate, object, source_row) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5)");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  atlas_store_bind_text (stmt, 2, subject);
  atlas_store_bind_text (stmt, 3, predicate);
  atlas_store_bind_text (stmt, 4, object);
  sqlite3_bind_int (stmt, 5, line);
  return done (import, stmt);
}

/* Each of `names` a company related to the site by `predicate`. Users are
 * often words rather than companies ("Cloud", "Academia"): a user becomes
 * an entity only when it is one already, or an owner in this file. */
static gboolean
add_companies (EpochImport   *import,
               const char    *site_id,
               GPtrArray     *names,
               const char    *predicate,
               gboolean       known_only,
               const SiteRow *site)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *id;

      if (known_only)
        {
          g_autofree char *key = name_key (name);

          if (!g_hash_table_contains (import->company_ids, key) && !g_hash_table_contains (import->owner_names, key))
            continue;
        }
      id = find_or_add_entity (import, import->company_ids, "company", name, NULL, NULL);
      if (id == NULL || !add_relation (import, id, predicate, site_id, site->line))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_event (EpochImport            *import,
           const char             *kind,
           const AtlasPartialDate *date,
           const char             *title,
           Number                  amount,
           const char             *note,
           const char             *url,
           const char             *entity_id,
           guint                   line)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "INSERT INTO events (feed_id, date, date_precision, starts, ends, kind, title,"
                                          "  amount_value, amount_currency, note, url, source_row) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
  g_autofree char *date_text = atlas_partial_date_to_string (date);
  gint64 event_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  atlas_store_bind_text (stmt, 2, date_text);
  sqlite3_bind_int (stmt, 3, date->precision);
  sqlite3_bind_int64 (stmt, 4, atlas_partial_date_start (date));
  sqlite3_bind_int64 (stmt, 5, atlas_partial_date_end (date));
  atlas_store_bind_text (stmt, 6, kind);
  atlas_store_bind_text (stmt, 7, title);
  bind_number (stmt, 8, amount);
  atlas_store_bind_text (stmt, 9, amount.set ? "USD" : NULL);
  atlas_store_bind_text (stmt, 10, note);
  atlas_store_bind_text (stmt, 11, url);
  sqlite3_bind_int (stmt, 12, line);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      atlas_store_set_error (import->store, &import->error, _("the file could not be stored"));
      return FALSE;
    }
  event_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, atlas_stmt_lease_end);

  if ((stmt = lease (import, "INSERT OR IGNORE INTO event_entities (event_id, entity_id) VALUES (?1, ?2)")) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  atlas_store_bind_text (stmt, 2, entity_id);
  return done (import, stmt);
}

static char *
join_lines (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (names, i));
  return names->len ? g_strdup (text->str) : NULL;
}

/* What the store holds of a site from an earlier file: added, updated or unchanged. */
static void
count_site (EpochImport *import,
            const char  *site_id,
            const char  *fingerprint)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import, "SELECT fingerprint FROM sites WHERE entity_id = ?1 AND feed_id = ?2");

  if (stmt == NULL)
    return;
  atlas_store_bind_text (stmt, 1, site_id);
  sqlite3_bind_int64 (stmt, 2, import->feed_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    import->report->added++;
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), fingerprint) == 0)
    import->report->unchanged++;
  else
    import->report->updated++;
}

static gboolean
write_site (EpochImport   *import,
            const SiteRow *site)
{
  g_autoptr(AtlasStmtLease) stmt = NULL;
  g_autofree char *owners = join_lines (site->owners);
  g_autofree char *users = join_lines (site->users);
  g_autofree char *sources = join_lines (site->sources);
  g_autofree char *first = atlas_partial_date_to_string (&site->first_operational);
  g_autofree char *title = NULL;
  const char *id = find_or_add_entity (import, import->site_ids, "site", site->name, site->alias, site);

  if (id == NULL)
    return FALSE;
  count_site (import, id, site->fingerprint);
  stmt = lease (import,
                "INSERT OR REPLACE INTO sites (entity_id, feed_id, source_row, fingerprint, status, certainty,"
                "  chip_type, chip_quantity, chip2_type, chip2_quantity, h100e, power_mw, power_source, cost,"
                "  sector, first_operational, first_operational_precision, builds_upon, superseded_by, duplicate,"
                "  owners, users, quote, sources, source_file) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                "  ?20, ?21, ?22, ?23, ?24, ?25)");
  if (stmt == NULL)
    return FALSE;
  atlas_store_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, import->feed_id);
  sqlite3_bind_int (stmt, 3, site->line);
  atlas_store_bind_text (stmt, 4, site->fingerprint);
  atlas_store_bind_text (stmt, 5, site->status);
  atlas_store_bind_text (stmt, 6, site->certainty);
  atlas_store_bind_text (stmt, 7, site->chip_type);
  bind_number (stmt, 8, site->chip_quantity);
  atlas_store_bind_text (stmt, 9, site->chip2_type);
  bind_number (stmt, 10, site->chip2_quantity);
  bind_number (stmt, 11, site->h100e);
  bind_number (stmt, 12, site->power_mw);
  atlas_store_bind_text (stmt, 13, site->power_source);
  bind_number (stmt, 14, site->cost);
  atlas_store_bind_text (stmt, 15, site->sector);
  atlas_store_bind_text (stmt, 16, first);
  sqlite3_bind_int (stmt, 17, site->first_operational.precision);
  atlas_store_bind_text (stmt, 18, site->builds_upon);
  atlas_store_bind_text (stmt, 19, site->superseded_by);
  sqlite3_bind_int (stmt, 20, site->duplicate);
  atlas_store_bind_text (stmt, 21, owners);
  atlas_store_bind_text (stmt, 22, users);
  atlas_store_bind_text (stmt, 23, site->quote);
  atlas_store_bind_text (stmt, 24, sources);
  atlas_store_bind_text (stmt, 25, feeds[import->file].file_name);
  if (!done (import, stmt))
    return FALSE;

  if (!add_companies (import, id, site->owners, "owns", FALSE, site) ||
      !add_companies (import, id, site->users, "uses", TRUE, site) ||
      !add_companies (import, id, site->investors, "invests_in", FALSE, site) ||
      !add_companies (import, id, site->builders, "builds", FALSE, site) ||
      !add_companies (import, id, site->energy, "powers", FALSE, site))
    return FALSE;

  if (site->first_operational.precision == ATLAS_DATE_PRECISION_NONE)
    return TRUE;
  title = g_strdup_printf (_("%s first operational"), site->name);
  return add_event (import, "opening", &site->first_operational, title, (Number) { FALSE, 0 }, NULL,
                    site->sources->len ? g_ptr_array_index (site->sources, 0) : NULL, id, site->line);
}

static char *
step_key (const StepRow *step)
{
  g_autofree char *date = atlas_partial_date_to_string (&step->date);

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%.17g", step->subject, date, step->title ? step->title : "",
                          step->note ? step->note : "", step->amount.set ? step->amount.value : NAN);
}

/* The file's earlier events, to tell the new from the unchanged. */
static GHashTable *
stored_step_keys (EpochImport *import)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "SELECT coalesce (n.name, x.entity_id), e.date, e.title, e.note, e.amount_value, "
                                          "  (SELECT a.alias FROM aliases a WHERE a.entity_id = x.entity_id) "
                                          "FROM events e JOIN event_entities x ON x.event_id = e.id "
                                          "LEFT JOIN entities n ON n.id = x.entity_id WHERE e.feed_id = ?1");

  if (stmt == NULL)
    return keys;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      StepRow step = { 0 };

      atlas_partial_date_parse ((const char *) sqlite3_column_text (stmt, 1), &step.date);
      step.title = (char *) sqlite3_column_text (stmt, 2);
      step.note = (char *) sqlite3_column_text (stmt, 3);
      step.amount.set = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      step.amount.value = sqlite3_column_double (stmt, 4);
      /* A timeline names its data centre by handle, the site's alias. */
      for (int column = 0; column <= 5; column += 5)
        {
          step.subject = (char *) sqlite3_column_text (stmt, column);
          if (step.subject != NULL)
            g_hash_table_add (keys, step_key (&step));
        }
    }
  return keys;
}

static gboolean
write_step (EpochImport   *import,
            const StepRow *step,
            GHashTable    *stored)
{
  gboolean site = import->file == ATLAS_EPOCH_DATA_CENTER_TIMELINES;
  const char *id = find_or_add_entity (import, site ? import->site_ids : import->company_ids,
                                       site ? "site" : "company", step->subject, NULL, NULL);
  g_autofree char *key = step_key (step);

  if (id == NULL)
    return FALSE;
  if (g_hash_table_contains (stored, key))
    import->report->unchanged++;
  else
    import->report->added++;
  return add_event (import, step->kind, &step->date, step->title ? step->title : step->subject, step->amount,
                    step->note, step->url, id, step->line);
}

/* The file's feed row; FALSE with `*unchanged` when the store already holds
 * exactly this file. The digest of a whole file is kept where a feed keeps
 * that of its declarations. */
static gboolean
write_feed (EpochImport *import,
            const char  *digest,
            gboolean    *unchanged)
{
  g_autoptr(AtlasStmtLease) stmt = lease (import,
                                          "INSERT INTO feeds (key, title, home_page_url, imported_at) "
                                          "VALUES (?1, ?2, ?3, ?4) "
                                          "ON CONFLICT (key) DO UPDATE SET title = excluded.title, "
                                          "  home_page_url = excluded.home_page_url, imported_at = excluded.imported_at "
                                          "RETURNING id, relations_fingerprint");

  *unchanged = FALSE;
  if (stmt == NULL)
    return FALSE;
  atlas_store_bind_text (stmt, 1, feeds[import->file].key);
  atlas_store_bind_text (stmt, 2, _(feeds[import->file].title));
  atlas_store_bind_text (stmt, 3, feeds[import->file].url);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      atlas_store_set_error (import->store, &import->error, _("the file could not be stored"));
      return FALSE;
    }
  import->feed_id = sqlite3_column_int64 (stmt, 0);
  *unchanged = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), digest) == 0;
  g_clear_pointer (&stmt, atlas_stmt_lease_end);
  if (*unchanged)
    return FALSE;

  if ((stmt = lease (import, "UPDATE feeds SET relations_fingerprint = ?2 WHERE id = ?1")) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  atlas_store_bind_text (stmt, 2, digest);
  return done (import, stmt);
}

/* The file's relations and events are written anew; its sites updated in place. */
static gboolean
write_rows (EpochImport *import,
            const char  *digest,
            gboolean    *unchanged)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(AtlasStmtLease) stmt = NULL;

  if (!write_feed (import, digest, unchanged) || !load_entity_names (import))
    return FALSE;
  stored = stored_step_keys (import);
  if ((stmt = lease (import, "DELETE FROM relations WHERE feed_id = ?1")) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  if (!done (import, stmt))
    return FALSE;
  g_clear_pointer (&stmt, atlas_stmt_lease_end);
  if ((stmt = lease (import, "DELETE FROM events WHERE feed_id = ?1")) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->feed_id);
  if (!done (import, stmt))
    return FALSE;

  for (guint i = 0; i < import->sites->len; i++)
    {
      const SiteRow *site = g_ptr_array_index (import->sites, i);

      for (guint o = 0; o < site->owners->len; o++)
        g_hash_table_add (import->owner_names, name_key (g_ptr_array_index (site->owners, o)));
    }
  for (guint i = 0; i < import->sites->len; i++)
    if (!write_site (import, g_ptr_array_index (import->sites, i)))
      return FALSE;
  for (guint i = 0; i < import->steps->len; i++)
    if (!write_step (import, g_ptr_array_index (import->steps, i), stored))
      return FALSE;
  return import->error == NULL;
}

static void
epoch_import_clear (EpochImport *import)
{
  g_clear_pointer (&import->header, g_ptr_array_unref);
  g_clear_pointer (&import->sites, g_ptr_array_unref);
  g_clear_pointer (&import->steps, g_ptr_array_unref);
  g_clear_pointer (&import->site_ids, g_hash_table_unref);
  g_clear_pointer (&import->company_ids, g_hash_table_unref);
  g_clear_pointer (&import->owner_names, g_hash_table_unref);
  g_clear_error (&import->error);
}

/* Imports one of Epoch AI's CSV files, `source` naming it in messages.
 * Never NULL: a refused file has its report's error set, and the store is
 * as it was. */
AtlasImportReport *
atlas_epoch_import_data (AtlasStore *store,
                         const char *data,
                         gsize       length,
                         const char *source)
{
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  g_autoptr(AtlasImportReport) report = atlas_import_report_new (source);
  EpochImport import = {
    .store = store,
    .name = name,
    .sites = g_ptr_array_new_with_free_func (site_row_free),
    .steps = g_ptr_array_new_with_free_func (step_row_free),
    .report = report,
    .site_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .company_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .owner_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  gboolean unchanged = FALSE;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (read_rows (&import, data, length) && atlas_store_begin_write (store, &import.error))
    {
      report->feed_title = g_strdup (_(feeds[import.file].title));
      report->unit = import.sites->len > 0 || import.steps->len == 0 ? ATLAS_IMPORT_UNIT_SITES : ATLAS_IMPORT_UNIT_EVENTS;
      if (write_rows (&import, digest, &unchanged) && atlas_store_commit (store, &import.error))
        {
          epoch_import_clear (&import);
          return g_steal_pointer (&report);
        }
      atlas_store_rollback (store);
      if (unchanged)
        {
          /* The same file again: nothing to write. */
          report->added = report->updated = 0;
          report->entities_added = 0;
          report->unchanged = import.sites->len + import.steps->len;
          epoch_import_clear (&import);
          return g_steal_pointer (&report);
        }
    }

  report->added = report->updated = report->unchanged = report->entities_added = 0;
  report->error = g_strdup (import.error ? import.error->message : _("the file could not be stored"));
  epoch_import_clear (&import);
  return g_steal_pointer (&report);
}

/* TRUE when `data` is to be read as CSV: its name says so, or its first row
 * is one of Epoch's headers (a download renamed without its extension).
 * Feeds begin with '<' or '{', never with a header row. */
gboolean
atlas_epoch_data_is_csv (const char *data,
                         gsize       length,
                         const char *source)
{
  g_autoptr(AtlasCsvReader) reader = NULL;
  GPtrArray *header = NULL;
  AtlasEpochFile file;

  if (source != NULL && g_str_has_suffix (source, ".csv"))
    return TRUE;
  if (source != NULL && strlen (source) > 4 && g_ascii_strcasecmp (source + strlen (source) - 4, ".csv") == 0)
    return TRUE;
  /* The header is in the first few kilobytes, or this is not one. */
  reader = atlas_csv_reader_new (data, MIN (length, 8192), source ? source : "");
  return atlas_csv_reader_next (reader, &header, NULL) && atlas_epoch_file_recognise (header, "", &file, NULL);
}
