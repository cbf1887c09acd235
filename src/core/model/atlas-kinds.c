/* atlas-kinds.c: the kinds of entities, events and relations, as one table
 *
 * Feeds write kinds as strings; the reader keeps only those named here (an
 * unknown one becomes "other" or "related_to"), and every view takes its
 * labels, its filter group and its order from here rather than from strings
 * of its own. Labels are translated by the caller (`_()`), since the CLI and
 * the tests read the untranslated ones.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-kinds.h"

static const AtlasEntityKindInfo entity_kinds[] = {
  { ATLAS_ENTITY_COUNTRY, "country", N_("country"), N_("Countries"), "show-countries", ATLAS_FILTER_GROUP_COUNTRIES },
  { ATLAS_ENTITY_COMPANY, "company", N_("company"), N_("Companies"), "show-companies", ATLAS_FILTER_GROUP_COMPANIES },
  { ATLAS_ENTITY_SITE, "site", N_("site"), N_("Sites"), "show-sites", ATLAS_FILTER_GROUP_ENTITIES },
  { ATLAS_ENTITY_ORGANIZATION, "organization", N_("organization"), N_("Organizations"), "show-organizations",
    ATLAS_FILTER_GROUP_ENTITIES },
  { ATLAS_ENTITY_PRODUCT, "product", N_("product"), N_("Products"), "show-products", ATLAS_FILTER_GROUP_ENTITIES },
  { ATLAS_ENTITY_PERSON, "person", N_("person"), N_("People"), "show-people", ATLAS_FILTER_GROUP_ENTITIES },
  { ATLAS_ENTITY_OTHER, "other", N_("other"), N_("Others"), NULL, ATLAS_FILTER_GROUP_ENTITIES },
};

static const AtlasEventKindInfo event_kinds[] = {
  { ATLAS_EVENT_INVESTMENT, "investment", N_("Investments") },
  { ATLAS_EVENT_FUNDING, "funding", N_("Funding") },
  { ATLAS_EVENT_OPENING, "opening", N_("Openings") },
  { ATLAS_EVENT_ANNOUNCEMENT, "announcement", N_("Announcements") },
  { ATLAS_EVENT_PARTNERSHIP, "partnership", N_("Partnerships") },
  { ATLAS_EVENT_ACQUISITION, "acquisition", N_("Acquisitions") },
  { ATLAS_EVENT_LAUNCH, "launch", N_("Launches") },
  /* A site's steps: ground broken, buildings up, power connected. */
  { ATLAS_EVENT_CONSTRUCTION, "construction", N_("Construction") },
  { ATLAS_EVENT_OTHER, "other", N_("Other") },
};

static const AtlasPredicateInfo predicates[] = {
  { ATLAS_PREDICATE_OPERATES, "operates", N_("operates") },
  { ATLAS_PREDICATE_OWNS, "owns", N_("owns") },
  { ATLAS_PREDICATE_INVESTS_IN, "invests_in", N_("invests in") },
  { ATLAS_PREDICATE_PARTNERS_WITH, "partners_with", N_("partners with") },
  { ATLAS_PREDICATE_SUPPLIES, "supplies", N_("supplies") },
  { ATLAS_PREDICATE_BUILDS, "builds", N_("builds") },
  { ATLAS_PREDICATE_FUNDS, "funds", N_("funds") },
  { ATLAS_PREDICATE_ACQUIRES, "acquires", N_("acquires") },
  { ATLAS_PREDICATE_LOCATED_IN, "located_in", N_("is located in") },
  { ATLAS_PREDICATE_CUSTOMER_OF, "customer_of", N_("is a customer of") },
  { ATLAS_PREDICATE_USES, "uses", N_("uses") },
  { ATLAS_PREDICATE_POWERS, "powers", N_("powers") },
  { ATLAS_PREDICATE_RELATED_TO, "related_to", N_("is related to") },
};

static const AtlasSiteWordInfo site_statuses[] = {
  [ATLAS_SITE_EXISTING] = { "existing", N_("Existing") },
  [ATLAS_SITE_UNDER_CONSTRUCTION] = { "under-construction", N_("Under construction") },
  [ATLAS_SITE_PLANNED] = { "planned", N_("Planned") },
  [ATLAS_SITE_DECOMMISSIONED] = { "decommissioned", N_("Decommissioned") },
};

static const AtlasSiteWordInfo site_certainties[] = {
  [ATLAS_SITE_CONFIRMED] = { "confirmed", N_("Confirmed") },
  [ATLAS_SITE_LIKELY] = { "likely", N_("Likely") },
  [ATLAS_SITE_UNLIKELY] = { "unlikely", N_("Unlikely") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (entity_kinds) == ATLAS_N_ENTITY_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (site_statuses) == ATLAS_N_SITE_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (site_certainties) == ATLAS_N_SITE_CERTAINTIES);
G_STATIC_ASSERT (G_N_ELEMENTS (event_kinds) == ATLAS_N_EVENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (predicates) == ATLAS_N_PREDICATES);

const AtlasEntityKindInfo *
atlas_entity_kind_get (AtlasEntityKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_ENTITY_KINDS, &entity_kinds[ATLAS_ENTITY_OTHER]);
  return &entity_kinds[kind];
}

/* The kind a feed's string names; "other" for any it does not. */
const AtlasEntityKindInfo *
atlas_entity_kind_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (entity_kinds); i++)
    if (g_str_equal (id, entity_kinds[i].id))
      return &entity_kinds[i];
  return &entity_kinds[ATLAS_ENTITY_OTHER];
}

const AtlasEventKindInfo *
atlas_event_kind_get (AtlasEventKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_EVENT_KINDS, &event_kinds[ATLAS_EVENT_OTHER]);
  return &event_kinds[kind];
}

const AtlasEventKindInfo *
atlas_event_kind_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (event_kinds); i++)
    if (g_str_equal (id, event_kinds[i].id))
      return &event_kinds[i];
  return &event_kinds[ATLAS_EVENT_OTHER];
}

const AtlasPredicateInfo *
atlas_predicate_get (AtlasPredicate predicate)
{
  g_return_val_if_fail (predicate < ATLAS_N_PREDICATES, &predicates[ATLAS_PREDICATE_RELATED_TO]);
  return &predicates[predicate];
}

const AtlasPredicateInfo *
atlas_predicate_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (predicates); i++)
    if (g_str_equal (id, predicates[i].id))
      return &predicates[i];
  return &predicates[ATLAS_PREDICATE_RELATED_TO];
}

/* The window's action that ticks or unticks an entry of `group`: every
 * control that filters by an entity goes through one of these. */
const char *
atlas_filter_group_toggle_action (AtlasFilterGroup group)
{
  switch (group)
    {
    case ATLAS_FILTER_GROUP_COUNTRIES:
      return "win.toggle-country";
    case ATLAS_FILTER_GROUP_COMPANIES:
      return "win.toggle-company";
    case ATLAS_FILTER_GROUP_ENTITIES:
      return "win.toggle-entity";
    case ATLAS_FILTER_GROUP_STATUSES:
      return "win.toggle-status";
    case ATLAS_FILTER_GROUP_CERTAINTIES:
      return "win.toggle-certainty";
    case ATLAS_FILTER_GROUP_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The statuses or the certainties a site may have, in the views' order. */
const AtlasSiteWordInfo *
atlas_site_words (AtlasFilterGroup  group,
                  guint            *n_words)
{
  g_return_val_if_fail (group == ATLAS_FILTER_GROUP_STATUSES || group == ATLAS_FILTER_GROUP_CERTAINTIES, NULL);

  *n_words = group == ATLAS_FILTER_GROUP_STATUSES ? G_N_ELEMENTS (site_statuses) : G_N_ELEMENTS (site_certainties);
  return group == ATLAS_FILTER_GROUP_STATUSES ? site_statuses : site_certainties;
}

const char *
atlas_site_status_id (AtlasSiteStatus status)
{
  g_return_val_if_fail (status < ATLAS_N_SITE_STATUSES, NULL);
  return site_statuses[status].id;
}

gboolean
atlas_site_status_parse (const char      *id,
                         AtlasSiteStatus *status)
{
  for (guint i = 0; i < ATLAS_N_SITE_STATUSES; i++)
    if (g_strcmp0 (id, site_statuses[i].id) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}
