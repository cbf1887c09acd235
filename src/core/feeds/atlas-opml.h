#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;
  char *title;
} AtlasOpmlOutline;

GPtrArray *atlas_opml_parse (const char  *text,
                             gssize       length,
                             GError     **error);
char      *atlas_opml_write (GPtrArray   *outlines);
void       atlas_opml_outline_free (AtlasOpmlOutline *outline);

G_END_DECLS
