/* atlas-article-row.c: one article in the list
 *
 * Rows are recycled by the list view, so everything is set in
 * atlas_article_row_set_article() and nothing is kept from a previous article.
 * Feed text only ever goes through gtk_label_set_text(): never markup.
 *
 * Built in code, not from a template: GtkListView 4.8 builds about 200 rows
 * at each filter change, and parsing a template for each was a fifth of
 * the change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-article-row.h"
#include "atlas-chip-line.h"

struct _AtlasArticleRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *meta_label;
  AtlasChipLine *chips;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, GTK_TYPE_WIDGET)

void
atlas_article_row_set_article (AtlasArticleRow *self,
                               AtlasArticle    *article)
{
  g_autofree char *date = atlas_article_format_date (article);
  const char *feed = atlas_article_get_feed_title (article);
  g_autofree char *meta = NULL;

  gtk_label_set_text (self->title_label,
                      atlas_article_get_title (article) ? atlas_article_get_title (article) : _("Untitled article"));

  if (feed != NULL && date != NULL)
    /* TRANSLATORS: the feed's title, then the publication date */
    meta = g_strdup_printf (_("%s · %s"), feed, date);
  else
    meta = g_strdup (feed ? feed : date ? date : "");
  gtk_label_set_text (self->meta_label, meta);

  /* Companies come first and countries last: the two things the user filters
   * by. The line shows as many as fit. */
  atlas_chip_line_set_entities (self->chips, atlas_article_get_entities (article));
}

static void
atlas_article_row_dispose (GObject *object)
{
  AtlasArticleRow *self = ATLAS_ARTICLE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
row_label_new (const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, style_class);
  return GTK_LABEL (label);
}

static void
atlas_article_row_init (AtlasArticleRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "article-row");

  self->title_label = row_label_new ("article-title");
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title_label, 3);
  self->meta_label = row_label_new ("dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  self->chips = ATLAS_CHIP_LINE (atlas_chip_line_new ());

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->meta_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->chips));
}

AtlasArticleRow *
atlas_article_row_new (void)
{
  return g_object_new (ATLAS_TYPE_ARTICLE_ROW, NULL);
}
