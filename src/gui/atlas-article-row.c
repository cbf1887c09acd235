/* atlas-article-row.c: one article in the list
 *
 * GtkListView 4.8 keeps about 200 rows around its scroll position and
 * measures every one of them after a filter change rebinds them, though it
 * draws only the fifteen in view. So a row is as little as it can be: the
 * title (up to two lines) and the feed and date are drawn from two Pango
 * layouts on a context shared by every row (see atlas-shared-text.c), with
 * the chips as its one child; and it has the same height whatever its text,
 * so that measuring it shapes nothing. Its article is read, and its text
 * laid out, when it is first allocated, which GTK does only for the rows in
 * view: a filter change rebinds ~200 rows and reads fifteen articles. Feed
 * text is given to Pango as text, never markup.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-article-list.h"
#include "atlas-article-row.h"
#include "atlas-chip-line.h"
#include "atlas-compat.h"
#include "atlas-shared-text.h"

#define SPACING 4
#define TITLE_LINES 2
/* Two lines never show more; shaping a megabyte of title would stall. */
#define MAX_TITLE_CHARS 400
/* What Adwaita's .dim-label gives text. */
#define DIM_ALPHA 0.55f

struct _AtlasArticleRow
{
  GtkWidget         parent_instance;

  AtlasArticleList *list;
  GtkListItem      *item;     /* weak */
  AtlasArticle     *article;
  gboolean          shown;    /* the article's text is in the layouts */
  PangoLayout      *title;
  PangoLayout      *meta;
  AtlasChipLine    *chips;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, GTK_TYPE_WIDGET)

/* The heights of the parts of a row, the same for every row on a context. */
typedef struct
{
  PangoContext *context;
  int           title_line;
  int           title;
  int           meta;
  int           chips;
} RowMetrics;

static PangoLayout *
row_layout_new (PangoContext *context,
                gboolean      is_title)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, is_title ? pango_attr_weight_new (PANGO_WEIGHT_BOLD)
                                          : pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (is_title)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -TITLE_LINES);
    }
  return layout;
}

static int
text_height (PangoContext *context,
             gboolean      is_title,
             const char   *text)
{
  g_autoptr(PangoLayout) layout = row_layout_new (context, is_title);
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static const RowMetrics *
row_metrics (AtlasArticleRow *self)
{
  static RowMetrics metrics;
  PangoContext *context = atlas_shared_pango_context (GTK_WIDGET (self));

  if (metrics.context != context)
    {
      g_set_object (&metrics.context, context);
      metrics.title_line = text_height (context, TRUE, "Ág");
      metrics.title = text_height (context, TRUE, "Ág\nÁg");
      metrics.meta = text_height (context, FALSE, "Ág");
      metrics.chips = atlas_chip_line_get_line_height (self->chips);
    }
  return &metrics;
}

static PangoLayout *
layout_remade (PangoLayout  *old,
               PangoContext *context,
               gboolean      is_title)
{
  PangoLayout *layout = row_layout_new (context, is_title);

  if (old != NULL)
    {
      pango_layout_set_text (layout, pango_layout_get_text (old), -1);
      g_object_unref (old);
    }
  return layout;
}

/* The layouts, made again on a new context after a font change, with the
 * text they had. */
static void
ensure_layouts (AtlasArticleRow *self)
{
  PangoContext *context = atlas_shared_pango_context (GTK_WIDGET (self));

  if (self->title != NULL && pango_layout_get_context (self->title) == context)
    return;
  self->title = layout_remade (self->title, context, TRUE);
  self->meta = layout_remade (self->meta, context, FALSE);
}

gint64
atlas_article_row_get_article_id (AtlasArticleRow *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE_ROW (self), 0);
  return self->article ? atlas_article_get_id (self->article) : 0;
}

/* Reads the article if it was not yet, and gives the row its text. */
static void
show_article (AtlasArticleRow *self)
{
  g_autofree char *date = NULL;
  const char *feed, *title, *end;
  g_autofree char *shown_title = NULL;
  g_autofree char *meta = NULL;

  atlas_article_list_fill (self->list, self->article);
  date = atlas_article_format_date (self->article);
  feed = atlas_article_get_feed_title (self->article);
  title = atlas_article_get_title (self->article);
  ensure_layouts (self);
  if (title == NULL)
    title = _("Untitled article");
  /* g_utf8_substring() reads past the end of a shorter string (GLib 2.74);
   * titles are valid UTF-8, checked on import. */
  end = title;
  for (guint i = 0; i < MAX_TITLE_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  shown_title = g_strndup (title, end - title);
  pango_layout_set_text (self->title, shown_title, -1);

  if (feed != NULL && date != NULL)
    /* TRANSLATORS: the feed's title, then the publication date */
    meta = g_strdup_printf (_("%s · %s"), feed, date);
  else
    meta = g_strdup (feed ? feed : date ? date : "");
  pango_layout_set_text (self->meta, meta, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown_title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
  if (self->item != NULL)
    atlas_compat_list_item_set_label (self->item, shown_title);

  /* The companies and countries the title names first, then the rest,
   * companies before countries: the two things the user filters by. The
   * line shows as many as fit and counts the others. */
  atlas_chip_line_set_entities (self->chips, atlas_article_get_entities (self->article),
                                atlas_article_get_title (self->article));
  self->shown = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows `article`, an item of the row's list, at `item`. Its text is read
 * and laid out when the row is first allocated, which GtkListView 4.8 does
 * only for the rows in view. */
void
atlas_article_row_set_article (AtlasArticleRow *self,
                               AtlasArticle    *article,
                               GtkListItem     *item)
{
  g_return_if_fail (ATLAS_IS_ARTICLE_ROW (self));
  g_return_if_fail (ATLAS_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  g_set_weak_pointer (&self->item, item);
  /* Until then, screen readers are not offered a row without a name, or
   * with the name of the article it showed before. */
  if (self->shown)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->shown = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
atlas_article_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  const RowMetrics *metrics = row_metrics (ATLAS_ARTICLE_ROW (widget));

  /* Everything ellipsizes: a row never widens the list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = metrics->title + SPACING + metrics->meta + SPACING + metrics->chips;
}

/* The height of the title as shaped for `width`: one line or two. */
static int
shaped_title_height (AtlasArticleRow *self,
                     int              width)
{
  int height;

  ensure_layouts (self);
  pango_layout_set_width (self->title, width * PANGO_SCALE);
  pango_layout_set_width (self->meta, width * PANGO_SCALE);
  pango_layout_get_pixel_size (self->title, NULL, &height);
  return MIN (height, row_metrics (self)->title);
}

/* A shorter title, `title_height` high, leaves the row's spare line half
 * above, half below. */
static int
title_top (AtlasArticleRow *self,
           int              title_height)
{
  return (row_metrics (self)->title - title_height) / 2;
}

static void
atlas_article_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (widget);
  const RowMetrics *metrics = row_metrics (self);
  int title_height;

  if (self->article != NULL && !self->shown)
    show_article (self);
  title_height = shaped_title_height (self, width);
  gtk_widget_measure (GTK_WIDGET (self->chips), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  /* Under the feed and date, where the title leaves them: the chips take
   * clicks, so they are where they are drawn. */
  gtk_widget_size_allocate (GTK_WIDGET (self->chips),
                            &(GtkAllocation) { 0, title_top (self, title_height) + title_height + SPACING +
                                                  metrics->meta + SPACING,
                                               width, metrics->chips },
                            -1);
}

static void
atlas_article_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, dim;
  int title_height, top;

  if (!self->shown)
    return;

  atlas_compat_widget_get_color (widget, &color);
  dim = color;
  dim.alpha *= DIM_ALPHA;
  title_height = shaped_title_height (self, width);
  top = title_top (self, title_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
  gtk_snapshot_append_layout (snapshot, self->title, &color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, title_height + SPACING));
  gtk_snapshot_append_layout (snapshot, self->meta, &dim);
  gtk_snapshot_restore (snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->chips), snapshot);
}

static void
atlas_article_row_dispose (GObject *object)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (object);

  if (self->chips != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->chips)));
  g_clear_object (&self->title);
  g_clear_object (&self->meta);
  g_clear_object (&self->article);
  g_clear_object (&self->list);
  g_clear_weak_pointer (&self->item);

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;

  widget_class->measure = atlas_article_row_measure;
  widget_class->size_allocate = atlas_article_row_size_allocate;
  widget_class->snapshot = atlas_article_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "articlerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_article_row_init (AtlasArticleRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "article-row");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->chips = ATLAS_CHIP_LINE (atlas_chip_line_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->chips), GTK_WIDGET (self));
}

/* A row of `list`, which reads the articles it shows. */
AtlasArticleRow *
atlas_article_row_new (AtlasArticleList *list)
{
  AtlasArticleRow *self;

  g_return_val_if_fail (ATLAS_IS_ARTICLE_LIST (list), NULL);

  self = g_object_new (ATLAS_TYPE_ARTICLE_ROW, NULL);
  self->list = g_object_ref (list);
  return self;
}
