#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the user asked to see. Within a group the choices OR together
 * (United Kingdom or Norway); the groups, the text and the dates AND. */
typedef struct
{
  GPtrArray *countries;
  GPtrArray *companies;
  GPtrArray *entities;
  /* Of sites only: "planned", "confirmed"… */
  GPtrArray *statuses;
  GPtrArray *certainties;
  char      *text;
  gint64     since;  /* inclusive, seconds since the epoch; G_MININT64 when open */
  gint64     until;  /* exclusive; G_MAXINT64 when open */
} AtlasFilter;

typedef enum
{
  ATLAS_FILTER_GROUP_NONE,
  ATLAS_FILTER_GROUP_COUNTRIES,
  ATLAS_FILTER_GROUP_COMPANIES,
  ATLAS_FILTER_GROUP_ENTITIES,
  ATLAS_FILTER_GROUP_STATUSES,
  ATLAS_FILTER_GROUP_CERTAINTIES,
} AtlasFilterGroup;

#define ATLAS_TYPE_FILTER (atlas_filter_get_type ())

GType        atlas_filter_get_type      (void) G_GNUC_CONST;
AtlasFilter *atlas_filter_new           (void);
AtlasFilter *atlas_filter_copy          (const AtlasFilter *filter);
void         atlas_filter_free          (AtlasFilter       *filter);
gboolean     atlas_filter_equal         (const AtlasFilter *a,
                                         const AtlasFilter *b);
gboolean     atlas_filter_is_empty      (const AtlasFilter *filter);
GPtrArray   *atlas_filter_get_group     (const AtlasFilter *filter,
                                         AtlasFilterGroup   group);
gboolean     atlas_filter_toggle        (AtlasFilter       *filter,
                                         AtlasFilterGroup   group,
                                         const char        *id);
void         atlas_filter_add           (AtlasFilter       *filter,
                                         AtlasFilterGroup   group,
                                         const char        *id);
gboolean     atlas_filter_contains      (const AtlasFilter *filter,
                                         AtlasFilterGroup   group,
                                         const char        *id);
char        *atlas_filter_fts_query     (const AtlasFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFilter, atlas_filter_free)

G_END_DECLS
