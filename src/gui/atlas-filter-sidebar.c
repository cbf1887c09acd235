/* atlas-filter-sidebar.c: countries, companies and sites' status and certainty with live counts
 *
 * The window hands over the counts it selected for each filter change (see
 * atlas-article-index.c). The rows are kept and renamed as the counts
 * reorder the choices, so ticking a box does not rebuild the list under the
 * pointer, and the keyboard focus follows the choice it was on.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-gui.h"
#include "atlas-kinds.h"
#include "atlas-filter-sidebar.h"
#include "atlas-facet-choice.h"
#include "atlas-facet-chooser.h"
#include "atlas-timeline.h"
#include "atlas-query.h"
#include "atlas-rollup.h"

/* Enough to see the leaders; the rest is one click away. */
#define COLLAPSED_ENTRIES 8

typedef struct
{
  AtlasFilterGroup  group;
  const char       *action;
  GtkListBox       *list;
  GtkWidget        *heading;
  GtkButton        *more_button;
  const char       *chooser_title;
  AtlasFacetChooser *chooser;  /* while open */
  GPtrArray        *entries;  /* the last counts, AtlasFacetEntry */
  /* While the pointer is over the list, ticking a box keeps the rows in
   * their places: only their counts change (see in_shown_order()). */
  gboolean          hovered;
  GPtrArray        *shown;       /* copies of the entries the rows show */
  GPtrArray        *placeholders;  /* shown choices that have no count now */
  AtlasFilterSidebar *sidebar;
} FacetSection;

struct _AtlasFilterSidebar
{
  GtkWidget       parent_instance;

  AtlasSession   *session;
  AtlasViewState *view_state;
  FacetSection    sections[5];

  GtkListBox     *countries_list;
  GtkListBox     *companies_list;
  GtkListBox     *entities_list;
  GtkListBox     *statuses_list;
  GtkListBox     *certainties_list;
  GtkWidget      *countries_heading;
  GtkWidget      *companies_heading;
  GtkWidget      *entities_heading;
  GtkWidget      *statuses_heading;
  GtkWidget      *certainties_heading;
  GtkLabel       *site_totals;
  GtkButton      *countries_more;
  GtkButton      *companies_more;
  GtkWidget      *dates_heading;
  GtkWidget      *dates_row;
  GtkLabel       *dates_label;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasFilterSidebar, atlas_filter_sidebar, GTK_TYPE_WIDGET)

static void
on_check_toggled (GtkCheckButton *check,
                  FacetSection   *section)
{
  const char *id = g_object_get_data (G_OBJECT (check), "facet-id");

  gtk_widget_activate_action (GTK_WIDGET (check), section->action, "s", id);
}

static GtkWidget *
facet_row_new (FacetSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *choice = atlas_facet_choice_new (G_CALLBACK (on_check_toggled), section);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), choice);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The check box is the row's one stop for Tab: the row itself would be a
   * second, with nothing to do there. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static const char *
facet_row_get_id (GtkWidget *row)
{
  GtkWidget *choice = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return g_object_get_data (G_OBJECT (atlas_facet_choice_get_check (choice)), "facet-id");
}

static void
facet_row_show (GtkWidget             *row,
                const AtlasFacetEntry *entry)
{
  GtkWidget *choice = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  if (g_strcmp0 (facet_row_get_id (row), entry->id) != 0)
    {
      atlas_facet_choice_set_name (choice, entry->name);
      /* Screen readers list the rows: each by its choice's name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->name, -1);
      g_object_set_data_full (G_OBJECT (atlas_facet_choice_get_check (choice)), "facet-id", g_strdup (entry->id),
                              g_free);
    }
  atlas_facet_choice_set_count (choice, entry->count, entry->selected);
  gtk_widget_set_sensitive (row, gtk_widget_get_sensitive (choice));
}

/* The row of the list that holds the keyboard focus, if one does. */
static GtkWidget *
focused_row (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return NULL;
  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

/* `entries` in the order the rows show now, while the pointer is over
 * them: a choice keeps its row with its new count (none when it has none
 * left), and new choices come after. */
static GPtrArray *
in_shown_order (FacetSection      *section,
                GPtrArray         *entries,
                const AtlasFilter *filter)
{
  g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; i < section->entries->len; i++)
    {
      AtlasFacetEntry *entry = g_ptr_array_index (section->entries, i);
      g_hash_table_insert (current, entry->id, entry);
    }
  for (guint i = 0; i < section->shown->len; i++)
    {
      const AtlasFacetEntry *was = g_ptr_array_index (section->shown, i);
      AtlasFacetEntry *now = g_hash_table_lookup (current, was->id);

      if (now == NULL)
        {
          now = atlas_facet_entry_new (was->id, was->name, was->sort_key, 0,
                                       atlas_filter_contains (filter, section->group, was->id));
          g_ptr_array_add (section->placeholders, now);
        }
      g_ptr_array_add (ordered, now);
      g_hash_table_add (placed, now->id);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      AtlasFacetEntry *entry = g_ptr_array_index (entries, i);

      if (!g_hash_table_contains (placed, entry->id))
        g_ptr_array_add (ordered, entry);
    }
  return ordered;
}

/* The rows are kept and given the new choices in order: rebuilding them at
 * every filter change cost more than counting. The keyboard focus stays with
 * its choice, wherever the new counts move it. */
static void
refresh_section (AtlasFilterSidebar *self,
                 FacetSection       *section)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *focused_id = NULL;
  GPtrArray *all = section->entries;
  gboolean only_selected = section->group == ATLAS_FILTER_GROUP_ENTITIES;
  guint limit = only_selected ? G_MAXUINT : COLLAPSED_ENTRIES;
  GtkWidget *row;
  guint n_rows = 0;

  /* Sites, products and the like are too many to list; they show here once
   * chosen (from a chip), so they can be removed. */
  entries = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      AtlasFacetEntry *entry = g_ptr_array_index (all, i);

      if (only_selected && !entry->selected)
        continue;
      if (entries->len < limit || entry->selected)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_set_size (section->placeholders, 0);
  if (section->hovered && section->shown->len > 0)
    {
      GPtrArray *ordered = in_shown_order (section, entries, atlas_view_state_get_filter (self->view_state));

      g_ptr_array_unref (entries);
      entries = ordered;
    }
  g_ptr_array_set_size (section->shown, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const AtlasFacetEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (section->shown, atlas_facet_entry_new (entry->id, entry->name, entry->sort_key, entry->count,
                                                              entry->selected));
    }

  if ((row = focused_row (section->list)) != NULL)
    focused_id = g_strdup (facet_row_get_id (row));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (section->list)); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  for (; n_rows > entries->len; n_rows--)
    gtk_list_box_remove (section->list, gtk_widget_get_last_child (GTK_WIDGET (section->list)));
  for (; n_rows < entries->len; n_rows++)
    gtk_list_box_append (section->list, facet_row_new (section));

  for (guint i = 0; i < entries->len; i++)
    {
      AtlasFacetEntry *entry = g_ptr_array_index (entries, i);

      row = GTK_WIDGET (gtk_list_box_get_row_at_index (section->list, i));
      facet_row_show (row, entry);
      if (focused_id != NULL && g_str_equal (focused_id, entry->id) && focused_row (section->list) != row)
        {
          GtkWidget *choice = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

          gtk_widget_grab_focus (GTK_WIDGET (atlas_facet_choice_get_check (choice)));
        }
    }

  gtk_widget_set_visible (section->heading, entries->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (section->list), entries->len > 0);

  if (section->more_button != NULL)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %'u", "Show All %'u", all->len),
                                                all->len);

      gtk_button_set_label (section->more_button, label);
      gtk_widget_set_visible (GTK_WIDGET (section->more_button), all->len > COLLAPSED_ENTRIES);
    }
  if (section->chooser != NULL)
    atlas_facet_chooser_show_entries (section->chooser, all);
}

/* The date range chosen on the timeline, with a way to clear it. */
static void
refresh_dates (AtlasFilterSidebar *self)
{
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);
  gboolean dated = filter->since != G_MININT64 || filter->until != G_MAXINT64;

  if (dated)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autofree char *range = atlas_time_range_format (filter->since, filter->until, tz);

      gtk_label_set_text (self->dates_label, range);
    }
  gtk_widget_set_visible (self->dates_heading, dated);
  gtk_widget_set_visible (self->dates_row, dated);
}

/* Shows the counts of the session's selection; none while there are none
 * yet; those shown stay when the store could not be read. */
/* The selected sites summed under the roll-up rule, beside their facets:
 * how many, their power and compute, and what the rule left out. */
static void
show_site_totals (AtlasFilterSidebar *self,
                  AtlasSelection     *selection)
{
  g_autoptr(AtlasRollup) totals = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *sums = NULL;
  g_autofree char *left_out = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->site_totals), selection != NULL && selection->sites->len > 0);
  if (selection == NULL || selection->sites->len == 0)
    return;
  totals = atlas_rollup_group (NULL, selection->sites);
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u site counted", "%'u sites counted", totals->total.sites),
                             totals->total.sites);
  /* TRANSLATORS: sites counted, then their power and their compute */
  sums = g_strdup_printf (_("%s: %'.0f MW, %'.0f H100 equivalents."), counted, totals->total.power_mw,
                          totals->total.h100e);
  left_out = totals->duplicates + totals->phases == 0 ? g_strdup ("")
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             " %'u possible duplicate or earlier phase left out.",
                                             " %'u possible duplicates or earlier phases left out.",
                                             totals->duplicates + totals->phases),
                                totals->duplicates + totals->phases);
  g_free (g_steal_pointer (&counted));
  counted = g_strconcat (sums, left_out, NULL);
  gtk_label_set_text (self->site_totals, counted);
}

static void
on_selection_changed (AtlasFilterSidebar *self,
                      AtlasSession       *session)
{
  AtlasSelection *selection = atlas_session_get_selection (session);

  if (selection == NULL && atlas_session_get_error (session) != NULL)
    return;
  show_site_totals (self, selection);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      FacetSection *section = &self->sections[i];

      g_clear_pointer (&section->entries, g_ptr_array_unref);
      section->entries = selection != NULL
                         ? g_ptr_array_ref (atlas_selection_get_facet (selection, section->group))
                         : g_ptr_array_new ();
      refresh_section (self, section);
    }
}

static void
on_list_enter (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               FacetSection             *section)
{
  section->hovered = TRUE;
}

/* The pointer gone, the rows take the order of their counts. */
static void
on_list_leave (GtkEventControllerMotion *motion,
               FacetSection             *section)
{
  section->hovered = FALSE;
  if (section->sidebar->view_state != NULL)
    refresh_section (section->sidebar, section);
}

/* Every choice, in a window of its own: thousands of companies are too
 * many for the sidebar (see atlas-facet-chooser.c). */
static void
on_more_clicked (AtlasFilterSidebar *self,
                 GtkButton          *button)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      FacetSection *section = &self->sections[i];

      if (section->more_button != button)
        continue;
      if (section->chooser == NULL)
        {
          section->chooser = atlas_facet_chooser_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      self->view_state, section->group, _(section->chooser_title));
          g_object_add_weak_pointer (G_OBJECT (section->chooser), (gpointer *) &section->chooser);
          atlas_facet_chooser_show_entries (section->chooser, section->entries);
        }
      gtk_window_present (GTK_WINDOW (section->chooser));
    }
}

/* The session the sidebar follows, once: set from the window's template. */
void
atlas_filter_sidebar_set_session (AtlasFilterSidebar *self,
                                  AtlasSession       *session)
{
  g_return_if_fail (ATLAS_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (session == NULL || ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (session == NULL || self->session == session)
    return;
  self->session = g_object_ref (session);
  self->view_state = g_object_ref (atlas_session_get_view_state (session));
  g_signal_connect_object (self->view_state, "filter-changed", G_CALLBACK (refresh_dates), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "selection-changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  refresh_dates (self);
  on_selection_changed (self, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
atlas_filter_sidebar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ATLAS_FILTER_SIDEBAR (object)->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_sidebar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      atlas_filter_sidebar_set_session (ATLAS_FILTER_SIDEBAR (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_sidebar_dispose (GObject *object)
{
  AtlasFilterSidebar *self = ATLAS_FILTER_SIDEBAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_FILTER_SIDEBAR);
  /* dispose_template() only unparents the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      if (self->sections[i].chooser != NULL)
        gtk_window_destroy (GTK_WINDOW (self->sections[i].chooser));
      g_clear_pointer (&self->sections[i].entries, g_ptr_array_unref);
      g_clear_pointer (&self->sections[i].shown, g_ptr_array_unref);
      g_clear_pointer (&self->sections[i].placeholders, g_ptr_array_unref);
    }
  g_clear_object (&self->view_state);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_filter_sidebar_parent_class)->dispose (object);
}

static void
atlas_filter_sidebar_class_init (AtlasFilterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_sidebar_dispose;
  object_class->get_property = atlas_filter_sidebar_get_property;
  object_class->set_property = atlas_filter_sidebar_set_property;

  /* What the sidebar follows; set once. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-filter-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, countries_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, companies_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, entities_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, countries_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, companies_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, entities_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, statuses_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, site_totals);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, certainties_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, statuses_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, certainties_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, countries_more);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, dates_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, dates_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, dates_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterSidebar, companies_more);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_filter_sidebar_init (AtlasFilterSidebar *self)
{
  AtlasFilterGroup groups[] = { ATLAS_FILTER_GROUP_COUNTRIES, ATLAS_FILTER_GROUP_COMPANIES, ATLAS_FILTER_GROUP_ENTITIES,
                                 ATLAS_FILTER_GROUP_STATUSES, ATLAS_FILTER_GROUP_CERTAINTIES };
  const char *chooser_titles[] = { N_("All Countries"), N_("All Companies"), NULL, NULL, NULL };
  GtkListBox *lists[G_N_ELEMENTS (groups)];
  GtkWidget *headings[G_N_ELEMENTS (groups)];
  GtkButton *more[G_N_ELEMENTS (groups)] = { NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (groups) == G_N_ELEMENTS (((AtlasFilterSidebar *) NULL)->sections));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);

  lists[0] = self->countries_list, lists[1] = self->companies_list, lists[2] = self->entities_list;
  lists[3] = self->statuses_list, lists[4] = self->certainties_list;
  headings[0] = self->countries_heading, headings[1] = self->companies_heading, headings[2] = self->entities_heading;
  headings[3] = self->statuses_heading, headings[4] = self->certainties_heading;
  more[0] = self->countries_more, more[1] = self->companies_more;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      self->sections[i].group = groups[i];
      self->sections[i].action = atlas_filter_group_toggle_action (groups[i]);
      self->sections[i].list = lists[i];
      self->sections[i].heading = headings[i];
      self->sections[i].more_button = more[i];
      self->sections[i].chooser_title = chooser_titles[i];
      self->sections[i].entries = g_ptr_array_new ();
      self->sections[i].shown = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);
      self->sections[i].placeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_facet_entry_free);
      self->sections[i].sidebar = self;
      {
        GtkEventController *motion = gtk_event_controller_motion_new ();

        g_signal_connect (motion, "enter", G_CALLBACK (on_list_enter), &self->sections[i]);
        g_signal_connect (motion, "leave", G_CALLBACK (on_list_leave), &self->sections[i]);
        gtk_widget_add_controller (GTK_WIDGET (lists[i]), motion);
      }
    }
}
