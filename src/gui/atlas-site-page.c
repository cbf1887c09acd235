/* atlas-site-page.c: one site of the data files, every field and where it came from
 *
 * What Epoch AI's row says of a site: status, certainty, place, chips,
 * compute, power (reported or calculated), cost, first operational date,
 * its owners and users, its phases (each opens the site it names), its
 * sources as links, and the articles that mention it (each opens the
 * article), with the file and line the figures came from. Everything is
 * the data's text, shown as text; only http and https links open.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-countries.h"
#include "atlas-date.h"
#include "atlas-kinds.h"
#include "atlas-site-page.h"
#include "atlas-text.h"

/* The articles listed at most; the filter by the site shows them all. */
#define MAX_ARTICLES 20

struct _AtlasSitePage
{
  GtkWidget            parent_instance;

  char                *id;
  GtkWidget           *scroller;
  GtkLabel            *title;
  GtkLabel            *summary;
  AdwPreferencesGroup *figures;
  AdwPreferencesGroup *companies;
  AdwPreferencesGroup *phases;
  AdwPreferencesGroup *sources;
  AdwPreferencesGroup *articles;
  GtkLabel            *provenance;
  GPtrArray           *rows;  /* the rows added, to take out on the next site */
};

G_DEFINE_FINAL_TYPE (AtlasSitePage, atlas_site_page, GTK_TYPE_WIDGET)

static GtkWidget *
add_row (AtlasSitePage       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* The data's text is text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A quote or a list of users runs long: all of it shows. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  g_object_set_data (G_OBJECT (row), "group", group);
  return row;
}

static void
add_figure (AtlasSitePage *self,
            const char    *title,
            double         value,
            const char    *unit)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  text = unit != NULL ? g_strdup_printf ("%'.0f %s", value, unit) : g_strdup_printf ("%'.0f", value);
  add_row (self, self->figures, title, text);
}

/* A row that activates a window action when clicked. */
static void
add_action_row (AtlasSitePage       *self,
                AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                const char          *action,
                GVariant            *target)
{
  GtkWidget *row = add_row (self, group, title, subtitle);

  /* The target first: an action name without it would not match the action's type. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static char *
join (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (names, i));
  return g_string_free (text, FALSE);
}

static const char *
word_label (AtlasFilterGroup  group,
            const char       *id)
{
  guint n_words = 0;
  const AtlasSiteWordInfo *words = atlas_site_words (group, &n_words);

  for (guint i = 0; id != NULL && i < n_words; i++)
    if (g_str_equal (id, words[i].id))
      return _(words[i].label);
  return id;
}

/* The site of `all_sites` a phase names, or NULL. */
static const AtlasSite *
find_by_name (GPtrArray  *all_sites,
              const char *name)
{
  g_autofree char *wanted = atlas_text_fold (name);

  for (guint i = 0; all_sites != NULL && i < all_sites->len; i++)
    {
      const AtlasSite *site = g_ptr_array_index (all_sites, i);
      g_autofree char *folded = atlas_text_fold (site->name);

      if (g_str_equal (folded, wanted))
        return site;
    }
  return NULL;
}

static void
add_phase (AtlasSitePage *self,
           const char    *title,
           const char    *name,
           GPtrArray     *all_sites)
{
  const AtlasSite *other;

  if (name == NULL)
    return;
  other = find_by_name (all_sites, name);
  if (other != NULL)
    add_action_row (self, self->phases, title, name, "win.open-site", g_variant_new_string (other->id));
  else
    add_row (self, self->phases, title, name);
}

static void
show_summary (AtlasSitePage   *self,
              const AtlasSite *site)
{
  g_autoptr(GString) summary = g_string_new (word_label (ATLAS_FILTER_GROUP_STATUSES, site->status));

  if (site->certainty != NULL)
    g_string_append_printf (summary, " · %s", word_label (ATLAS_FILTER_GROUP_CERTAINTIES, site->certainty));
  if (site->country != NULL)
    g_string_append_printf (summary, " · %s", atlas_country_display_name (site->country));
  if (site->place != NULL && g_strcmp0 (site->place, atlas_country_display_name (site->country)) != 0)
    g_string_append_printf (summary, " · %s", site->place);
  if (site->duplicate)
    g_string_append_printf (summary, " · %s", _("possibly a duplicate of another row, left out of sums"));
  gtk_label_set_text (self->title, site->name);
  gtk_label_set_text (self->summary, summary->str);
}

static void
show_figures (AtlasSitePage   *self,
              const AtlasSite *site)
{
  g_autofree char *date = NULL;

  for (guint i = 0; i < site->chips->len; i++)
    {
      const AtlasChips *chips = &g_array_index (site->chips, AtlasChips, i);
      g_autofree char *text = isnan (chips->quantity) ? g_strdup (chips->type)
                              : g_strdup_printf ("%'.0f × %s", chips->quantity, chips->type ? chips->type : "?");

      add_row (self, self->figures, i == 0 ? _("Chips") : _("Other chips"), text);
    }
  add_figure (self, _("H100 equivalents"), site->h100e, NULL);
  if (!isnan (site->power_mw))
    {
      g_autofree char *text = g_strdup_printf ("%'.1f MW", site->power_mw);
      const char *title = g_strcmp0 (site->power_source, "reported") == 0 ? _("Power, reported")
                        : g_strcmp0 (site->power_source, "calculated") == 0 ? _("Power, calculated by Epoch AI")
                        : _("Power");

      add_row (self, self->figures, title, text);
    }
  add_figure (self, _("Cost"), site->cost, "USD");
  if (site->first_operational != NULL)
    {
      AtlasPartialDate partial;

      if (atlas_partial_date_parse (site->first_operational, &partial))
        date = atlas_partial_date_format (&partial);
      add_row (self, self->figures, _("First operational"), date ? date : site->first_operational);
    }
  if (site->sector != NULL)
    add_row (self, self->figures, _("Sector"), site->sector);
  if (site->quote != NULL)
    add_row (self, self->figures, _("Quote"), site->quote);
}

static void
show_companies (AtlasSitePage   *self,
                const AtlasSite *site)
{
  g_autofree char *owners = join (site->owners);
  g_autofree char *users = join (site->users);

  if (site->owners->len > 0)
    add_row (self, self->companies, _("Owners"), owners);
  if (site->users->len > 0)
    add_row (self, self->companies, _("Users"), users);
}

static void
show_sources (AtlasSitePage   *self,
              const AtlasSite *site)
{
  for (guint i = 0; i < site->sources->len; i++)
    {
      const char *url = g_ptr_array_index (site->sources, i);
      GtkWidget *row;
      GtkWidget *open;

      /* Kept so by the importer; checked again where it opens. */
      if (!atlas_text_is_web_link (url))
        continue;
      row = add_row (self, self->sources, url, NULL);
      open = gtk_link_button_new_with_label (url, _("Open"));
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
}

/* A few of the articles that mention the site, newest first: one indexed
 * read of at most MAX_ARTICLES rows. */
static void
show_articles (AtlasSitePage   *self,
               AtlasStore      *store,
               const AtlasSite *site)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_store_prepare (store,
                                                      "SELECT a.id, a.title FROM mentions m JOIN articles a "
                                                      "ON a.id = m.article_id WHERE m.entity_id = ?1 "
                                                      "ORDER BY a.published DESC, a.id DESC LIMIT ?2",
                                                      NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, site->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MAX_ARTICLES);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 1);

      add_action_row (self, self->articles, title ? title : _("Untitled"), NULL, "win.open-article",
                      g_variant_new_int64 (sqlite3_column_int64 (stmt, 0)));
    }
}

static void
clear_rows (AtlasSitePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Shows `site`; its phases are looked up among `all_sites`. */
void
atlas_site_page_show (AtlasSitePage   *self,
                      AtlasStore      *store,
                      const AtlasSite *site,
                      GPtrArray       *all_sites)
{
  g_autofree char *provenance = NULL;
  AdwPreferencesGroup *groups[] = { self->figures, self->companies, self->phases, self->sources, self->articles };

  g_return_if_fail (ATLAS_IS_SITE_PAGE (self));

  clear_rows (self);
  g_free (self->id);
  self->id = g_strdup (site->id);
  show_summary (self, site);
  show_figures (self, site);
  show_companies (self, site);
  add_phase (self, _("Builds upon"), site->builds_upon, all_sites);
  add_phase (self, _("Superseded by"), site->superseded_by, all_sites);
  show_sources (self, site);
  show_articles (self, store, site);

  /* An empty group says nothing: hidden. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->rows->len && !any; i++)
        any = g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), "group") == groups[g];
      gtk_widget_set_visible (GTK_WIDGET (groups[g]), any);
    }

  /* TRANSLATORS: the data file's name, then the line of the site's row */
  provenance = g_strdup_printf (_("From Epoch AI’s data (CC BY 4.0): %s, line %u."), site->source_file, site->source_row);
  gtk_label_set_text (self->provenance, provenance);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

const char *
atlas_site_page_get_id (AtlasSitePage *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE_PAGE (self), NULL);
  return self->id;
}

static void
atlas_site_page_dispose (GObject *object)
{
  AtlasSitePage *self = ATLAS_SITE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SITE_PAGE);
  G_OBJECT_CLASS (atlas_site_page_parent_class)->dispose (object);
}

static void
atlas_site_page_finalize (GObject *object)
{
  AtlasSitePage *self = ATLAS_SITE_PAGE (object);

  g_free (self->id);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (atlas_site_page_parent_class)->finalize (object);
}

static void
atlas_site_page_class_init (AtlasSitePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_site_page_dispose;
  object_class->finalize = atlas_site_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-site-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, title);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, summary);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, figures);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, companies);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, phases);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, sources);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, articles);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitePage, provenance);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_site_page_init (AtlasSitePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
