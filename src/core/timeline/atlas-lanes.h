#pragma once

#include <glib.h>

#include "atlas-kinds.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_LANE_KIND,      /* the events of one kind */
  ATLAS_LANE_COMPANY,   /* the events that name one company */
  ATLAS_LANE_OTHERS,    /* the events that name none of those companies */
} AtlasLaneType;

/* A row of the timeline. */
typedef struct
{
  AtlasLaneType   type;
  AtlasEventKind  kind;     /* for ATLAS_LANE_KIND */
  char           *label;    /* translated: "Openings", a company's name, "Others" */
  GArray         *members;  /* guint indices into the events, by start */
} AtlasLane;

GPtrArray *atlas_lanes_by_kind    (GPtrArray *events);
GPtrArray *atlas_lanes_by_company (GPtrArray *events,
                                   guint      max_companies);
void       atlas_lane_free        (gpointer   lane);

G_END_DECLS
