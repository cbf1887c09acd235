#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A feed a web page points to with <link rel="alternate" type="…">. */
typedef struct
{
  char *url;     /* absolute, resolved against the page and its <base> */
  char *title;   /* may be NULL */
  char *type;    /* application/rss+xml, application/atom+xml, application/feed+json… */
} AtlasFeedLink;

void       atlas_libxml_init           (void);
char      *atlas_html_to_text          (const char *html,
                                        gssize      length);
char      *atlas_html_to_line          (const char *html,
                                        gssize      length);
GPtrArray *atlas_html_find_feed_links  (const char *html,
                                        gsize       length,
                                        const char *page_url);
void       atlas_feed_link_free        (AtlasFeedLink *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFeedLink, atlas_feed_link_free)

G_END_DECLS
