/* atlas-facet-chooser.c: every country or company of the filter, to tick
 *
 * The sidebar lists the leaders; a store has thousands of companies, which
 * a GtkListBox would build, measure and draw all at each filter change
 * (1.9 s at 100,000 articles). Here a list view makes the rows it shows,
 * in alphabetical order so that a tick does not reorder them, with a search
 * that ignores case and accents. A filter change only updates the counts,
 * and relabels only the rows on screen: a choice with no article under the
 * rest of the filter stays in its place, dimmed, so that the rows are not
 * rebuilt.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-compat.h"
#include "atlas-gui.h"
#include "atlas-facet-chooser-private.h"
#include "atlas-facet-choice.h"
#include "atlas-facet-item.h"
#include "atlas-query.h"
#include "atlas-text.h"

struct _AtlasFacetChooser
{
  AdwWindow           parent_instance;

  AtlasViewState     *view_state;
  AtlasFilterGroup    group;
  GListStore         *items;   /* every choice seen while open, AtlasFacetItem */
  GHashTable         *by_id;   /* id → AtlasFacetItem */
  GHashTable         *bound;   /* AtlasFacetItem → the GtkListItem showing it */
  GHashTable         *stale;   /* GtkListItems off screen, their counts not shown yet */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  char               *folded_search;

  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasFacetChooser, atlas_facet_chooser, ADW_TYPE_WINDOW)

static gboolean
is_shown (gpointer item,
          gpointer user_data)
{
  AtlasFacetChooser *self = user_data;

  return atlas_facet_item_matches (item, self->folded_search);
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return atlas_facet_item_compare (*(gconstpointer *) a, *(gconstpointer *) b, NULL);
}

static void
update_stack (AtlasFacetChooser *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_search_changed (AtlasFacetChooser *self,
                   GtkSearchEntry    *entry)
{
  g_free (self->folded_search);
  self->folded_search = atlas_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
on_stop_search (AtlasFacetChooser *self,
                GtkSearchEntry    *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
toggle (AtlasFacetChooser *self,
        AtlasFacetItem    *item)
{
  atlas_view_state_toggle (self->view_state, self->group, atlas_facet_item_get_id (item));
}

static void
on_list_activate (AtlasFacetChooser *self,
                  guint              position,
                  GtkListView       *list_view)
{
  g_autoptr(AtlasFacetItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    toggle (self, item);
}

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  AtlasFacetChooser *self = g_object_get_data (G_OBJECT (check), "chooser");
  AtlasFacetItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && gtk_check_button_get_active (check) != atlas_facet_item_get_selected (item))
    toggle (self, item);
}

static void
update_row (GtkListItem *list_item)
{
  AtlasFacetItem *item = gtk_list_item_get_item (list_item);

  atlas_facet_choice_set_count (gtk_list_item_get_child (list_item), atlas_facet_item_get_count (item),
                                atlas_facet_item_get_selected (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           AtlasFacetChooser        *self)
{
  GtkWidget *choice = atlas_facet_choice_new (G_CALLBACK (on_check_toggled), list_item);

  g_object_set_data (G_OBJECT (atlas_facet_choice_get_check (choice)), "chooser", self);
  gtk_list_item_set_child (list_item, choice);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          AtlasFacetChooser        *self)
{
  AtlasFacetItem *item = gtk_list_item_get_item (list_item);

  atlas_facet_choice_set_name (gtk_list_item_get_child (list_item), atlas_facet_item_get_name (item));
  atlas_compat_list_item_set_label (list_item, atlas_facet_item_get_name (item));
  g_hash_table_insert (self->bound, item, list_item);
  g_hash_table_remove (self->stale, list_item);
  update_row (list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            AtlasFacetChooser        *self)
{
  if (self->bound != NULL)
    {
      g_hash_table_remove (self->bound, gtk_list_item_get_item (list_item));
      g_hash_table_remove (self->stale, list_item);
    }
}

/* Whether a row is on screen or a couple of rows from it, reckoned from
 * its position: the rows are all one line high, and the adjustment already
 * has the value a scroll goes to when the rows have not moved yet. */
static gboolean
row_on_screen (AtlasFacetChooser *self,
               GtkListItem       *list_item)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  double row_height, top, value;

  if (adjustment == NULL || n == 0)
    return TRUE;
  row_height = gtk_adjustment_get_upper (adjustment) / n;
  top = gtk_list_item_get_position (list_item) * row_height;
  value = gtk_adjustment_get_value (adjustment);
  return top + 3 * row_height >= value && top - 2 * row_height <= value + gtk_adjustment_get_page_size (adjustment);
}

/* The list view keeps a couple of hundred rows bound, most of them off
 * screen; relabelling them all at each filter change, and measuring them
 * again, took two thirds of the frame. Those off screen are brought up to
 * date when a scroll brings them in. */
static void
update_item (AtlasFacetChooser *self,
             AtlasFacetItem    *item,
             guint              count,
             gboolean           selected)
{
  GtkListItem *list_item;

  if (!atlas_facet_item_update (item, count, selected) || (list_item = g_hash_table_lookup (self->bound, item)) == NULL)
    return;
  if (row_on_screen (self, list_item))
    update_row (list_item);
  else
    g_hash_table_add (self->stale, list_item);
}

static void
on_scrolled (AtlasFacetChooser *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    if (row_on_screen (self, list_item))
      {
        update_row (list_item);
        g_hash_table_iter_remove (&iter);
      }
}

/* The counts of a filter change; items not among `entries` have no article
 * under it. */
void
atlas_facet_chooser_show_entries (AtlasFacetChooser *self,
                                  GPtrArray         *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (ATLAS_IS_FACET_CHOOSER (self));
  g_return_if_fail (entries != NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const AtlasFacetEntry *entry = g_ptr_array_index (entries, i);
      AtlasFacetItem *known = g_hash_table_lookup (self->by_id, entry->id);

      if (known != NULL)
        update_item (self, known, entry->count, entry->selected);
      else
        {
          known = atlas_facet_item_new (entry);
          g_hash_table_insert (self->by_id, (gpointer) atlas_facet_item_get_id (known), known);
          g_ptr_array_add (added, known);
        }
      g_hash_table_add (seen, (gpointer) atlas_facet_item_get_id (known));
    }
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    if (!g_hash_table_contains (seen, atlas_facet_item_get_id (item)))
      update_item (self, item, 0, FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    {
      g_ptr_array_sort (added, compare_indirect);
      g_list_store_splice (self->items, 0, 0, added->pdata, added->len);
    }
  else
    for (guint i = 0; i < added->len; i++)
      g_list_store_insert_sorted (self->items, g_ptr_array_index (added, i), atlas_facet_item_compare, NULL);
  update_stack (self);
}

GListModel *
atlas_facet_chooser_get_shown (AtlasFacetChooser *self)
{
  g_return_val_if_fail (ATLAS_IS_FACET_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->shown);
}

static void
atlas_facet_chooser_dispose (GObject *object)
{
  AtlasFacetChooser *self = ATLAS_FACET_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_FACET_CHOOSER);
  g_clear_object (&self->shown);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_object (&self->view_state);
  g_clear_pointer (&self->folded_search, g_free);

  G_OBJECT_CLASS (atlas_facet_chooser_parent_class)->dispose (object);
}

static void
atlas_facet_chooser_class_init (AtlasFacetChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_facet_chooser_dispose;

  atlas_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/computeatlas/ComputeAtlas/ui/atlas-facet-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFacetChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasFacetChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasFacetChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasFacetChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_facet_chooser_init (AtlasFacetChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (ATLAS_TYPE_FACET_ITEM);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->bound = g_hash_table_new (NULL, NULL);
  self->stale = g_hash_table_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (is_shown, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), GTK_FILTER (self->filter));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* Set by the scrolled window the template puts the list in. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
}

AtlasFacetChooser *
atlas_facet_chooser_new (GtkWindow        *parent,
                         AtlasViewState   *view_state,
                         AtlasFilterGroup  group,
                         const char       *title)
{
  AtlasFacetChooser *self;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (view_state), NULL);

  self = g_object_new (ATLAS_TYPE_FACET_CHOOSER, "transient-for", parent, "title", title, NULL);
  self->view_state = g_object_ref (view_state);
  self->group = group;
  adw_window_title_set_title (self->window_title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return self;
}
