/* atlas-event-table.c: the timeline as a table
 *
 * The textual alternative to the timeline, for the keyboard and screen
 * readers: the same events with their date (at its precision), kind, title,
 * amount and entities, sortable by any column. Selecting a row opens the
 * event's article, as a click on its marker does; opening an article
 * elsewhere selects its first event here. Its rows are made only while it is
 * shown: 50,000 of them, sorted again at each filter change, are worth
 * nothing behind the timeline's tab. The timeline keeps the events of a
 * filter's articles whatever its period, as the table does: those outside
 * the period are dimmed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-event-item.h"
#include "atlas-event-table-private.h"
#include "atlas-table.h"

struct _AtlasEventTable
{
  GtkWidget           parent_instance;

  AtlasTimelineModel *model;
  AtlasViewState     *view_state;
  GListStore         *items;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkWidget          *scroller;
  GtkColumnView      *view;
  gboolean            stale;  /* the events changed while the table was hidden */
  gint64              since;  /* the period its rows were dimmed for */
  gint64              until;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasEventTable, atlas_event_table, GTK_TYPE_WIDGET)

static void
fill (AtlasEventTable *self)
{
  GPtrArray *events = atlas_timeline_model_get_events (self->model);
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (atlas_timeline_model_get_busy (self->model) || events == NULL)
    return;
  /* Hidden: drop the rows, and the events they hold, until shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      g_list_store_remove_all (self->items);
      return;
    }
  self->stale = FALSE;
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (rows, atlas_event_item_new (events, i, filter->since, filter->until));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       rows->pdata, rows->len);
}

static void
on_selection_changed (AtlasEventTable *self)
{
  AtlasEventItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL && atlas_event_item_get_article_id (item) > 0)
    atlas_view_state_set_selected_article (self->view_state, atlas_event_item_get_article_id (item));
}

static void
on_selected_article (AtlasEventTable *self)
{
  gint64 article = atlas_view_state_get_selected_article (self->view_state);
  AtlasEventItem *selected = gtk_single_selection_get_selected_item (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  /* A row of that article is selected already: it stays. */
  if (article <= 0 || (selected != NULL && atlas_event_item_get_article_id (selected) == article))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasEventItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (atlas_event_item_get_article_id (item) == article)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* A new period dims other rows; the events, which keep every date, are
 * the same. */
static void
on_filter_changed (AtlasEventTable *self)
{
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);

  if (filter->since == self->since && filter->until == self->until)
    return;
  self->since = filter->since;
  self->until = filter->until;
  fill (self);
  /* The new rows keep the open article's row selected. */
  on_selected_article (self);
}

/* The events the table shows as rows, and the session's view state for
 * the article open. */
static void
set_model (AtlasEventTable    *self,
           AtlasTimelineModel *model)
{
  if (model == NULL || model == self->model)
    return;
  g_return_if_fail (self->model == NULL);

  self->model = g_object_ref (model);
  self->view_state = g_object_ref (atlas_session_get_view_state (atlas_timeline_model_get_session (model)));
  g_signal_connect_object (model, "notify::events", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "notify::selected-article", G_CALLBACK (on_selected_article), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "filter-changed", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  self->since = atlas_view_state_get_filter (self->view_state)->since;
  self->until = atlas_view_state_get_filter (self->view_state)->until;
  fill (self);
}

static void
atlas_event_table_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, ATLAS_EVENT_TABLE (object)->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_table_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL:
      set_model (ATLAS_EVENT_TABLE (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_table_map (GtkWidget *widget)
{
  AtlasEventTable *self = ATLAS_EVENT_TABLE (widget);

  GTK_WIDGET_CLASS (atlas_event_table_parent_class)->map (widget);
  if (self->stale && self->model != NULL)
    {
      fill (self);
      on_selected_article (self);
    }
}

GListModel *
atlas_event_table_get_rows (AtlasEventTable *self)
{
  return G_LIST_MODEL (self->sorted);
}

static void
atlas_event_table_dispose (GObject *object)
{
  AtlasEventTable *self = ATLAS_EVENT_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (atlas_event_table_parent_class)->dispose (object);
}

static void
atlas_event_table_class_init (AtlasEventTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_event_table_dispose;
  object_class->get_property = atlas_event_table_get_property;
  object_class->set_property = atlas_event_table_set_property;

  /* The events the table shows as rows: the timeline's model, bound from
   * the window's template; set once. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ATLAS_TYPE_TIMELINE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = atlas_event_table_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_event_table_init (AtlasEventTable *self)
{
  GtkColumnViewColumn *date;

  self->view = atlas_table_new_view (_("Events"));

  date = atlas_table_add_column (self->view, ATLAS_TYPE_EVENT_ITEM, _("Date"), "date-label", "starts", TRUE);
  atlas_table_add_column (self->view, ATLAS_TYPE_EVENT_ITEM, _("Kind"), "kind-label", "kind-label", FALSE);
  gtk_column_view_column_set_expand (atlas_table_add_column (self->view, ATLAS_TYPE_EVENT_ITEM, _("Title"), "title",
                                                             "title", FALSE), TRUE);
  atlas_table_add_column (self->view, ATLAS_TYPE_EVENT_ITEM, _("Amount"), "amount-label", "amount", TRUE);
  atlas_table_add_column (self->view, ATLAS_TYPE_EVENT_ITEM, _("Entities"), "entities-label", "entities-label", FALSE);

  self->items = g_list_store_new (ATLAS_TYPE_EVENT_ITEM);
  self->scroller = atlas_table_attach (GTK_WIDGET (self), self->view, G_LIST_MODEL (self->items), &self->sorted,
                                       &self->selection);
  gtk_column_view_sort_by_column (self->view, date, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
}
