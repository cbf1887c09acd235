/* atlas-lanes.c: which events share a row of the timeline
 *
 * By kind, a lane per kind in the table's order (atlas-kinds.c); by company,
 * a lane for each of the companies named by most events (ties by name), an
 * event in the lane of every such company it names, and the rest in one last
 * lane. `events` are AtlasEventInfo by start, as atlas-query.c reads them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-lanes.h"
#include "atlas-query.h"

static AtlasLane *
lane_new (AtlasLaneType  type,
          const char    *label)
{
  AtlasLane *lane = g_new0 (AtlasLane, 1);

  lane->type = type;
  lane->label = g_strdup (label);
  lane->members = g_array_new (FALSE, FALSE, sizeof (guint));
  return lane;
}

void
atlas_lane_free (gpointer data)
{
  AtlasLane *lane = data;

  g_free (lane->label);
  g_array_unref (lane->members);
  g_free (lane);
}

GPtrArray *
atlas_lanes_by_kind (GPtrArray *events)
{
  AtlasLane *kinds[ATLAS_N_EVENT_KINDS] = { NULL };
  GPtrArray *lanes = g_ptr_array_new_with_free_func (atlas_lane_free);

  for (guint i = 0; i < events->len; i++)
    {
      AtlasEventKind k = atlas_event_kind_lookup (((AtlasEventInfo *) g_ptr_array_index (events, i))->kind)->kind;

      if (kinds[k] == NULL)
        {
          kinds[k] = lane_new (ATLAS_LANE_KIND, _(atlas_event_kind_get (k)->plural));
          kinds[k]->kind = k;
        }
      g_array_append_val (kinds[k]->members, i);
    }
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    if (kinds[k] != NULL)
      g_ptr_array_add (lanes, kinds[k]);
  return lanes;
}

typedef struct
{
  const char *id;
  const char *name;
  guint       events;
  gboolean    company;
} CompanyCount;

static int
compare_company_counts (gconstpointer a,
                        gconstpointer b)
{
  const CompanyCount *x = *(CompanyCount * const *) a, *y = *(CompanyCount * const *) b;

  if (x->events != y->events)
    return x->events > y->events ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
atlas_lanes_by_company (GPtrArray *events,
                        guint      max_companies)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) lane_of_company = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  GPtrArray *lanes = g_ptr_array_new_with_free_func (atlas_lane_free);
  AtlasLane *rest = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (events, i);

      for (guint e = 0; e < event->n_entities; e++)
        {
          const AtlasEventEntity *entity = atlas_event_info_get_entity (event, e);
          CompanyCount *count = g_hash_table_lookup (counts, entity->id);

          if (count == NULL)
            {
              count = g_new0 (CompanyCount, 1);
              count->id = entity->id;
              count->name = entity->name;
              count->company = atlas_entity_kind_lookup (entity->kind)->kind == ATLAS_ENTITY_COMPANY;
              g_ptr_array_add (ranked, count);
              g_hash_table_insert (counts, (gpointer) count->id, count);
            }
          count->events++;
        }
    }
  g_ptr_array_sort (ranked, compare_company_counts);
  for (guint c = 0; c < ranked->len && lanes->len < max_companies; c++)
    {
      CompanyCount *count = g_ptr_array_index (ranked, c);

      if (!count->company)
        continue;
      g_hash_table_insert (lane_of_company, (gpointer) count->id, GUINT_TO_POINTER (lanes->len + 1));
      g_ptr_array_add (lanes, lane_new (ATLAS_LANE_COMPANY, count->name));
    }

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEventInfo *event = g_ptr_array_index (events, i);
      gboolean placed = FALSE;

      for (guint e = 0; e < event->n_entities; e++)
        {
          guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of_company, atlas_event_info_get_entity (event, e)->id));

          if (lane > 0)
            {
              g_array_append_val (((AtlasLane *) g_ptr_array_index (lanes, lane - 1))->members, i);
              placed = TRUE;
            }
        }
      if (!placed)
        {
          if (rest == NULL)
            rest = lane_new (ATLAS_LANE_OTHERS, _("Others"));
          g_array_append_val (rest->members, i);
        }
    }
  if (rest != NULL)
    g_ptr_array_add (lanes, rest);
  return lanes;
}
