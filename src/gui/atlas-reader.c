/* atlas-reader.c: one article, as plain text
 *
 * Everything here comes from a feed: it is set with gtk_label_set_text() and
 * never parsed as markup, and the original is opened only when its link is
 * http or https.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-gui.h"
#include "atlas-kinds.h"
#include "atlas-reader.h"
#include "atlas-chip-box.h"
#include "atlas-compat.h"
#include "atlas-text.h"

struct _AtlasReader
{
  GtkWidget     parent_instance;

  AtlasArticle *article;
  AtlasFilter  *filter;

  GtkStack     *stack;
  GtkScrolledWindow *scroller;
  GtkLabel     *title_label;
  GtkLabel     *meta_label;
  GtkWidget    *content_box;
  AtlasChipBox *chips;
  GtkLabel     *summary_label;
  GtkLabel     *text_label;
  GtkWidget    *open_button;
};

G_DEFINE_FINAL_TYPE (AtlasReader, atlas_reader, GTK_TYPE_WIDGET)

static void
atlas_reader_update_actions (AtlasReader *self)
{
  const char *url = self->article ? atlas_article_get_url (self->article) : NULL;
  gboolean openable = atlas_text_is_web_link (url);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", openable);
  gtk_widget_set_visible (self->open_button, openable);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static gboolean
entity_is_filtered (AtlasReader          *self,
                    const AtlasEntityRef *entity)
{
  AtlasFilterGroup group = atlas_entity_kind_lookup (entity->kind)->group;

  return self->filter != NULL && atlas_filter_contains (self->filter, group, entity->id);
}

/* A secondary click on a site's chip opens the site's page, as on the
 * graph's node. */
static void
on_site_chip_secondary (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        gpointer         user_data)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_activate_action (chip, "win.open-site", "s", g_object_get_data (G_OBJECT (chip), "entity-id"));
}

/* A chip names an entity and filters by it through the window's actions
 * (the target names the filter group by the entity's kind). */
static GtkWidget *
entity_chip_new (GPtrArray *entities,
                 guint      index)
{
  const AtlasEntityRef *entity = g_ptr_array_index (entities, index);
  const AtlasEntityKindInfo *kind = atlas_entity_kind_lookup (entity->kind);
  const char *action = atlas_filter_group_toggle_action (kind->group);
  /* Two entities of one name each say which they are. */
  g_autofree char *name = atlas_entity_refs_label (entities, index);
  g_autofree char *tooltip = g_strdup_printf (_("Filter by %s"), name);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *chip = gtk_button_new ();

  /* No ellipsizing here: the chip box lays out by natural width, and names
   * are short; a long one wraps instead. */
  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_button_set_child (GTK_BUTTON (chip), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "s", entity->id);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (chip, "flat");
  gtk_widget_add_css_class (chip, "chip");
  /* style.css colours these kinds' chips. */
  if (kind->kind == ATLAS_ENTITY_COMPANY || kind->kind == ATLAS_ENTITY_COUNTRY || kind->kind == ATLAS_ENTITY_SITE)
    gtk_widget_add_css_class (chip, kind->id);
  if (kind->kind == ATLAS_ENTITY_SITE)
    {
      GtkGesture *secondary = gtk_gesture_click_new ();
      g_autofree char *site_tooltip = g_strdup_printf (_("Filter by %s; right-click for the site’s page"), name);

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
      g_object_set_data_full (G_OBJECT (chip), "entity-id", g_strdup (entity->id), g_free);
      g_signal_connect (secondary, "released", G_CALLBACK (on_site_chip_secondary), NULL);
      gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (secondary));
      gtk_widget_set_tooltip_text (chip, site_tooltip);
    }
  return chip;
}

static void
rebuild_chips (AtlasReader *self)
{
  GPtrArray *entities;

  atlas_chip_box_remove_all (self->chips);
  if (self->article == NULL)
    return;

  entities = atlas_article_get_entities (self->article);
  for (guint i = 0; i < entities->len; i++)
    {
      const AtlasEntityRef *entity = g_ptr_array_index (entities, i);
      GtkWidget *chip = entity_chip_new (entities, i);

      if (entity_is_filtered (self, entity))
        gtk_widget_add_css_class (chip, "active");
      atlas_chip_box_append (self->chips, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips), entities->len > 0);
}

void
atlas_reader_set_article (AtlasReader  *self,
                          AtlasArticle *article)
{
  g_autoptr(GString) meta = NULL;
  g_autofree char *date = NULL;
  const char * const *authors;
  const char *language;

  g_return_if_fail (ATLAS_IS_READER (self));

  if (!g_set_object (&self->article, article) && article != NULL)
    return;

  if (article == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      rebuild_chips (self);
      atlas_reader_update_actions (self);
      return;
    }

  meta = g_string_new (atlas_article_get_feed_title (article));
  authors = atlas_article_get_authors (article);
  if (authors != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) authors);

      /* TRANSLATORS: who wrote an article, after its feed's name: "by Jane Doe, News Desk" */
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append_printf (meta, _("by %s"), names);
    }
  date = atlas_article_format_date (article);
  if (date != NULL)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", date);
  language = atlas_article_get_language (article);
  if (language != NULL)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", language);

  set_label (self->title_label,
             atlas_article_get_title (article) ? atlas_article_get_title (article) : _("Untitled article"));
  set_label (self->meta_label, meta->str);
  set_label (self->summary_label, atlas_article_get_summary (article));
  set_label (self->text_label, atlas_article_get_text (article));
  rebuild_chips (self);
  atlas_reader_update_actions (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "article");
}

/* Chips of entities already in the filter are drawn as active. */
void
atlas_reader_set_filter (AtlasReader       *self,
                         const AtlasFilter *filter)
{
  g_return_if_fail (ATLAS_IS_READER (self));

  g_clear_pointer (&self->filter, atlas_filter_free);
  self->filter = filter ? atlas_filter_copy (filter) : NULL;
  rebuild_chips (self);
}

static void
open_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasReader *self = ATLAS_READER (widget);
  const char *url = self->article ? atlas_article_get_url (self->article) : NULL;

  if (!atlas_text_is_web_link (url))
    return;
  atlas_compat_open_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url);
}

static void
atlas_reader_dispose (GObject *object)
{
  AtlasReader *self = ATLAS_READER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_READER);
  g_clear_object (&self->article);
  g_clear_pointer (&self->filter, atlas_filter_free);

  G_OBJECT_CLASS (atlas_reader_parent_class)->dispose (object);
}

static void
atlas_reader_class_init (AtlasReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_reader_dispose;

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, content_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, text_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReader, open_button);

  gtk_widget_class_install_action (widget_class, "reader.open-original", NULL, open_original_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_reader_init (AtlasReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chips = ATLAS_CHIP_BOX (atlas_chip_box_new ());
  /* Forty chips would push the text below the fold, in a narrow window. */
  atlas_chip_box_set_max_lines (self->chips, 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mentioned entities"), -1);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), GTK_WIDGET (self->chips),
                              GTK_WIDGET (self->summary_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"), -1);
  atlas_reader_update_actions (self);
}
