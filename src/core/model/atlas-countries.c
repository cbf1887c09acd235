/* atlas-countries.c: the countries Compute Atlas names and tags
 *
 * Feeds name a country by its ISO 3166-1 alpha-2 code. The table gives a display
 * name (translated through gettext) and the English and French forms the tagger
 * looks for in plain articles. A valid code missing from the table still works;
 * it is shown as the code itself.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>

#include "atlas-countries.h"

static const char *const aliases_AE[] = { "Émirats arabes unis", "UAE", NULL };
static const char *const aliases_AR[] = { "Argentine", NULL };
static const char *const aliases_AT[] = { "Autriche", NULL };
static const char *const aliases_AU[] = { "Australie", NULL };
static const char *const aliases_BE[] = { "Belgique", NULL };
static const char *const aliases_BR[] = { "Brésil", NULL };
static const char *const aliases_CH[] = { "Suisse", NULL };
static const char *const aliases_CL[] = { "Chili", NULL };
static const char *const aliases_CN[] = { "Chine", NULL };
static const char *const aliases_CZ[] = { "Czech Republic", "Tchéquie", "République tchèque", NULL };
static const char *const aliases_DE[] = { "Allemagne", NULL };
static const char *const aliases_DK[] = { "Danemark", NULL };
static const char *const aliases_EE[] = { "Estonie", NULL };
static const char *const aliases_EG[] = { "Égypte", NULL };
static const char *const aliases_ES[] = { "Espagne", NULL };
static const char *const aliases_FI[] = { "Finlande", NULL };
static const char *const aliases_GB[] = { "Royaume-Uni", "UK", "Britain", "Great Britain", "Grande-Bretagne", "England", "Angleterre", "Scotland", "Écosse", "Wales", "Pays de Galles", "Northern Ireland", "Irlande du Nord", NULL };
static const char *const aliases_GR[] = { "Grèce", NULL };
static const char *const aliases_HU[] = { "Hongrie", NULL };
static const char *const aliases_ID[] = { "Indonésie", NULL };
static const char *const aliases_IE[] = { "Irlande", NULL };
static const char *const aliases_IL[] = { "Israël", NULL };
static const char *const aliases_IN[] = { "Inde", NULL };
static const char *const aliases_IS[] = { "Islande", NULL };
static const char *const aliases_IT[] = { "Italie", NULL };
static const char *const aliases_JP[] = { "Japon", NULL };
static const char *const aliases_KR[] = { "Corée du Sud", "Korea", NULL };
static const char *const aliases_MA[] = { "Maroc", NULL };
static const char *const aliases_MX[] = { "Mexique", NULL };
static const char *const aliases_MY[] = { "Malaisie", NULL };
static const char *const aliases_NL[] = { "Pays-Bas", "Holland", "Hollande", NULL };
static const char *const aliases_NO[] = { "Norvège", NULL };
static const char *const aliases_NZ[] = { "Nouvelle-Zélande", NULL };
static const char *const aliases_PL[] = { "Pologne", NULL };
static const char *const aliases_RO[] = { "Roumanie", NULL };
static const char *const aliases_RU[] = { "Russie", NULL };
static const char *const aliases_SA[] = { "Arabie saoudite", NULL };
static const char *const aliases_SE[] = { "Suède", NULL };
static const char *const aliases_SG[] = { "Singapour", NULL };
static const char *const aliases_TH[] = { "Thaïlande", NULL };
static const char *const aliases_TR[] = { "Turkey", "Turquie", NULL };
static const char *const aliases_TW[] = { "Taïwan", NULL };
static const char *const aliases_US[] = { "États-Unis", "USA", "United States of America", NULL };
static const char *const aliases_VN[] = { "Viêt Nam", NULL };
static const char *const aliases_ZA[] = { "Afrique du Sud", NULL };
static const char *const no_aliases[] = { NULL };

static const AtlasCountry countries[] = {
  { "AE", N_("United Arab Emirates"), aliases_AE },
  { "AR", N_("Argentina"), aliases_AR },
  { "AT", N_("Austria"), aliases_AT },
  { "AU", N_("Australia"), aliases_AU },
  { "BE", N_("Belgium"), aliases_BE },
  { "BR", N_("Brazil"), aliases_BR },
  { "CA", N_("Canada"), no_aliases },
  { "CH", N_("Switzerland"), aliases_CH },
  { "CL", N_("Chile"), aliases_CL },
  { "CN", N_("China"), aliases_CN },
  { "CZ", N_("Czechia"), aliases_CZ },
  { "DE", N_("Germany"), aliases_DE },
  { "DK", N_("Denmark"), aliases_DK },
  { "EE", N_("Estonia"), aliases_EE },
  { "EG", N_("Egypt"), aliases_EG },
  { "ES", N_("Spain"), aliases_ES },
  { "FI", N_("Finland"), aliases_FI },
  { "FR", N_("France"), no_aliases },
  { "GB", N_("United Kingdom"), aliases_GB },
  { "GR", N_("Greece"), aliases_GR },
  { "HK", N_("Hong Kong"), no_aliases },
  { "HU", N_("Hungary"), aliases_HU },
  { "ID", N_("Indonesia"), aliases_ID },
  { "IE", N_("Ireland"), aliases_IE },
  { "IL", N_("Israel"), aliases_IL },
  { "IN", N_("India"), aliases_IN },
  { "IS", N_("Iceland"), aliases_IS },
  { "IT", N_("Italy"), aliases_IT },
  { "JP", N_("Japan"), aliases_JP },
  { "KE", N_("Kenya"), no_aliases },
  { "KR", N_("South Korea"), aliases_KR },
  { "LU", N_("Luxembourg"), no_aliases },
  { "MA", N_("Morocco"), aliases_MA },
  { "MX", N_("Mexico"), aliases_MX },
  { "MY", N_("Malaysia"), aliases_MY },
  { "NG", N_("Nigeria"), no_aliases },
  { "NL", N_("Netherlands"), aliases_NL },
  { "NO", N_("Norway"), aliases_NO },
  { "NZ", N_("New Zealand"), aliases_NZ },
  { "PL", N_("Poland"), aliases_PL },
  { "PT", N_("Portugal"), no_aliases },
  { "QA", N_("Qatar"), no_aliases },
  { "RO", N_("Romania"), aliases_RO },
  { "RU", N_("Russia"), aliases_RU },
  { "SA", N_("Saudi Arabia"), aliases_SA },
  { "SE", N_("Sweden"), aliases_SE },
  { "SG", N_("Singapore"), aliases_SG },
  { "TH", N_("Thailand"), aliases_TH },
  { "TR", N_("Türkiye"), aliases_TR },
  { "TW", N_("Taiwan"), aliases_TW },
  { "UA", N_("Ukraine"), no_aliases },
  { "US", N_("United States"), aliases_US },
  { "VN", N_("Vietnam"), aliases_VN },
  { "ZA", N_("South Africa"), aliases_ZA },
};

static int
compare_code (gconstpointer key,
              gconstpointer element)
{
  const AtlasCountry *country = element;

  return g_strcmp0 (key, country->code);
}

const AtlasCountry *
atlas_country_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  return bsearch (code, countries, G_N_ELEMENTS (countries), sizeof countries[0], compare_code);
}

const AtlasCountry *
atlas_countries_get_all (guint *n_countries)
{
  *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

gboolean
atlas_country_code_is_valid (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

const char *
atlas_country_display_name (const char *code)
{
  const AtlasCountry *country = atlas_country_lookup (code);

  if (country == NULL)
    return code;
  return _(country->name);
}
