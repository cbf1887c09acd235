/* test-event-format.c: how an event's amounts, quantities and labels read */
#include <math.h>

#include "atlas-event-format.h"

static void
test_amounts (void)
{
  static const struct { double value; const char *currency; const char *text; } cases[] = {
    { 11e9, "GBP", "£11bn" },
    { 1.25e9, "USD", "$1.25bn" },
    { 300e6, "EUR", "€300m" },
    { 1500, "CHF", "CHF1500" },
    { 42, NULL, "42" },
    /* Rounded to three figures, 999.6 millions is a billion: never
     * "$1e+03m", nor "$1000m". */
    { 999.6e6, "USD", "$1bn" },
    { 999.4e6, "USD", "$999m" },
    { 999999.6, "EUR", "€1m" },
    { 2345e9, "USD", "$2345bn" },
    { 999.4e3, "EUR", "€999400" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_amount (cases[i].value, cases[i].currency);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_quantities (void)
{
  static const struct { double value; const char *unit; const char *text; } cases[] = {
    { 1, "gpu", "1 GPU" },
    { 2, "gpu", "2 GPUs" },
    { 3, "sites", "3 sites" },
    { 1, "sites", "1 site" },
    { 500, "mw", "500 MW" },
    { 7, "racks", "7 racks" },
    { 7, NULL, "7 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_quantity (cases[i].value, cases[i].unit);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_labels (void)
{
  AtlasEventInfo event = { .kind = (char *) "funding", .amount = NAN, .quantity = NAN };
  g_autofree char *plain = NULL;
  g_autofree char *funded = NULL;
  g_autofree char *both = NULL;
  g_autofree char *untitled = NULL;

  event.title = (char *) "CoreWeave raises";
  plain = atlas_event_label (&event);
  g_assert_cmpstr (plain, ==, "CoreWeave raises");

  event.amount = 1.1e9;
  event.currency = (char *) "USD";
  funded = atlas_event_label (&event);
  g_assert_cmpstr (funded, ==, "$1.1bn · CoreWeave raises");

  event.quantity = 20000;
  event.quantity_unit = (char *) "gpu";
  both = atlas_event_label (&event);
  g_assert_cmpstr (both, ==, "$1.1bn · 20000 GPUs · CoreWeave raises");

  event.title = NULL;
  untitled = atlas_event_label (&event);
  g_assert_cmpstr (untitled, ==, "$1.1bn · 20000 GPUs · ");
}

static void
test_kind_labels (void)
{
  g_assert_cmpstr (atlas_event_kind_label ("funding"), ==, "Funding");
  g_assert_cmpstr (atlas_event_kind_label ("opening"), ==, "Openings");
  /* A kind a newer feed invents goes to the "Other" lane. */
  g_assert_cmpstr (atlas_event_kind_label ("groundbreaking"), ==, "Other");
  g_assert_cmpstr (atlas_event_kind_label (NULL), ==, "Other");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-format/amounts", test_amounts);
  g_test_add_func ("/event-format/quantities", test_quantities);
  g_test_add_func ("/event-format/labels", test_labels);
  g_test_add_func ("/event-format/kind-labels", test_kind_labels);

  return g_test_run ();
}
