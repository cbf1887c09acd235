#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *atlas_text_fold             (const char *text);
char     *atlas_text_clean            (const char *text,
                                       gsize       max_bytes,
                                       gboolean   *truncated);
gboolean  atlas_text_is_web_link      (const char *uri);
char     *atlas_text_first_words      (const char *text,
                                       guint       max_chars);

typedef gboolean (*AtlasWordFunc) (const char *word,
                                   gsize       len,
                                   gpointer    user_data);

void      atlas_text_foreach_word     (const char    *folded,
                                       AtlasWordFunc  func,
                                       gpointer       user_data);

G_END_DECLS
