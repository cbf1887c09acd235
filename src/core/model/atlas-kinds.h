#pragma once

#include <glib.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

/* The kinds the feed contract names (docs/feed-format.md), as data: what a
 * feed writes, what a person reads, and where each belongs in the filter. */

typedef enum
{
  ATLAS_ENTITY_COUNTRY,
  ATLAS_ENTITY_COMPANY,
  ATLAS_ENTITY_SITE,
  ATLAS_ENTITY_ORGANIZATION,
  ATLAS_ENTITY_PRODUCT,
  ATLAS_ENTITY_PERSON,
  ATLAS_ENTITY_OTHER,
} AtlasEntityKind;

#define ATLAS_N_ENTITY_KINDS (ATLAS_ENTITY_OTHER + 1)

typedef struct
{
  AtlasEntityKind   kind;
  const char       *id;       /* as feeds and the store write it */
  const char       *label;    /* untranslated: "company" */
  const char       *plural;   /* untranslated: "Companies" */
  const char       *option;   /* the graph's property that shows or hides it */
  AtlasFilterGroup  group;    /* where a choice of one goes in the filter */
} AtlasEntityKindInfo;

typedef enum
{
  ATLAS_EVENT_INVESTMENT,
  ATLAS_EVENT_FUNDING,
  ATLAS_EVENT_OPENING,
  ATLAS_EVENT_ANNOUNCEMENT,
  ATLAS_EVENT_PARTNERSHIP,
  ATLAS_EVENT_ACQUISITION,
  ATLAS_EVENT_LAUNCH,
  ATLAS_EVENT_CONSTRUCTION,
  ATLAS_EVENT_OTHER,
} AtlasEventKind;

#define ATLAS_N_EVENT_KINDS (ATLAS_EVENT_OTHER + 1)

typedef struct
{
  AtlasEventKind  kind;
  const char     *id;
  const char     *plural;   /* untranslated: "Openings", a timeline lane */
} AtlasEventKindInfo;

typedef enum
{
  ATLAS_PREDICATE_OPERATES,
  ATLAS_PREDICATE_OWNS,
  ATLAS_PREDICATE_INVESTS_IN,
  ATLAS_PREDICATE_PARTNERS_WITH,
  ATLAS_PREDICATE_SUPPLIES,
  ATLAS_PREDICATE_BUILDS,
  ATLAS_PREDICATE_FUNDS,
  ATLAS_PREDICATE_ACQUIRES,
  ATLAS_PREDICATE_LOCATED_IN,
  ATLAS_PREDICATE_CUSTOMER_OF,
  ATLAS_PREDICATE_USES,
  ATLAS_PREDICATE_POWERS,
  ATLAS_PREDICATE_RELATED_TO,
} AtlasPredicate;

#define ATLAS_N_PREDICATES (ATLAS_PREDICATE_RELATED_TO + 1)

typedef struct
{
  AtlasPredicate  predicate;
  const char     *id;
  const char     *label;    /* untranslated: "invests in" */
} AtlasPredicateInfo;

/* What Epoch's data says of a site: its status and how sure that is, in
 * the order the views list them. */
typedef enum
{
  ATLAS_SITE_EXISTING,
  ATLAS_SITE_UNDER_CONSTRUCTION,
  ATLAS_SITE_PLANNED,
  ATLAS_SITE_DECOMMISSIONED,
} AtlasSiteStatus;

#define ATLAS_N_SITE_STATUSES (ATLAS_SITE_DECOMMISSIONED + 1)

typedef enum
{
  ATLAS_SITE_CONFIRMED,
  ATLAS_SITE_LIKELY,
  ATLAS_SITE_UNLIKELY,
} AtlasSiteCertainty;

#define ATLAS_N_SITE_CERTAINTIES (ATLAS_SITE_UNLIKELY + 1)

typedef struct
{
  const char *id;     /* as the store writes it */
  const char *label;  /* untranslated: "Under construction" */
} AtlasSiteWordInfo;

const AtlasEntityKindInfo *atlas_entity_kind_get    (AtlasEntityKind  kind);
const AtlasEntityKindInfo *atlas_entity_kind_lookup (const char      *id);
const AtlasEventKindInfo  *atlas_event_kind_get     (AtlasEventKind   kind);
const AtlasEventKindInfo  *atlas_event_kind_lookup  (const char      *id);
const AtlasPredicateInfo  *atlas_predicate_get      (AtlasPredicate   predicate);
const AtlasPredicateInfo  *atlas_predicate_lookup   (const char      *id);
const char                *atlas_filter_group_toggle_action (AtlasFilterGroup group);
const AtlasSiteWordInfo   *atlas_site_words         (AtlasFilterGroup  group,
                                                     guint            *n_words);
const char                *atlas_site_status_id     (AtlasSiteStatus   status);
gboolean                   atlas_site_status_parse  (const char       *id,
                                                     AtlasSiteStatus  *status);

G_END_DECLS
