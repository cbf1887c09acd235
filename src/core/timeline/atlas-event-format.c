/* atlas-event-format.c: how an event's figures read: amounts, quantities, labels
 *
 * In the user's language, and shared by the timeline's markers and
 * tooltips and the events table.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-event-format.h"
#include "atlas-kinds.h"

static const char *
currency_symbol (const char *currency)
{
  if (g_strcmp0 (currency, "GBP") == 0)
    return "£";
  if (g_strcmp0 (currency, "USD") == 0)
    return "$";
  if (g_strcmp0 (currency, "EUR") == 0)
    return "€";
  return currency ? currency : "";
}

/* Three significant figures, never in an exponent's form ("1e+03"). */
static char *
three_figures (double value)
{
  return g_strdup_printf (value >= 999.5 ? "%.0f" : "%.3g", value);
}

/* "£11bn", "$1.25bn", "€300m", in the user's language. An amount that
 * rounds up to the next unit is written in it: "$1bn", not "$1000m". */
char *
atlas_format_amount (double      value,
                     const char *currency)
{
  const char *symbol = currency_symbol (currency);
  g_autofree char *number = NULL;

  if (value >= 999.5e6)
    {
      number = three_figures (value / 1e9);
      /* TRANSLATORS: an amount in billions: the currency symbol, then the number */
      return g_strdup_printf (_("%s%sbn"), symbol, number);
    }
  if (value >= 999999.5)
    {
      number = three_figures (value / 1e6);
      /* TRANSLATORS: an amount in millions: the currency symbol, then the number */
      return g_strdup_printf (_("%s%sm"), symbol, number);
    }
  number = g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%s%s", symbol, number);
}

/* "120,000 GPUs", "500 MW", "3 sites", with the digits grouped as the
 * user's language groups them. */
char *
atlas_format_quantity (double      value,
                       const char *unit)
{
  g_autofree char *number = g_strdup_printf ("%'.0f", value);
  gulong n = value >= 0 && value < G_MAXULONG ? (gulong) value : G_MAXULONG;

  if (g_strcmp0 (unit, "gpu") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s GPU", "%s GPUs", n), number);
  if (g_strcmp0 (unit, "sites") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s site", "%s sites", n), number);
  if (g_strcmp0 (unit, "mw") == 0)
    return g_strdup_printf (_("%s MW"), number);
  return g_strdup_printf ("%s %s", number, unit ? unit : "");
}

/* What a marker's label says: the amount and quantity when known, then the
 * title. */
char *
atlas_event_label (const AtlasEventInfo *event)
{
  GString *label = g_string_new (NULL);

  if (!isnan (event->amount))
    {
      g_autofree char *amount = atlas_format_amount (event->amount, event->currency);
      g_string_append_printf (label, "%s · ", amount);
    }
  if (!isnan (event->quantity))
    {
      g_autofree char *quantity = atlas_format_quantity (event->quantity, event->quantity_unit);
      g_string_append_printf (label, "%s · ", quantity);
    }
  g_string_append (label, event->title ? event->title : "");
  return g_string_free (label, FALSE);
}

/* An event's kind as the timeline's lanes name it. */
const char *
atlas_event_kind_label (const char *kind)
{
  return _(atlas_event_kind_lookup (kind)->plural);
}
