/* atlas-article-row.c: one article in the list
 *
 * Rows are recycled by the list view, so everything is set in
 * atlas_article_row_set_article() and nothing is kept from a previous article.
 * Feed text only ever goes through gtk_label_set_text(): never markup.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-article-row.h"
#include "atlas-chip-box.h"

struct _AtlasArticleRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *meta_label;
  AtlasChipBox *chips_box;
};

G_DEFINE_FINAL_TYPE (AtlasArticleRow, atlas_article_row, GTK_TYPE_WIDGET)

/* A chip names an entity; when clickable it filters by it through the window's
 * actions (the target names the filter group by the entity's kind). */
GtkWidget *
atlas_entity_chip_new (const AtlasEntityRef *entity,
                       gboolean              clickable)
{
  GtkWidget *chip;

  if (clickable)
    {
      const char *action = g_strcmp0 (entity->kind, "country") == 0 ? "win.toggle-country"
                           : g_strcmp0 (entity->kind, "company") == 0 ? "win.toggle-company"
                           : "win.toggle-entity";
      g_autofree char *tooltip = g_strdup_printf (_("Filter by %s"), entity->name);
      GtkWidget *label = gtk_label_new (NULL);

      /* No ellipsizing here: a flow box lays out by natural width, and names
       * are short; a long one wraps instead. */
      gtk_label_set_text (GTK_LABEL (label), entity->name);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      chip = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (chip), label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "s", entity->id);
      gtk_widget_set_tooltip_text (chip, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (chip, "flat");
    }
  else
    {
      chip = gtk_label_new (NULL);
      gtk_label_set_text (GTK_LABEL (chip), entity->name);
      gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (chip), 28);
    }

  gtk_widget_add_css_class (chip, "chip");
  if (entity->kind != NULL && g_strv_contains ((const char *[]) { "company", "country", "site", NULL }, entity->kind))
    gtk_widget_add_css_class (chip, entity->kind);
  return chip;
}

void
atlas_article_row_set_article (AtlasArticleRow *self,
                               AtlasArticle    *article)
{
  GPtrArray *entities = atlas_article_get_entities (article);
  g_autofree char *date = atlas_article_format_date (article);
  const char *feed = atlas_article_get_feed_title (article);
  g_autofree char *meta = NULL;
  gboolean any = FALSE;

  gtk_label_set_text (self->title_label,
                      atlas_article_get_title (article) ? atlas_article_get_title (article) : _("Untitled article"));

  if (feed != NULL && date != NULL)
    /* TRANSLATORS: the feed's title, then the publication date */
    meta = g_strdup_printf (_("%s · %s"), feed, date);
  else
    meta = g_strdup (feed ? feed : date ? date : "");
  gtk_label_set_text (self->meta_label, meta);

  atlas_chip_box_remove_all (self->chips_box);

  /* Companies come first and countries last: the two things the user filters
   * by. The chip box shows as many as fit on one line. */
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *entity = g_ptr_array_index (entities, i);

      if (g_strcmp0 (entity->kind, "company") != 0 && g_strcmp0 (entity->kind, "country") != 0)
        continue;
      atlas_chip_box_append (self->chips_box, atlas_entity_chip_new (entity, FALSE));
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), any);
}

static void
atlas_article_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ARTICLE_ROW);

  G_OBJECT_CLASS (atlas_article_row_parent_class)->dispose (object);
}

static void
atlas_article_row_class_init (AtlasArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_article_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasArticleRow, meta_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_article_row_init (AtlasArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chips_box = ATLAS_CHIP_BOX (atlas_chip_box_new (TRUE));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->chips_box));
}

AtlasArticleRow *
atlas_article_row_new (void)
{
  return g_object_new (ATLAS_TYPE_ARTICLE_ROW, NULL);
}
