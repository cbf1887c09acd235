/* atlas-article-row.c: one article in the list
 *
 * GtkListView 4.8 builds about 200 rows at each filter change, so a row is
 * as little as it can be: the title (up to three lines) and the feed and
 * date are drawn from two Pango layouts on a context shared by every row
 * (see atlas-shared-text.c), with the chips as its one child. Two labels,
 * their accessible objects and a box per row were most of a filter change.
 * Everything is set in atlas_article_row_set_article(), since rows are
 * recycled. Feed text is given to Pango as text, never markup.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-article-row.h"
#include "atlas-chip-line.h"
#include "atlas-compat.h"
#include "atlas-shared-text.h"

#define SPACING 4
#define TITLE_LINES 3
/* Three lines never show more; shaping a megabyte of title would stall. */
#define MAX_TITLE_CHARS 600
/* What Adwaita's .dim-label gives text. */
#define DIM_ALPHA 0.55f

struct _AtlasArticleRow
{
  GtkWidget      parent_instance;

  PangoLayout   *title;
  PangoLayout   *meta;
  AtlasChipLine *chips;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, GTK_TYPE_WIDGET)

static PangoLayout *
row_layout_new (AtlasArticleRow *self,
                PangoAttribute  *style)
{
  PangoLayout *layout = pango_layout_new (atlas_shared_pango_context (GTK_WIDGET (self)));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, style);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* The title as the row shows it (cut to its first characters). */
const char *
atlas_article_row_get_title (AtlasArticleRow *self)
{
  g_return_val_if_fail (ATLAS_IS_ARTICLE_ROW (self), NULL);
  return pango_layout_get_text (self->title);
}

void
atlas_article_row_set_article (AtlasArticleRow *self,
                               AtlasArticle    *article)
{
  g_autofree char *date = atlas_article_format_date (article);
  const char *feed = atlas_article_get_feed_title (article);
  const char *title = atlas_article_get_title (article);
  const char *end;
  g_autofree char *shown_title = NULL;
  g_autofree char *meta = NULL;

  g_return_if_fail (ATLAS_IS_ARTICLE_ROW (self));

  /* A new context after a font change is picked up here. */
  g_clear_object (&self->title);
  g_clear_object (&self->meta);
  self->title = row_layout_new (self, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_wrap (self->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->title, -TITLE_LINES);
  self->meta = row_layout_new (self, pango_attr_scale_new (PANGO_SCALE_SMALL));

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

  /* Companies come first and countries last: the two things the user filters
   * by. The line shows as many as fit. */
  atlas_chip_line_set_entities (self->chips, atlas_article_get_entities (article));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static int
layout_height (PangoLayout *layout,
               int          width)
{
  int height;

  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static GtkSizeRequestMode
atlas_article_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (widget);
  int chips_height = 0;

  if (self->title == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int title_width, meta_width, chips_width = 0;

      pango_layout_set_width (self->title, -1);
      pango_layout_set_width (self->meta, -1);
      pango_layout_get_pixel_size (self->title, &title_width, NULL);
      pango_layout_get_pixel_size (self->meta, &meta_width, NULL);
      if (gtk_widget_get_visible (GTK_WIDGET (self->chips)))
        gtk_widget_measure (GTK_WIDGET (self->chips), orientation, -1, NULL, &chips_width, NULL, NULL);
      /* Everything ellipsizes: a row never widens the list. */
      *minimum = 0;
      *natural = MAX (MAX (title_width, meta_width), chips_width);
      return;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->chips)))
    gtk_widget_measure (GTK_WIDGET (self->chips), orientation, for_size, NULL, &chips_height, NULL, NULL);
  *minimum = *natural = layout_height (self->title, for_size) + SPACING + layout_height (self->meta, for_size) +
                        (chips_height > 0 ? SPACING + chips_height : 0);
}

static void
atlas_article_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (widget);
  int y, chips_height;

  if (self->title == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->chips)))
    return;
  y = layout_height (self->title, width) + SPACING + layout_height (self->meta, width) + SPACING;
  gtk_widget_measure (GTK_WIDGET (self->chips), GTK_ORIENTATION_VERTICAL, width, NULL, &chips_height, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->chips), &(GtkAllocation) { 0, y, width, chips_height }, -1);
}

static void
atlas_article_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color, dim;
  int title_height;

  if (self->title == NULL)
    return;

  atlas_compat_widget_get_color (widget, &color);
  dim = color;
  dim.alpha *= DIM_ALPHA;
  title_height = layout_height (self->title, width);
  layout_height (self->meta, width);

  gtk_snapshot_append_layout (snapshot, self->title, &color);
  gtk_snapshot_save (snapshot);
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

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;

  widget_class->get_request_mode = atlas_article_row_get_request_mode;
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
  self->chips = ATLAS_CHIP_LINE (atlas_chip_line_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->chips), GTK_WIDGET (self));
}

AtlasArticleRow *
atlas_article_row_new (void)
{
  return g_object_new (ATLAS_TYPE_ARTICLE_ROW, NULL);
}
